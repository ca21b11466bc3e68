package org.kontor.query.ledger;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kontor.events.ledger.AccountType;
import org.kontor.events.ledger.JournalLine;

/** Debits and credits on an account, in minor units of the functional currency. */
record Movement(long debitMinor, long creditMinor) {

    static final Movement NONE = new Movement(0, 0);

    Movement plus(Movement other) {
        return new Movement(debitMinor + other.debitMinor, creditMinor + other.creditMinor);
    }

    Movement minus(Movement other) {
        return new Movement(debitMinor - other.debitMinor, creditMinor - other.creditMinor);
    }

    /** Debits minus credits: positive for a debit balance. */
    long netDebitMinor() {
        return debitMinor - creditMinor;
    }

    /**
     * The balance on the account's normal side: positive when an asset or expense has a debit
     * balance, or a liability, equity or income account a credit balance. An account whose type is
     * not known (yet) is shown debit-positive.
     */
    long normalBalanceMinor(AccountType type) {
        return type == null || type.isDebitNormal() ? netDebitMinor() : -netDebitMinor();
    }

    /** Sums an entry's lines per account, so that two lines on one account are applied together. */
    static Map<String, Movement> byAccount(List<JournalLine> lines) {
        Map<String, Movement> movements = new LinkedHashMap<>();
        for (JournalLine line : lines) {
            movements.merge(line.account(), new Movement(line.debitMinor(), line.creditMinor()), Movement::plus);
        }
        return movements;
    }
}
