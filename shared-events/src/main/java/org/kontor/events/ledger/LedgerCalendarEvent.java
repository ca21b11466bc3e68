package org.kontor.events.ledger;

import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * The ledger's calendar: which months have entries and how far the books are closed. There is one
 * calendar (aggregate id {@value #CALENDAR_ID}). The books close in order, like a lock date: closing
 * a month closes every month before it, and a month can close only when every earlier month with
 * entries is closed. So a close's balances are final, and the next close starts from them.
 */
public sealed interface LedgerCalendarEvent {

    String CALENDAR_ID = "ledger-calendar";

    String period();

    /** The first entry dated in this period was accepted. */
    @Revision("1")
    record FirstEntryInPeriod(String period) implements LedgerCalendarEvent {
    }

    /**
     * The books are closed through this period, with these closing balances; the period is the
     * latest one closed, and no entry dated on or before it is accepted.
     */
    @Revision("1")
    record BooksClosedThrough(String period, List<LedgerPeriodEvent.AccountBalance> closingBalances)
            implements LedgerCalendarEvent {

        public BooksClosedThrough {
            closingBalances = List.copyOf(closingBalances);
        }
    }

    /**
     * The latest closed period was reopened; the books are now closed through {@code closedThrough},
     * the close before it, or not at all ({@code null}).
     */
    @Revision("1")
    record BooksReopened(String period, String closedThrough) implements LedgerCalendarEvent {
    }
}
