package org.kontor.command.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kontor.command.ledger.LedgerCommands.ClosePeriod;
import org.kontor.command.ledger.LedgerCommands.PostJournalEntry;
import org.kontor.command.ledger.LedgerCommands.ReopenPeriod;
import org.kontor.config.http.CommandOutcome;
import org.kontor.events.ledger.JournalLine;
import org.kontor.events.ledger.LedgerCalendarEvent;
import org.kontor.events.ledger.LedgerCalendarEvent.BooksClosedThrough;
import org.kontor.events.ledger.LedgerCalendarEvent.BooksReopened;
import org.kontor.events.ledger.LedgerPeriodEvent;
import org.kontor.events.ledger.LedgerPeriodEvent.AccountBalance;
import org.kontor.events.ledger.LedgerPeriodEvent.AccountMovement;
import org.kontor.events.ledger.LedgerPeriodEvent.PeriodClosed;
import org.kontor.events.ledger.LedgerPeriodEvent.PeriodReopened;

/**
 * Closing and reopening periods: a close touches the period and the ledger's calendar in one unit
 * of work, so these run on {@link InMemoryLedger}. The books close in order, and each close records
 * the balances at the end of its month: the previous close's balances plus the month's movements.
 */
class PeriodClosingTest {

    private static final String JANUARY = "2026-01";
    private static final String FEBRUARY = "2026-02";
    private static final String MARCH = "2026-03";
    private static final String APRIL = "2026-04";
    private static final String REASON = "Supplier invoice of March arrived late";

    private InMemoryLedger ledger;
    private CommandGateway commands;
    private int entries;

    @BeforeEach
    void startAxon() {
        ledger = new InMemoryLedger(Set.of("1100", "2200", "4000", "6100"));
        commands = ledger.commands();
    }

    @AfterEach
    void stopAxon() {
        ledger.close();
    }

    // --- close --------------------------------------------------------------------------------

    @Test
    void closeFirstPeriodWithEntries_movementsAndClosingBalancesRecordedInPeriodAndCalendarInOneUnitOfWork() {
        sale(MARCH, 11_900);
        rent(MARCH, 80_000);
        ledger.commits().clear();

        CommandOutcome outcome = close(MARCH);

        List<AccountBalance> balances = List.of(
                new AccountBalance("1100", -68_100),
                new AccountBalance("2200", -1_900),
                new AccountBalance("4000", -10_000),
                new AccountBalance("6100", 80_000));
        PeriodClosed closed = new PeriodClosed(MARCH, List.of(
                new AccountMovement("1100", 11_900, 80_000),
                new AccountMovement("2200", 0, 1_900),
                new AccountMovement("4000", 0, 10_000),
                new AccountMovement("6100", 80_000, 0)), balances);
        assertThat(ledger.commits()).containsExactly(List.of(new BooksClosedThrough(MARCH, balances), closed));
        assertThat(outcome).isEqualTo(new CommandOutcome(MARCH, 3, false));
    }

    @Test
    void closeNextPeriod_closingBalancesAreThePreviousCloseplusItsMovements() {
        sale(MARCH, 11_900);
        close(MARCH);
        rent(APRIL, 80_000);

        close(APRIL);

        assertThat(closingBalancesOf(APRIL)).containsExactly(
                new AccountBalance("1100", 11_900 - 80_000),
                new AccountBalance("2200", -1_900),
                new AccountBalance("4000", -10_000),
                new AccountBalance("6100", 80_000));
    }

    @Test
    void closePeriodWithoutEntries_closedWithTheBalancesItOpenedWith() {
        sale(MARCH, 11_900);
        close(MARCH);

        CommandOutcome outcome = close(APRIL);

        assertThat(ledger.eventsOf(periodId(APRIL)))
                .containsExactly(new PeriodClosed(APRIL, List.of(), closingBalancesOf(MARCH)));
        assertThat(outcome).isEqualTo(new CommandOutcome(APRIL, 1, false));
    }

    @Test
    void closeClosedPeriod_nothingHappensAndSameAnswer() {
        sale(MARCH, 11_900);
        close(MARCH);
        ledger.commits().clear();

        CommandOutcome outcome = close(MARCH);

        assertThat(ledger.commits()).allSatisfy(commit -> assertThat(commit).isEmpty());
        assertThat(outcome).isEqualTo(new CommandOutcome(MARCH, 2, false));
    }

    @Test
    void closePeriodWhileEarlierPeriodWithEntriesIsOpen_refusedAsEarlierPeriodOpenAndNothingStored() {
        sale(JANUARY, 11_900);
        sale(MARCH, 5_950);
        ledger.commits().clear();

        ledger.assertRefused(new ClosePeriod(periodId(MARCH), MARCH), LedgerRule.EARLIER_PERIOD_OPEN,
                "The period 2026-01 has entries and is open: the books close in order, so close it first.");

        assertThat(ledger.commits()).allSatisfy(commit -> assertThat(commit).isEmpty());
    }

    @Test
    void closePeriodAfterEarlierMonthsWithoutEntries_closedAndThoseMonthsClosedWithIt() {
        sale(MARCH, 11_900);

        close(MARCH);

        ledger.assertRefused(post(LocalDate.of(2026, 1, 31)), LedgerRule.PERIOD_CLOSED,
                "The period 2026-01 is closed: the books are closed through 2026-03.");
    }

    @Test
    void closeMonthWithoutEntriesBeforeTheBooksClose_nothingHappens() {
        // February is closed already, by March's close.
        sale(MARCH, 11_900);
        close(MARCH);
        ledger.commits().clear();

        CommandOutcome outcome = close(FEBRUARY);

        assertThat(ledger.commits()).allSatisfy(commit -> assertThat(commit).isEmpty());
        assertThat(outcome).isEqualTo(new CommandOutcome(FEBRUARY, 0, false));
    }

    // --- reopen -------------------------------------------------------------------------------

    @Test
    void reopenLatestClosedPeriod_reopenedAndTheBooksClosedThroughTheCloseBefore() {
        sale(MARCH, 11_900);
        close(MARCH);
        rent(APRIL, 80_000);
        close(APRIL);
        ledger.commits().clear();

        CommandOutcome outcome = reopen(APRIL);

        assertThat(ledger.commits()).containsExactly(List.of(
                new BooksReopened(APRIL, MARCH), new PeriodReopened(APRIL, REASON)));
        assertThat(outcome).isEqualTo(new CommandOutcome(APRIL, 3, false));
    }

    @Test
    void closeReopenedPeriodAfterAnotherEntry_closingBalancesIncludeEveryEntryOfThePeriod() {
        sale(MARCH, 11_900);
        close(MARCH);
        reopen(MARCH);
        rent(MARCH, 80_000);

        close(MARCH);

        assertThat(closingBalancesOf(MARCH)).containsExactly(
                new AccountBalance("1100", -68_100),
                new AccountBalance("2200", -1_900),
                new AccountBalance("4000", -10_000),
                new AccountBalance("6100", 80_000));
    }

    @Test
    void reopenPeriodBeforeTheLatestClose_refusedAsLaterPeriodClosed() {
        sale(MARCH, 11_900);
        close(MARCH);
        close(APRIL);

        ledger.assertRefused(new ReopenPeriod(periodId(MARCH), MARCH, REASON), LedgerRule.LATER_PERIOD_CLOSED,
                "The books are closed through 2026-04: reopen the periods after 2026-03 first, latest first.");
    }

    @Test
    void reopenMonthWithoutEntriesBeforeTheBooksClose_refusedAsLaterPeriodClosed() {
        sale(MARCH, 11_900);
        close(MARCH);

        ledger.assertRefused(new ReopenPeriod(periodId(FEBRUARY), FEBRUARY, REASON), LedgerRule.LATER_PERIOD_CLOSED,
                "The period 2026-02 is closed because the books are closed through 2026-03:"
                        + " reopen the periods after it first, latest first.");
    }

    @Test
    void reopenOpenPeriod_refusedAsPeriodNotClosed() {
        sale(MARCH, 11_900);

        ledger.assertRefused(new ReopenPeriod(periodId(MARCH), MARCH, REASON), LedgerRule.PERIOD_NOT_CLOSED,
                "The period 2026-03 is open.");
    }

    @Test
    void reopenPeriodWithoutAnyActivity_refusedAsPeriodNotClosed() {
        // Every month is open until it is closed, also one nothing was posted in yet.
        ledger.assertRefused(new ReopenPeriod(periodId(MARCH), MARCH, REASON), LedgerRule.PERIOD_NOT_CLOSED,
                "The period 2026-03 is open.");
    }

    @Test
    void reopenReopenedPeriod_refusedAsPeriodNotClosed() {
        close(MARCH);
        reopen(MARCH);

        ledger.assertRefused(new ReopenPeriod(periodId(MARCH), MARCH, "Once more"), LedgerRule.PERIOD_NOT_CLOSED);
        assertThat(ledger.eventsOf(LedgerCalendarEvent.CALENDAR_ID)).hasSize(2);
    }

    // --- helpers ------------------------------------------------------------------------------

    /** A cash sale: the bank is debited, revenue and 19% output tax credited. */
    private void sale(String period, long grossMinor) {
        long tax = grossMinor * 19 / 119;
        commands.sendAndWait(new PostJournalEntry(nextEntryId(), firstDayOf(period), "Cash sale", "EUR", null, List.of(
                new JournalLine("1100", grossMinor, 0, null, null),
                new JournalLine("4000", 0, grossMinor - tax, null, null),
                new JournalLine("2200", 0, tax, null, null))));
    }

    private void rent(String period, long amountMinor) {
        commands.sendAndWait(new PostJournalEntry(nextEntryId(), firstDayOf(period), "Rent", "EUR", null, List.of(
                new JournalLine("6100", amountMinor, 0, null, null),
                new JournalLine("1100", 0, amountMinor, null, null))));
    }

    private PostJournalEntry post(LocalDate date) {
        return new PostJournalEntry(nextEntryId(), date, "Rent", "EUR", null, List.of(
                new JournalLine("6100", 100, 0, null, null),
                new JournalLine("1100", 0, 100, null, null)));
    }

    private CommandOutcome close(String period) {
        return commands.sendAndWait(new ClosePeriod(periodId(period), period));
    }

    private CommandOutcome reopen(String period) {
        return commands.sendAndWait(new ReopenPeriod(periodId(period), period, REASON));
    }

    private List<AccountBalance> closingBalancesOf(String period) {
        List<Object> events = ledger.eventsOf(periodId(period));
        PeriodClosed lastClose = (PeriodClosed) events.stream().filter(PeriodClosed.class::isInstance)
                .reduce((first, second) -> second).orElseThrow();
        return lastClose.closingBalances();
    }

    private String nextEntryId() {
        return "entry-" + ++entries;
    }

    private static LocalDate firstDayOf(String period) {
        return LocalDate.parse(period + "-01");
    }

    private static String periodId(String period) {
        return LedgerPeriodEvent.periodId(period);
    }
}
