package org.kontor.events.inventory;

/** The kinds of stock movement, as the stock ledger lists them. */
public enum MovementKind {
    RECEIPT,
    ISSUE,
    TRANSFER_OUT,
    TRANSFER_IN,
    ADJUSTMENT
}
