package org.kontor.command.sales;

import org.kontor.config.error.RuleCode;

/** The rules of sales; each is a 422 with this code. */
enum SalesRule implements RuleCode {
    /**
     * The customer's unpaid invoice balances plus open (confirmed, not invoiced) orders plus this
     * one would exceed the customer's credit limit.
     */
    CREDIT_LIMIT_EXCEEDED,
    /** Only a draft can be confirmed (a repeat of the same confirmation changes nothing). */
    ORDER_NOT_DRAFT,
    /** Delivery needs a confirmed order. */
    ORDER_NOT_CONFIRMED,
    /** The order is confirmed but inventory has not reserved its lines yet: try again shortly. */
    STOCK_NOT_RESERVED,
    /** Inventory could not reserve a line of the order: it cannot be delivered, only cancelled. */
    INSUFFICIENT_STOCK,
    /** The order was delivered: it cannot be cancelled, nor delivered again on another date. */
    ORDER_DELIVERED,
    /** A cancelled order takes no further step. */
    ORDER_CANCELLED,
    /** Only a delivered order is invoiced: the invoice bills what left the warehouse. */
    ORDER_NOT_DELIVERED,
    /** A payment may not exceed what the invoice still owes (nothing, once it is paid). */
    PAYMENT_EXCEEDS_BALANCE,
    /** A payment is dated on or after the invoice it pays. */
    PAYMENT_BEFORE_INVOICE,
    /** A payment is in the invoice's currency. */
    CURRENCY_MISMATCH
}
