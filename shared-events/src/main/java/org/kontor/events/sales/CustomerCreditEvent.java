package org.kontor.events.sales;

import org.axonframework.serialization.Revision;

/**
 * A customer's credit in sales: what confirmed orders will owe and invoices still owe. Its own stream per customer
 * ({@link #aggregateId}) is the consistency boundary of "open orders within the credit limit".
 */
public sealed interface CustomerCreditEvent {

    String customerId();

    static String aggregateId(String customerId) {
        return "sales-credit:" + customerId;
    }

    /** A confirmed order's total (net plus tax) now counts against the customer's credit limit. */
    @Revision("1")
    record OrderCreditCommitted(String customerId, String orderId, long amountMinor, String currency)
            implements CustomerCreditEvent {
    }

    /** The order was cancelled or could not be reserved: its total no longer counts. */
    @Revision("1")
    record OrderCreditReleased(String customerId, String orderId, long amountMinor, String currency)
            implements CustomerCreditEvent {
    }

    /**
     * The order was invoiced: its total no longer counts as an open order but as the open balance
     * of invoice {@code invoiceId}.
     */
    @Revision("1")
    record OrderCreditInvoiced(String customerId, String orderId, String invoiceId, long amountMinor,
                               String currency) implements CustomerCreditEvent {
    }

    /** Payment {@code paymentId} reduced the open balance of invoice {@code invoiceId}. */
    @Revision("1")
    record InvoiceCreditSettled(String customerId, String invoiceId, String paymentId, long amountMinor,
                                String currency) implements CustomerCreditEvent {
    }
}
