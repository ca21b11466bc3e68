package org.kontor.command.purchasing;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.modelling.command.Repository;
import org.kontor.command.purchasing.PurchasingCommands.BillPurchaseOrder;
import org.kontor.config.error.BusinessRuleViolation;
import org.kontor.config.error.CommonRule;
import org.kontor.config.http.CommandOutcome;
import org.kontor.events.purchasing.BillEvent;
import org.kontor.events.purchasing.BillEvent.BillLine;
import org.kontor.events.purchasing.BillEvent.BillRecorded;
import org.kontor.events.purchasing.PurchaseOrderEvent;
import org.kontor.events.purchasing.PurchaseOrderEvent.PurchaseOrderPlaced;
import org.kontor.events.purchasing.SupplierEvent.SupplierRegistered;
import org.springframework.stereotype.Component;

/**
 * Records a supplier's bill for a purchase order. Billing touches two aggregates in one unit of
 * work, and so in one transaction: the order, which marks what it received as billed (and refuses
 * when nothing is left to bill), and the new {@link Bill}. A bill id that exists already answers as
 * the first time when the request is the same, a conflict otherwise.
 */
@Component
class PurchaseBilling {

    private final Repository<PurchaseOrder> orders;
    private final Repository<Bill> bills;
    private final PurchasingDirectory directory;
    private final EventStore eventStore;

    PurchaseBilling(Repository<PurchaseOrder> purchaseOrderRepository, Repository<Bill> billRepository,
                    PurchasingDirectory directory, EventStore eventStore) {
        this.orders = purchaseOrderRepository;
        this.bills = billRepository;
        this.directory = directory;
        this.eventStore = eventStore;
    }

    @CommandHandler
    CommandOutcome handle(BillPurchaseOrder command) throws Exception {
        String billAggregateId = BillEvent.aggregateId(command.billId());
        if (eventStore.lastSequenceNumberFor(billAggregateId).isPresent()) {
            return repeatOf(bills.load(billAggregateId).invoke(Bill::recorded), command);
        }
        Aggregate<PurchaseOrder> order = orders.load(PurchaseOrderEvent.aggregateId(command.orderId()));
        checkVersion(order, command);
        PurchaseOrderPlaced placed = order.invoke(PurchaseOrder::placed);
        List<BillLine> lines = order.invoke(held -> held.bill(command.billId(), command.date()));
        LocalDate dueDate = command.dueDate() != null ? command.dueDate()
                : command.date().plusDays(paymentTermDays(placed.supplierId()));
        long net = lines.stream().mapToLong(BillLine::netMinor).reduce(0, Math::addExact);
        long tax = lines.stream().mapToLong(BillLine::taxMinor).reduce(0, Math::addExact);
        BillRecorded recorded = new BillRecorded(command.billId(), placed.orderId(), placed.supplierId(),
                command.date(), dueDate, placed.currency(), lines, net, tax);
        bills.newInstance(() -> new Bill(recorded));
        return new CommandOutcome(command.billId(), CommandOutcome.FIRST_VERSION, true);
    }

    private int paymentTermDays(String supplierId) {
        return directory.supplier(supplierId).map(SupplierRegistered::paymentTermDays)
                .orElseThrow(() -> new IllegalStateException("the order's supplier " + supplierId + " is unknown"));
    }

    private static CommandOutcome repeatOf(BillRecorded earlier, BillPurchaseOrder command) {
        boolean same = earlier.orderId().equals(command.orderId()) && earlier.date().equals(command.date())
                && (command.dueDate() == null || command.dueDate().equals(earlier.dueDate()));
        if (!same) {
            throw new BusinessRuleViolation(CommonRule.ALREADY_EXISTS, "A different bill with id "
                    + command.billId() + " exists.");
        }
        return CommandOutcome.repeatedCreate(command.billId());
    }

    /**
     * If-Match names the order's version. Checked at once, before any rule: Axon's own check only
     * runs when the unit of work commits, so NOTHING_TO_BILL would answer instead of the 412.
     */
    private static void checkVersion(Aggregate<PurchaseOrder> order, BillPurchaseOrder command) {
        Long current = order.version();
        if (command.expectedVersion() != null && current != null && current > command.expectedVersion()) {
            throw new ConflictingAggregateVersionException(command.orderId(), command.expectedVersion(), current);
        }
    }
}
