package org.kontor.events.sales;

/**
 * How a customer paid. Cash lands in the cash account, every other method in the bank account
 * (the ledger's posting map decides the accounts).
 */
public enum PaymentMethod {
    BANK_TRANSFER,
    CARD,
    DIRECT_DEBIT,
    CASH
}
