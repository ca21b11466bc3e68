package org.kontor.command.sales;

import org.kontor.events.common.Money;

/**
 * Customers' credit, for the order's and invoice's command handlers: they call it inside their own unit of work,
 * so an order confirmed over the limit is refused with nothing written.
 */
interface CustomerCredits {

    /** Counts a confirmed order's total against the customer's limit; CREDIT_LIMIT_EXCEEDED over it. */
    void commit(String customerId, String orderId, Money total);

    /** The order no longer counts (cancelled, or its stock could not be reserved). */
    void release(String customerId, String orderId);

    /** The invoiced order's total now counts as the invoice's open balance instead. */
    void invoice(String customerId, String orderId, String invoiceId, Money total);

    /** A payment reduces the invoice's open balance. */
    void settle(String customerId, String invoiceId, String paymentId, Money amount);
}
