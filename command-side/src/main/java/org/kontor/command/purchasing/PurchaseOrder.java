package org.kontor.command.purchasing;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.kontor.command.purchasing.PurchasingCommands.CancelPurchaseOrder;
import org.kontor.command.purchasing.PurchasingCommands.PlacePurchaseOrder;
import org.kontor.command.purchasing.PurchasingCommands.ReceiveGoods;
import org.kontor.config.error.BusinessRuleViolation;
import org.kontor.config.error.CommonRule;
import org.kontor.config.http.CommandOutcome;
import org.kontor.events.purchasing.BillEvent.BillLine;
import org.kontor.events.purchasing.PurchaseOrderEvent;
import org.kontor.events.purchasing.PurchaseOrderEvent.GoodsReceived;
import org.kontor.events.purchasing.PurchaseOrderEvent.OrderQuantity;
import org.kontor.events.purchasing.PurchaseOrderEvent.OrderedLine;
import org.kontor.events.purchasing.PurchaseOrderEvent.PurchaseOrderBilled;
import org.kontor.events.purchasing.PurchaseOrderEvent.PurchaseOrderCancelled;
import org.kontor.events.purchasing.PurchaseOrderEvent.PurchaseOrderPlaced;
import org.kontor.events.purchasing.PurchaseOrderEvent.ReceivedGoods;

/**
 * A purchase order ({@code purchase-order:<id>}): placed with a supplier, its goods received in one
 * or more receipts (never more than ordered), and what was received billed by the supplier in one or
 * more bills ({@link PurchaseBilling}). Each receipt is numbered; its stock receipt id is derived
 * from the order and that number, so inventory records it once.
 */
@Aggregate
class PurchaseOrder {

    @AggregateIdentifier
    private String aggregateId;
    private PurchaseOrderPlaced placed;
    /** Per SKU, in the order's line order: ordered, received and billed quantities. */
    private final Map<String, LineProgress> progress = new LinkedHashMap<>();
    private int receipts;
    /** The date of the latest receipt not billed yet, or {@code null}: a bill may not be dated before it. */
    private LocalDate latestUnbilledReceipt;
    private boolean cancelled;

    PurchaseOrder() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    CommandOutcome handle(PlacePurchaseOrder command, PurchasingDirectory directory, PurchasingCurrency currency) {
        PurchaseOrderPlaced attempt = new PurchaseOrderPlaced(command.orderId(), command.supplierId(),
                command.currency(), command.lines());
        if (placed != null) {
            if (!placed.equals(attempt)) {
                throw new BusinessRuleViolation(CommonRule.ALREADY_EXISTS, "A different purchase order with id "
                        + command.orderId() + " exists.");
            }
            return CommandOutcome.repeatedCreate(command.orderId());
        }
        if (directory.supplier(command.supplierId()).isEmpty()) {
            throw new BusinessRuleViolation(PurchasingRule.UNKNOWN_SUPPLIER, "No supplier has the id "
                    + command.supplierId() + ".");
        }
        if (!currency.code().equals(command.currency())) {
            throw new BusinessRuleViolation(PurchasingRule.CURRENCY_MISMATCH, "Received goods are valued in "
                    + currency.code() + ": purchase orders are placed in it, not in " + command.currency() + ".");
        }
        for (OrderedLine line : command.lines()) {
            if (!directory.productExists(line.sku())) {
                throw new BusinessRuleViolation(PurchasingRule.UNKNOWN_PRODUCT, "No product has the SKU "
                        + line.sku() + ".");
            }
        }
        apply(attempt);
        return new CommandOutcome(command.orderId(), CommandOutcome.FIRST_VERSION, true);
    }

    /** Answers with the stock receipt's id: the receipt is a new thing, the order its owner. */
    @CommandHandler
    CommandOutcome handle(ReceiveGoods command, PurchasingDirectory directory) {
        if (cancelled) {
            throw refused(PurchasingRule.ORDER_CANCELLED, "was cancelled");
        }
        if (!directory.warehouseExists(command.warehouseId())) {
            throw refused(PurchasingRule.UNKNOWN_WAREHOUSE, "cannot be received into warehouse "
                    + command.warehouseId() + ", which was never opened");
        }
        List<OrderQuantity> wanted = command.lines() == null ? outstanding() : command.lines();
        if (wanted.isEmpty()) {
            throw refused(PurchasingRule.NOTHING_TO_RECEIVE, "has been received in full");
        }
        List<ReceivedGoods> received = new ArrayList<>();
        for (OrderQuantity line : wanted) {
            LineProgress ordered = progress.get(line.sku());
            if (ordered == null) {
                throw refused(PurchasingRule.NOT_ON_ORDER, "has no line for " + line.sku());
            }
            if (line.quantity() > ordered.outstanding()) {
                throw refused(PurchasingRule.RECEIPT_EXCEEDS_ORDER, "has " + ordered.outstanding() + " of "
                        + line.sku() + " outstanding, fewer than " + line.quantity());
            }
            received.add(new ReceivedGoods(line.sku(), line.quantity(), ordered.line().unitCostMinor()));
        }
        int number = receipts + 1;
        String receiptId = PurchaseOrderEvent.receiptId(placed.orderId(), number);
        apply(new GoodsReceived(placed.orderId(), placed.supplierId(), number, receiptId, command.warehouseId(),
                command.date(), placed.currency(), received));
        return CommandOutcome.ofCurrentAggregate(receiptId, true);
    }

    /** Cancelling again changes nothing; what was received stays and can be billed. */
    @CommandHandler
    CommandOutcome handle(CancelPurchaseOrder command) {
        if (!cancelled) {
            List<OrderQuantity> outstanding = outstanding();
            if (outstanding.isEmpty()) {
                throw refused(PurchasingRule.ORDER_RECEIVED, "has been received in full");
            }
            apply(new PurchaseOrderCancelled(placed.orderId(), placed.supplierId(), command.reason(), outstanding));
        }
        return CommandOutcome.ofCurrentAggregate(placed.orderId(), false);
    }

    /**
     * Bills everything received and not billed yet, as bill {@code billId}; answers the bill's lines
     * (at the order's unit costs and tax rates).
     */
    List<BillLine> bill(String billId, LocalDate date) {
        List<OrderQuantity> billed = new ArrayList<>();
        List<BillLine> lines = new ArrayList<>();
        for (LineProgress line : progress.values()) {
            long unbilled = line.received() - line.billed();
            if (unbilled > 0) {
                billed.add(new OrderQuantity(line.line().sku(), unbilled));
                lines.add(billLine(line.line(), unbilled));
            }
        }
        if (billed.isEmpty()) {
            throw refused(PurchasingRule.NOTHING_TO_BILL, "has nothing received that is not billed");
        }
        if (date.isBefore(latestUnbilledReceipt)) {
            throw refused(PurchasingRule.BILL_BEFORE_RECEIPT, "received goods on " + latestUnbilledReceipt
                    + ", after the bill's date " + date);
        }
        apply(new PurchaseOrderBilled(placed.orderId(), placed.supplierId(), billId, date, billed));
        return lines;
    }

    PurchaseOrderPlaced placed() {
        return placed;
    }

    /** Net at the order's cost (what the receipts were valued at), input tax per line rounded half up. */
    static BillLine billLine(OrderedLine line, long quantity) {
        long net = Math.multiplyExact(quantity, line.unitCostMinor());
        long tax = BigDecimal.valueOf(net).multiply(line.taxRatePercent())
                .divide(BigDecimal.valueOf(100), 0, RoundingMode.HALF_UP).longValueExact();
        return new BillLine(line.sku(), quantity, line.unitCostMinor(), line.taxRatePercent(), net, tax);
    }

    private List<OrderQuantity> outstanding() {
        return progress.values().stream().filter(line -> line.outstanding() > 0)
                .map(line -> new OrderQuantity(line.line().sku(), line.outstanding())).toList();
    }

    private BusinessRuleViolation refused(PurchasingRule rule, String why) {
        return new BusinessRuleViolation(rule, "Purchase order " + placed.orderId() + " " + why + ".");
    }

    @EventSourcingHandler
    void on(PurchaseOrderPlaced event) {
        aggregateId = PurchaseOrderEvent.aggregateId(event.orderId());
        placed = event;
        event.lines().forEach(line -> progress.put(line.sku(), new LineProgress(line, 0, 0)));
    }

    @EventSourcingHandler
    void on(GoodsReceived event) {
        receipts = event.receiptNumber();
        if (latestUnbilledReceipt == null || event.date().isAfter(latestUnbilledReceipt)) {
            latestUnbilledReceipt = event.date();
        }
        event.lines().forEach(line -> progress.computeIfPresent(line.sku(),
                (sku, current) -> current.receive(line.quantity())));
    }

    @EventSourcingHandler
    void on(PurchaseOrderBilled event) {
        event.lines().forEach(line -> progress.computeIfPresent(line.sku(),
                (sku, current) -> current.bill(line.quantity())));
        latestUnbilledReceipt = null; // a bill covers everything received so far
    }

    @EventSourcingHandler
    void on(PurchaseOrderCancelled event) {
        cancelled = true;
    }

    /** One ordered line and how far it has come. */
    private record LineProgress(OrderedLine line, long received, long billed) {

        long outstanding() {
            return line.quantity() - received;
        }

        LineProgress receive(long quantity) {
            return new LineProgress(line, received + quantity, billed);
        }

        LineProgress bill(long quantity) {
            return new LineProgress(line, received, billed + quantity);
        }
    }
}
