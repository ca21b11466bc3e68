package org.kontor.events.ledger;

/** The five kinds of ledger account; assets and expenses normally carry debit balances. */
public enum AccountType {
    ASSET,
    LIABILITY,
    EQUITY,
    INCOME,
    EXPENSE;

    /** Whether a balance of this type is normally a debit (debits minus credits is positive). */
    public boolean isDebitNormal() {
        return this == ASSET || this == EXPENSE;
    }

    /** Income and expense accounts make up the result (profit or loss); the others the balance sheet. */
    public boolean isResultAccount() {
        return this == INCOME || this == EXPENSE;
    }
}
