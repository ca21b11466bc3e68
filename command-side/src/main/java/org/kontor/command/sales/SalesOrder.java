package org.kontor.command.sales;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.kontor.command.sales.SalesOrderCommands.CancelSalesOrder;
import org.kontor.command.sales.SalesOrderCommands.ConfirmSalesOrder;
import org.kontor.command.sales.SalesOrderCommands.DeliverSalesOrder;
import org.kontor.command.sales.SalesOrderCommands.DraftSalesOrder;
import org.kontor.command.sales.SalesOrderCommands.InvoiceSalesOrder;
import org.kontor.command.sales.SalesOrderCommands.RecordReservationFailure;
import org.kontor.command.sales.SalesOrderCommands.RecordStockReserved;
import org.kontor.config.error.BusinessRuleViolation;
import org.kontor.config.error.CommonRule;
import org.kontor.config.http.CommandOutcome;
import org.kontor.events.common.Money;
import org.kontor.events.sales.InvoiceEvent.InvoiceIssued;
import org.kontor.events.sales.SalesOrderEvent.OrderLine;
import org.kontor.events.sales.SalesOrderEvent.SalesOrderCancelled;
import org.kontor.events.sales.SalesOrderEvent.SalesOrderConfirmed;
import org.kontor.events.sales.SalesOrderEvent.SalesOrderDelivered;
import org.kontor.events.sales.SalesOrderEvent.SalesOrderDrafted;
import org.kontor.events.sales.SalesOrderEvent.SalesOrderInvoiced;
import org.kontor.events.sales.SalesOrderEvent.SalesOrderReservationFailed;
import org.kontor.events.sales.SalesOrderEvent.SalesOrderStockReserved;

/**
 * A sales order: DRAFT, then CONFIRMED (inventory is asked to reserve its lines), then RESERVED or
 * RESERVATION_FAILED (as {@link OrderFulfilment} reports), DELIVERED from RESERVED, INVOICED from
 * DELIVERED (issuing its {@link Invoice}); CANCELLED from anything before DELIVERED. Confirming
 * counts the order's total against the customer's credit ({@link CustomerCredits}, refused over the
 * limit); cancelling or a failed reservation gives it back, invoicing turns it into the invoice's
 * open balance. A failed reservation is not retried: the order is cancelled and a new one drafted,
 * so reservation ids (derived from order and line) are never reused.
 */
@Aggregate
class SalesOrder {

    @AggregateIdentifier
    private String orderId;
    private SalesOrderDrafted drafted;
    private OrderStatus status;
    private String warehouseId;
    private SalesOrderDelivered delivered;
    private SalesOrderInvoiced invoiced;

    SalesOrder() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    CommandOutcome handle(DraftSalesOrder command, SalesCustomers customers) {
        SalesOrderDrafted attempt = new SalesOrderDrafted(command.orderId(), command.customerId(), command.currency(),
                command.lines());
        if (orderId != null) {
            if (!drafted.equals(attempt)) {
                throw new BusinessRuleViolation(CommonRule.ALREADY_EXISTS, "A different sales order with id "
                        + orderId + " exists.");
            }
            return CommandOutcome.repeatedCreate(orderId);
        }
        if (!customers.exists(command.customerId())) {
            throw new BusinessRuleViolation(CommonRule.NOT_FOUND, "No customer with id " + command.customerId()
                    + ".");
        }
        apply(attempt);
        return CommandOutcome.ofCurrentAggregate(command.orderId(), true);
    }

    /** Confirming again for the same warehouse changes nothing. */
    @CommandHandler
    CommandOutcome handle(ConfirmSalesOrder command, CustomerCredits credits) {
        if (status == OrderStatus.DRAFT) {
            long netMinor = netMinor(drafted.lines());
            long taxMinor = taxMinor(drafted.lines());
            credits.commit(drafted.customerId(), orderId,
                    Money.of(Math.addExact(netMinor, taxMinor), drafted.currency()));
            apply(new SalesOrderConfirmed(orderId, drafted.customerId(), command.warehouseId(), drafted.currency(),
                    drafted.lines(), netMinor, taxMinor));
        } else if (!isConfirmedFor(command.warehouseId())) {
            throw refused(SalesRule.ORDER_NOT_DRAFT, "is " + status + ", not a draft");
        }
        return CommandOutcome.ofCurrentAggregate(orderId, false);
    }

    /** Delivering again on the same date changes nothing. */
    @CommandHandler
    CommandOutcome handle(DeliverSalesOrder command) {
        switch (status) {
            case RESERVED -> apply(new SalesOrderDelivered(orderId, drafted.customerId(), warehouseId, command.date(),
                    drafted.lines()));
            case DELIVERED, INVOICED -> {
                if (!delivered.date().equals(command.date())) {
                    throw refused(SalesRule.ORDER_DELIVERED, "was delivered on " + delivered.date() + " already");
                }
            }
            case CONFIRMED -> throw refused(SalesRule.STOCK_NOT_RESERVED, "is confirmed, its stock not reserved yet");
            case RESERVATION_FAILED -> throw refused(SalesRule.INSUFFICIENT_STOCK, "could not be reserved");
            case CANCELLED -> throw refused(SalesRule.ORDER_CANCELLED, "was cancelled");
            default -> throw refused(SalesRule.ORDER_NOT_CONFIRMED, "is not confirmed");
        }
        return CommandOutcome.ofCurrentAggregate(orderId, false);
    }

    /**
     * Issues the order's one invoice ({@link Invoices}) and moves the order's total from the
     * customer's open orders to its open receivables. Without a due date in the command it falls
     * due after the customer's payment terms ({@link PaymentTerms}). Invoicing again with the same
     * invoice id, date and due date (or none) answers as the first time; anything else is
     * ALREADY_EXISTS. A reserved but undelivered order is not invoiced: the invoice bills what left
     * the warehouse.
     */
    @CommandHandler
    CommandOutcome handle(InvoiceSalesOrder command, Invoices invoices, CustomerCredits credits, PaymentTerms terms,
                          DeadlineManager deadlines) {
        if (status == OrderStatus.INVOICED) {
            // A repeat naming no due date asks for the terms' due date as it was when invoiced: the
            // customer's terms may have changed since, and a retry must still answer as the first time.
            LocalDate askedDueDate = command.dueDate() != null ? command.dueDate() : invoiced.dueDate();
            if (!isInvoicedAs(command.invoiceId(), command.date(), askedDueDate)) {
                throw new BusinessRuleViolation(CommonRule.ALREADY_EXISTS, "Sales order " + orderId
                        + " was invoiced already: invoice " + invoiced.invoiceId() + " of " + invoiced.date()
                        + ", due " + invoiced.dueDate() + ".");
            }
            return CommandOutcome.repeatedCreate(invoiced.invoiceId());
        }
        switch (status) {
            case DELIVERED -> {
                // the one state an order is invoiced in
            }
            case CANCELLED -> throw refused(SalesRule.ORDER_CANCELLED, "was cancelled");
            default -> throw refused(SalesRule.ORDER_NOT_DELIVERED, "is " + status + ", not delivered");
        }
        LocalDate dueDate = command.dueDate() != null ? command.dueDate()
                : terms.dueDate(drafted.customerId(), command.date());
        long netMinor = netMinor(drafted.lines());
        long taxMinor = taxMinor(drafted.lines());
        InvoiceIssued invoice = new InvoiceIssued(command.invoiceId(), orderId, drafted.customerId(),
                drafted.currency(), drafted.lines(), netMinor, taxMinor, command.date(), dueDate);
        invoices.issue(invoice, deadlines);
        credits.invoice(drafted.customerId(), orderId, command.invoiceId(),
                Money.of(invoice.totalMinor(), drafted.currency()));
        apply(new SalesOrderInvoiced(orderId, drafted.customerId(), command.invoiceId(), command.date(), dueDate));
        return new CommandOutcome(command.invoiceId(), CommandOutcome.FIRST_VERSION, true);
    }

    /** Cancelling again changes nothing. */
    @CommandHandler
    CommandOutcome handle(CancelSalesOrder command, CustomerCredits credits) {
        if (status == OrderStatus.DELIVERED || status == OrderStatus.INVOICED) {
            throw refused(SalesRule.ORDER_DELIVERED, "was delivered");
        }
        if (status != OrderStatus.CANCELLED) {
            credits.release(drafted.customerId(), orderId);
            apply(new SalesOrderCancelled(orderId, drafted.customerId(), command.reason(), warehouseId,
                    drafted.lines()));
        }
        return CommandOutcome.ofCurrentAggregate(orderId, false);
    }

    /** Arrives once per reservation outcome; an order that moved on meanwhile (cancelled) ignores it. */
    @CommandHandler
    void handle(RecordStockReserved command) {
        if (status == OrderStatus.CONFIRMED) {
            apply(new SalesOrderStockReserved(orderId, drafted.customerId()));
        }
    }

    @CommandHandler
    void handle(RecordReservationFailure command, CustomerCredits credits) {
        if (status == OrderStatus.CONFIRMED) {
            credits.release(drafted.customerId(), orderId);
            apply(new SalesOrderReservationFailed(orderId, drafted.customerId(), warehouseId, command.sku(),
                    command.code(), command.reason(), drafted.lines()));
        }
    }

    private boolean isInvoicedAs(String invoiceId, LocalDate date, LocalDate dueDate) {
        return invoiced.invoiceId().equals(invoiceId) && invoiced.date().equals(date)
                && invoiced.dueDate().equals(dueDate);
    }

    private boolean isConfirmedFor(String warehouse) {
        return status != OrderStatus.CANCELLED && warehouse.equals(warehouseId);
    }

    private BusinessRuleViolation refused(SalesRule rule, String why) {
        return new BusinessRuleViolation(rule, "Sales order " + orderId + " " + why + ".");
    }

    static long netMinor(List<OrderLine> lines) {
        return lines.stream().mapToLong(line -> Math.multiplyExact(line.quantity(), line.unitPriceMinor())).sum();
    }

    /** Tax per line, rounded half up to the minor unit, as an invoice shows it. */
    static long taxMinor(List<OrderLine> lines) {
        long tax = 0;
        for (OrderLine line : lines) {
            BigDecimal net = BigDecimal.valueOf(Math.multiplyExact(line.quantity(), line.unitPriceMinor()));
            tax += net.multiply(line.taxRatePercent()).divide(BigDecimal.valueOf(100), 0, RoundingMode.HALF_UP)
                    .longValueExact();
        }
        return tax;
    }

    @EventSourcingHandler
    void on(SalesOrderDrafted event) {
        orderId = event.orderId();
        drafted = event;
        status = OrderStatus.DRAFT;
    }

    @EventSourcingHandler
    void on(SalesOrderConfirmed event) {
        status = OrderStatus.CONFIRMED;
        warehouseId = event.warehouseId();
    }

    @EventSourcingHandler
    void on(SalesOrderStockReserved event) {
        status = OrderStatus.RESERVED;
    }

    @EventSourcingHandler
    void on(SalesOrderReservationFailed event) {
        status = OrderStatus.RESERVATION_FAILED;
    }

    @EventSourcingHandler
    void on(SalesOrderDelivered event) {
        status = OrderStatus.DELIVERED;
        delivered = event;
    }

    @EventSourcingHandler
    void on(SalesOrderInvoiced event) {
        status = OrderStatus.INVOICED;
        invoiced = event;
    }

    @EventSourcingHandler
    void on(SalesOrderCancelled event) {
        status = OrderStatus.CANCELLED;
    }

    private enum OrderStatus {
        DRAFT,
        CONFIRMED,
        RESERVED,
        RESERVATION_FAILED,
        DELIVERED,
        INVOICED,
        CANCELLED
    }
}
