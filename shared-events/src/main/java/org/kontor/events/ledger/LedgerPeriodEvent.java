package org.kontor.events.ledger;

import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * Everything that can happen to an accounting period (a calendar month). The aggregate id is
 * {@code period:YYYY-MM}. Every accepted posting is recorded in its period's stream, so a close
 * and a posting can never both succeed against the same state, whichever node handles them.
 */
public sealed interface LedgerPeriodEvent {

    String period();

    static String periodId(String period) {
        return "period:" + period;
    }

    /** An entry dated in this period was accepted while the period was open. */
    @Revision("1")
    record EntryRecordedInPeriod(String period, String entryId, List<AccountMovement> movements)
            implements LedgerPeriodEvent {

        public EntryRecordedInPeriod {
            movements = List.copyOf(movements);
        }
    }

    /**
     * The period was closed. {@code movements} are its debits and credits per account, as closed;
     * {@code closingBalances} the balance of every account that ever moved, at the end of the period.
     * Periods close in order (see {@link LedgerCalendarEvent}), so these balances are final: nothing
     * can be posted on or before this period any more until it is reopened.
     *
     * <p>Revision 2 added {@code closingBalances}; a revision-1 close (from development builds before
     * the calendar existed) reads with none.
     */
    @Revision("2")
    record PeriodClosed(String period, List<AccountMovement> movements, List<AccountBalance> closingBalances)
            implements LedgerPeriodEvent {

        public PeriodClosed {
            movements = List.copyOf(movements);
            closingBalances = closingBalances == null ? List.of() : List.copyOf(closingBalances);
        }
    }

    /** The period was opened again, for the reason given. */
    @Revision("1")
    record PeriodReopened(String period, String reason) implements LedgerPeriodEvent {
    }

    /** The balance of one account, in minor units: positive on the debit side, negative on the credit side. */
    record AccountBalance(String account, long balanceMinor) {
    }

    /** Debits and credits on one account, in minor units. */
    record AccountMovement(String account, long debitMinor, long creditMinor) {
    }
}
