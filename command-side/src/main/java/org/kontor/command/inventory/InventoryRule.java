package org.kontor.command.inventory;

import org.kontor.config.error.RuleCode;

/** The rules of inventory; each is a 422 with this code. */
enum InventoryRule implements RuleCode {
    /** The movement would take more than is available (on hand minus reserved), now or on any later date. */
    INSUFFICIENT_STOCK,
    /** A movement names a SKU no product was registered with. */
    UNKNOWN_PRODUCT,
    /** A movement names a warehouse that was never opened. */
    UNKNOWN_WAREHOUSE,
    /** A unit cost is not in the inventory currency. */
    CURRENCY_MISMATCH,
    /** The reservation was released or issued already. */
    RESERVATION_NOT_OPEN
}
