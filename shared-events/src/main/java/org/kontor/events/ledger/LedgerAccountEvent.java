package org.kontor.events.ledger;

import org.axonframework.serialization.Revision;

/** Everything that can happen to an account of the chart. The aggregate id is {@code account:<code>}. */
public sealed interface LedgerAccountEvent {

    String code();

    static String accountId(String code) {
        return "account:" + code;
    }

    /** An account was added to the chart of accounts. */
    @Revision("1")
    record AccountOpened(String code, String name, AccountType type, String parentCode) implements LedgerAccountEvent {
    }
}
