package org.kontor.query.crm;

import java.time.Instant;
import java.util.Locale;
import org.kontor.events.common.Money;
import org.kontor.events.sales.InvoiceEvent;
import org.kontor.events.sales.InvoiceEvent.InvoiceIssued;
import org.kontor.events.sales.InvoiceEvent.InvoiceOverdue;
import org.kontor.events.sales.InvoiceEvent.InvoicePaymentReceived;
import org.kontor.events.sales.SalesOrderEvent;
import org.kontor.events.sales.SalesOrderEvent.SalesOrderCancelled;
import org.kontor.events.sales.SalesOrderEvent.SalesOrderConfirmed;
import org.kontor.events.sales.SalesOrderEvent.SalesOrderDelivered;
import org.kontor.events.sales.SalesOrderEvent.SalesOrderDrafted;
import org.kontor.events.sales.SalesOrderEvent.SalesOrderInvoiced;
import org.kontor.events.sales.SalesOrderEvent.SalesOrderReservationFailed;
import org.kontor.events.sales.SalesOrderEvent.SalesOrderStockReserved;

/** The timeline's sentences for a customer's sales orders and invoices; each entry refers to its document. */
final class SalesTimelineEntries {

    private SalesTimelineEntries() {
    }

    static TimelineEntry describe(SalesOrderEvent event, Instant at, String by) {
        return new TimelineEntry(at, event.getClass().getSimpleName(), summaryOf(event), event.orderId(), by);
    }

    /** An invoice's entries refer to the invoice. */
    static TimelineEntry describe(InvoiceEvent event, Instant at, String by) {
        return new TimelineEntry(at, event.getClass().getSimpleName(), summaryOf(event), event.invoiceId(), by);
    }

    private static String summaryOf(InvoiceEvent event) {
        if (event instanceof InvoiceIssued issued) {
            return "Invoice issued: " + amount(issued.totalMinor(), issued.currency()) + ", due " + issued.dueDate();
        }
        if (event instanceof InvoicePaymentReceived payment) {
            String open = payment.paysInFull() ? "paid in full"
                    : amount(payment.openMinor(), payment.currency()) + " still open";
            return "Payment received: " + amount(payment.amountMinor(), payment.currency()) + " by "
                    + payment.method().name().toLowerCase(Locale.ROOT).replace('_', ' ') + ", " + open;
        }
        InvoiceOverdue overdue = (InvoiceOverdue) event; // the last kind of a sealed interface
        return "Invoice overdue since " + overdue.dueDate() + ": " + amount(overdue.openMinor(), overdue.currency())
                + " open";
    }

    private static String amount(long minor, String currency) {
        return Money.of(minor, currency).toDecimalString() + " " + currency;
    }

    private static String summaryOf(SalesOrderEvent event) {
        if (event instanceof SalesOrderDrafted drafted) {
            return "Order drafted: " + drafted.lines().size() + " line(s)";
        }
        if (event instanceof SalesOrderConfirmed confirmed) {
            return "Order confirmed: " + Money.of(Math.addExact(confirmed.netMinor(), confirmed.taxMinor()),
                    confirmed.currency()).toDecimalString() + " " + confirmed.currency();
        }
        if (event instanceof SalesOrderStockReserved) {
            return "Order's stock reserved";
        }
        if (event instanceof SalesOrderReservationFailed failed) {
            return "Order's stock could not be reserved: " + failed.sku() + " (" + failed.code() + ")";
        }
        if (event instanceof SalesOrderDelivered delivered) {
            return "Order delivered on " + delivered.date();
        }
        if (event instanceof SalesOrderInvoiced invoiced) {
            return "Order invoiced on " + invoiced.date() + ", due " + invoiced.dueDate();
        }
        SalesOrderCancelled cancelled = (SalesOrderCancelled) event; // the last kind of a sealed interface
        return "Order cancelled: " + cancelled.reason();
    }
}
