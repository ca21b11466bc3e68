package org.kontor.command.ledger;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.kontor.config.error.BusinessRuleViolation;
import org.kontor.events.ledger.LedgerPeriodEvent;
import org.kontor.events.ledger.LedgerPeriodEvent.AccountBalance;
import org.kontor.events.ledger.LedgerPeriodEvent.AccountMovement;
import org.kontor.events.ledger.LedgerPeriodEvent.EntryRecordedInPeriod;
import org.kontor.events.ledger.LedgerPeriodEvent.PeriodClosed;
import org.kontor.events.ledger.LedgerPeriodEvent.PeriodReopened;

/**
 * An accounting period (a calendar month): open until closed. Every entry dated in it is recorded
 * here while it is open, so the close sees exactly the entries that were accepted, and nothing is
 * accepted after it. Closing and reopening go through {@link PeriodClosing}, which asks the
 * {@link LedgerCalendar} whether the order of closes allows it. Kept in Axon's aggregate cache: its stream grows with every posting.
 */
@Aggregate(cache = "ledgerPeriodCache")
class LedgerPeriod {

    @AggregateIdentifier
    private String periodId;
    private String period;
    private boolean closed;
    private boolean hasEntries;
    /** Debits and credits per account so far, by account code. Values, so Axon can compare states. */
    private final Map<String, AccountMovement> movements = new TreeMap<>();

    LedgerPeriod() {
        // for Axon
    }

    /** Records an entry that is being posted; refused once the period is closed. */
    void record(String forPeriod, String entryId, List<AccountMovement> entryMovements) {
        if (closed) {
            throw new BusinessRuleViolation(LedgerRule.PERIOD_CLOSED, "The period " + forPeriod + " is closed.");
        }
        apply(new EntryRecordedInPeriod(forPeriod, entryId, entryMovements));
    }

    /** Closes the period with its movements so far and the closing balances the calendar worked out. */
    void close(String forPeriod, List<AccountBalance> closingBalances) {
        apply(new PeriodClosed(forPeriod, movementsSoFar(), closingBalances));
    }

    /** Opens the closed period again, for a reason. */
    void reopen(String reason) {
        apply(new PeriodReopened(period, reason));
    }

    /** Open and without entries: the next entry is the month's first, which the calendar must admit. */
    boolean awaitsFirstEntry() {
        return !closed && !hasEntries;
    }

    boolean isClosed() {
        return closed;
    }

    /** Debits and credits per account so far, in account order. */
    List<AccountMovement> movementsSoFar() {
        return new ArrayList<>(movements.values());
    }

    @EventSourcingHandler
    void on(EntryRecordedInPeriod event) {
        identify(event.period());
        hasEntries = true;
        for (AccountMovement movement : event.movements()) {
            movements.merge(movement.account(), movement, (sofar, more) -> new AccountMovement(sofar.account(),
                    sofar.debitMinor() + more.debitMinor(), sofar.creditMinor() + more.creditMinor()));
        }
    }

    @EventSourcingHandler
    void on(PeriodClosed event) {
        identify(event.period());
        closed = true;
    }

    @EventSourcingHandler
    void on(PeriodReopened event) {
        closed = false;
    }

    private void identify(String eventPeriod) {
        period = eventPeriod;
        periodId = LedgerPeriodEvent.periodId(eventPeriod);
    }
}
