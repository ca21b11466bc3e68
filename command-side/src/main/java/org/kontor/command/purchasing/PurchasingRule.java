package org.kontor.command.purchasing;

import org.kontor.config.error.RuleCode;

/** The rules of purchasing; each is a 422 with this code. */
enum PurchasingRule implements RuleCode {
    /** A purchase order names a supplier that was never registered. */
    UNKNOWN_SUPPLIER,
    /** A purchase order names a SKU no product was registered with: its goods could not be received. */
    UNKNOWN_PRODUCT,
    /** A receipt names a warehouse that was never opened. */
    UNKNOWN_WAREHOUSE,
    /** A purchase order is not in the currency stock is valued in. */
    CURRENCY_MISMATCH,
    /** A receipt names a SKU the order does not have. */
    NOT_ON_ORDER,
    /** A receipt would take a line past what was ordered and not yet received. */
    RECEIPT_EXCEEDS_ORDER,
    /** Every ordered quantity was received already. */
    NOTHING_TO_RECEIVE,
    /** The order was cancelled: nothing more is received on it. */
    ORDER_CANCELLED,
    /** The order was received in full: there is nothing left to cancel. */
    ORDER_RECEIVED,
    /** Everything received was billed already (or nothing was received yet). */
    NOTHING_TO_BILL,
    /**
     * A bill dated before the last receipt it covers: the goods would leave goods received not
     * invoiced before they entered it.
     */
    BILL_BEFORE_RECEIPT,
    /** A payment dated before its bill: payables would be paid before they were owed. */
    PAYMENT_BEFORE_BILL,
    /** A payment is larger than what the bill still has open. */
    PAYMENT_EXCEEDS_BALANCE
}
