package org.kontor.command.ledger;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.Repository;
import org.axonframework.spring.stereotype.Aggregate;
import org.kontor.config.error.BusinessRuleViolation;
import org.kontor.events.ledger.LedgerCalendarEvent;
import org.kontor.events.ledger.LedgerCalendarEvent.BooksClosedThrough;
import org.kontor.events.ledger.LedgerCalendarEvent.BooksReopened;
import org.kontor.events.ledger.LedgerCalendarEvent.FirstEntryInPeriod;
import org.kontor.events.ledger.LedgerPeriodEvent.AccountBalance;
import org.kontor.events.ledger.LedgerPeriodEvent.AccountMovement;

/**
 * How far the books are closed, and which months have entries. Closing works like a lock date:
 * the books are closed through the latest closed month, every month on or before it refuses
 * entries, and a month closes only after every earlier month with entries. That makes a close's
 * balances final, so the next close takes them as its opening and adds its own month.
 *
 * <p>Locked last: after the entry and the period. A posting needs it only for the first entry of a
 * month, so the common posting never waits for it.
 */
@Aggregate(cache = "ledgerCalendarCache")
class LedgerCalendar {

    @AggregateIdentifier
    private String calendarId;
    /** Months with at least one entry. */
    private final NavigableSet<String> monthsWithEntries = new TreeSet<>();
    /** The closes in force, latest on top, each with its closing balances. */
    private final Deque<BooksClosedThrough> closes = new ArrayDeque<>();

    LedgerCalendar() {
        // for Axon
    }

    /** Admits the first entry of a month; refused when the books are closed through that month or later. */
    void admitFirstEntry(String period) {
        if (closesCover(period)) {
            throw new BusinessRuleViolation(LedgerRule.PERIOD_CLOSED, "The period " + period
                    + " is closed: the books are closed through " + closedThrough().orElseThrow() + ".");
        }
        apply(new FirstEntryInPeriod(period));
    }

    /**
     * Closes the books through {@code period}, whose own debits and credits are {@code movements},
     * and answers its closing balances; empty when a later close covers the period already.
     */
    Optional<List<AccountBalance>> closeThrough(String period, List<AccountMovement> movements) {
        if (closesCover(period)) {
            return Optional.empty();
        }
        Optional<String> closedThrough = closedThrough();
        NavigableSet<String> stillOpen = closedThrough
                .map(latest -> monthsWithEntries.subSet(latest, false, period, false))
                .orElseGet(() -> monthsWithEntries.headSet(period, false));
        if (!stillOpen.isEmpty()) {
            throw new BusinessRuleViolation(LedgerRule.EARLIER_PERIOD_OPEN, "The period " + stillOpen.first()
                    + " has entries and is open: the books close in order, so close it first.");
        }
        List<AccountBalance> closingBalances = closingBalances(movements);
        apply(new BooksClosedThrough(period, closingBalances));
        return Optional.of(closingBalances);
    }

    /** Reopens the latest closed period; an earlier one would change balances a later close recorded. */
    void reopen(String period) {
        Optional<String> closedThrough = closedThrough();
        if (closedThrough.isPresent() && !closedThrough.get().equals(period)) {
            throw new BusinessRuleViolation(LedgerRule.LATER_PERIOD_CLOSED, "The books are closed through "
                    + closedThrough.get() + ": reopen the periods after " + period + " first, latest first.");
        }
        Optional<String> before = closes.stream().skip(1).findFirst().map(BooksClosedThrough::period);
        apply(new BooksReopened(period, before.orElse(null)));
    }

    /** Whether the books are closed through this period or a later one. */
    boolean closesCover(String period) {
        return closedThrough().filter(latest -> period.compareTo(latest) <= 0).isPresent();
    }

    /** The one calendar, created by the first thing that needs it. */
    static org.axonframework.modelling.command.Aggregate<LedgerCalendar> of(Repository<LedgerCalendar> calendars)
            throws Exception {
        return calendars.loadOrCreate(LedgerCalendarEvent.CALENDAR_ID, LedgerCalendar::new);
    }

    /** The latest closed period, if any: the books are closed through it. */
    Optional<String> closedThrough() {
        return Optional.ofNullable(closes.peek()).map(BooksClosedThrough::period);
    }

    /** The latest close's balances plus the period's movements, per account in account order. */
    private List<AccountBalance> closingBalances(List<AccountMovement> movements) {
        Map<String, Long> balances = new TreeMap<>();
        if (!closes.isEmpty()) {
            closes.peek().closingBalances().forEach(balance -> balances.put(balance.account(), balance.balanceMinor()));
        }
        for (AccountMovement movement : movements) {
            long net = Math.subtractExact(movement.debitMinor(), movement.creditMinor());
            balances.merge(movement.account(), net, Math::addExact);
        }
        List<AccountBalance> result = new ArrayList<>(balances.size());
        balances.forEach((account, balance) -> result.add(new AccountBalance(account, balance)));
        return result;
    }

    @EventSourcingHandler
    void on(FirstEntryInPeriod event) {
        calendarId = LedgerCalendarEvent.CALENDAR_ID;
        monthsWithEntries.add(event.period());
    }

    @EventSourcingHandler
    void on(BooksClosedThrough event) {
        calendarId = LedgerCalendarEvent.CALENDAR_ID;
        closes.push(event);
    }

    @EventSourcingHandler
    void on(BooksReopened event) {
        closes.poll();
    }
}
