package org.kontor.events.ledger;

import java.util.Objects;

/** One line of a journal entry: exactly one of debit and credit is positive, in minor units. */
public record JournalLine(String account, long debitMinor, long creditMinor, String costCenter, String memo) {

    public JournalLine {
        Objects.requireNonNull(account, "account");
        if (debitMinor < 0 || creditMinor < 0 || (debitMinor > 0) == (creditMinor > 0)) {
            throw new IllegalArgumentException("a line has exactly one of debit and credit, and it is positive");
        }
    }

    /** Debit minus credit: positive for a debit line. */
    public long signedMinor() {
        return debitMinor - creditMinor;
    }

    /** The same line on the other side, as a reversal books it. */
    public JournalLine reversed() {
        return new JournalLine(account, creditMinor, debitMinor, costCenter, memo);
    }
}
