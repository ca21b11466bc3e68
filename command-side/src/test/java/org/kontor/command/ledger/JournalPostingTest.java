package org.kontor.command.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kontor.command.ledger.LedgerCommands.ClosePeriod;
import org.kontor.command.ledger.LedgerCommands.PostJournalEntry;
import org.kontor.command.ledger.LedgerCommands.ReopenPeriod;
import org.kontor.command.ledger.LedgerCommands.ReverseJournalEntry;
import org.kontor.config.error.CommonRule;
import org.kontor.config.error.RuleCode;
import org.kontor.config.http.CommandOutcome;
import org.kontor.events.ledger.JournalEntryEvent.JournalEntryPosted;
import org.kontor.events.ledger.JournalEntryEvent.JournalEntryReversed;
import org.kontor.events.ledger.JournalLine;
import org.kontor.events.ledger.LedgerCalendarEvent;
import org.kontor.events.ledger.LedgerCalendarEvent.FirstEntryInPeriod;
import org.kontor.events.ledger.LedgerPeriodEvent;
import org.kontor.events.ledger.LedgerPeriodEvent.AccountMovement;
import org.kontor.events.ledger.LedgerPeriodEvent.EntryRecordedInPeriod;
import org.kontor.events.ledger.LedgerPeriodEvent.PeriodClosed;

/**
 * Posting touches two aggregates (three for a month's first entry) in one unit of work, so it is
 * tested on real Axon pieces: {@link InMemoryLedger}, with a chart of accounts in a set.
 */
class JournalPostingTest {

    private static final Set<String> CHART = Set.of("1100", "2200", "4000", "6100");
    private static final String MARCH = "2026-03";
    private static final String APRIL = "2026-04";
    private static final LocalDate MARCH_15 = LocalDate.of(2026, 3, 15);
    private static final LocalDate APRIL_2 = LocalDate.of(2026, 4, 2);
    private static final String ENTRY_ID = "0b6d2f8e-4c1a-4e6b-9f3d-7a8b9c0d1e21";
    private static final String REVERSAL_ID = "7e1a5c3b-9d2f-4b8a-8c6e-1f2a3b4c5d66";
    private static final String REASON = "Invoice 2026-0042 was cancelled";
    /** A cash sale of 119.00: the bank is debited, revenue and output tax credited. */
    private static final List<JournalLine> SALE_LINES = List.of(
            new JournalLine("1100", 11_900, 0, null, "Till 1"),
            new JournalLine("4000", 0, 10_000, "shop", null),
            new JournalLine("2200", 0, 1_900, null, null));
    private static final PostJournalEntry SALE = post(ENTRY_ID, MARCH_15, SALE_LINES);

    private InMemoryLedger ledger;
    private CommandGateway commands;
    /** What each committed unit of work published, one list per commit. */
    private List<List<Object>> commits;

    @BeforeEach
    void startAxon() {
        ledger = new InMemoryLedger(CHART);
        commands = ledger.commands();
        commits = ledger.commits();
    }

    @AfterEach
    void stopAxon() {
        ledger.close();
    }

    // --- post ---------------------------------------------------------------------------------

    @Test
    void postFirstEntryOfMonth_entryPostedRecordedInItsPeriodAndInTheCalendarInOneUnitOfWork() {
        CommandOutcome outcome = commands.sendAndWait(SALE);

        assertThat(outcome).isEqualTo(new CommandOutcome(ENTRY_ID, 1, true));
        JournalEntryPosted posted = new JournalEntryPosted(ENTRY_ID, MARCH_15, MARCH, "Cash sale", "EUR",
                "INV-2026-0042", SALE_LINES, null);
        EntryRecordedInPeriod recorded = new EntryRecordedInPeriod(MARCH, ENTRY_ID, List.of(
                new AccountMovement("1100", 11_900, 0),
                new AccountMovement("2200", 0, 1_900),
                new AccountMovement("4000", 0, 10_000)));
        assertThat(commits).containsExactly(List.of(posted, new FirstEntryInPeriod(MARCH), recorded));
        assertThat(eventsOf(ENTRY_ID)).containsExactly(posted);
        assertThat(eventsOf(periodId(MARCH))).containsExactly(recorded);
    }

    @Test
    void postEntryWithTwoLinesOnOneAccount_periodRecordsOneMovementForTheAccount() {
        List<JournalLine> lines = List.of(
                new JournalLine("1100", 5_000, 0, null, null),
                new JournalLine("1100", 0, 2_000, null, null),
                new JournalLine("4000", 0, 3_000, null, null));

        commands.sendAndWait(post(ENTRY_ID, MARCH_15, lines));

        assertThat(eventsOf(periodId(MARCH))).containsExactly(new EntryRecordedInPeriod(MARCH, ENTRY_ID, List.of(
                new AccountMovement("1100", 5_000, 2_000),
                new AccountMovement("4000", 0, 3_000))));
    }

    @Test
    void postUnbalancedEntry_refusedAsNotBalancedAndNothingStored() {
        List<JournalLine> unbalanced = List.of(
                new JournalLine("1100", 11_900, 0, null, null),
                new JournalLine("4000", 0, 10_000, null, null));

        assertRefused(post(ENTRY_ID, MARCH_15, unbalanced), LedgerRule.ENTRY_NOT_BALANCED,
                "The debits (11900) and credits (10000) differ, in minor units.");

        assertNothingStored();
    }

    @Test
    void postEntryWithOneLine_refusedAsNotBalanced() {
        assertRefused(post(ENTRY_ID, MARCH_15, List.of(new JournalLine("1100", 100, 0, null, null))),
                LedgerRule.ENTRY_NOT_BALANCED, "An entry has 2 to 500 lines, not 1.");

        assertNothingStored();
    }

    @Test
    void postEntryWhoseTotalsDoNotFitInMinorUnits_refusedAsNotBalancedAndNothingStored() {
        // Each side sums to more than a long holds, so the balance cannot be checked: a refusal, not a crash.
        List<JournalLine> lines = List.of(
                new JournalLine("1100", Long.MAX_VALUE, 0, null, null),
                new JournalLine("6100", 1, 0, null, null),
                new JournalLine("4000", 0, Long.MAX_VALUE, null, null),
                new JournalLine("2200", 0, 1, null, null));

        assertRefused(post(ENTRY_ID, MARCH_15, lines), LedgerRule.ENTRY_NOT_BALANCED);

        assertNothingStored();
    }

    @Test
    void postEntryOnUnknownAccount_refusedAsUnknownAccountAndNothingStored() {
        List<JournalLine> lines = List.of(
                new JournalLine("1100", 500, 0, null, null),
                new JournalLine("9999", 0, 500, null, null));

        assertRefused(post(ENTRY_ID, MARCH_15, lines), LedgerRule.UNKNOWN_ACCOUNT,
                "The chart of accounts has no account 9999.");

        assertNothingStored();
    }

    @Test
    void postEntryInOtherCurrency_refusedAsCurrencyMismatchAndNothingStored() {
        PostJournalEntry inDollars = new PostJournalEntry(ENTRY_ID, MARCH_15, "Cash sale", "USD", null, SALE_LINES);

        assertRefused(inDollars, LedgerRule.CURRENCY_MISMATCH, "The ledger keeps its books in EUR, not USD.");

        assertNothingStored();
    }

    @Test
    void postEntryIntoClosedPeriod_refusedAsPeriodClosedAndNothingStored() {
        closePeriod(MARCH);

        assertRefused(SALE, LedgerRule.PERIOD_CLOSED, "The period 2026-03 is closed.");

        assertThat(eventsOf(ENTRY_ID)).isEmpty();
        assertThat(eventsOf(periodId(MARCH))).containsExactly(new PeriodClosed(MARCH, List.of(), List.of()));
    }

    @Test
    void postFirstEntryOfMonthWithoutEntriesBeforeTheBooksClose_refusedAsPeriodClosedAndNothingStored() {
        // February had no entries when March closed; March's balances would change if it took one now.
        closePeriod(MARCH);
        commits.clear();

        assertRefused(post(ENTRY_ID, LocalDate.of(2026, 2, 27), SALE_LINES), LedgerRule.PERIOD_CLOSED,
                "The period 2026-02 is closed: the books are closed through 2026-03.");

        assertThat(commits).allSatisfy(commit -> assertThat(commit).isEmpty());
        assertThat(eventsOf(ENTRY_ID)).isEmpty();
        assertThat(eventsOf(periodId("2026-02"))).isEmpty();
    }

    @Test
    void postSecondEntryOfMonth_calendarNotInvolved() {
        commands.sendAndWait(SALE);
        commits.clear();

        commands.sendAndWait(post(REVERSAL_ID, MARCH_15, SALE_LINES));

        assertThat(commits).singleElement().asList().hasSize(2)
                .noneMatch(event -> event instanceof FirstEntryInPeriod);
        assertThat(eventsOf(LedgerCalendarEvent.CALENDAR_ID)).containsExactly(new FirstEntryInPeriod(MARCH));
    }

    @Test
    void postEntryIntoReopenedPeriod_entryPosted() {
        closePeriod(MARCH);
        commands.sendAndWait(new ReopenPeriod(periodId(MARCH), MARCH, "Late supplier invoice"));

        assertThat(commands.<CommandOutcome>sendAndWait(SALE).created()).isTrue();
        assertThat(eventsOf(ENTRY_ID)).hasSize(1);
    }

    @Test
    void postEntryIntoOpenPeriodAfterEarlierPeriodClosed_entryPosted() {
        closePeriod(MARCH);

        commands.sendAndWait(post(ENTRY_ID, APRIL_2, SALE_LINES));

        assertThat(eventsOf(periodId(APRIL))).hasSize(1);
    }

    @Test
    void postEntryAgainWithSameContent_nothingHappensAndSameAnswer() {
        commands.sendAndWait(SALE);
        commits.clear();

        CommandOutcome outcome = commands.sendAndWait(SALE);

        assertThat(outcome).isEqualTo(new CommandOutcome(ENTRY_ID, CommandOutcome.FIRST_VERSION, false));
        assertThat(commits).allSatisfy(commit -> assertThat(commit).isEmpty());
        assertThat(eventsOf(ENTRY_ID)).hasSize(1);
        assertThat(eventsOf(periodId(MARCH))).hasSize(1);
    }

    @Test
    void postEntryAgainWithSameContentAfterItsPeriodClosed_nothingHappensAndSameAnswer() {
        // A client whose reply was lost retries; the period has closed in the meantime.
        commands.sendAndWait(SALE);
        closePeriod(MARCH);

        CommandOutcome outcome = commands.sendAndWait(SALE);

        assertThat(outcome).isEqualTo(new CommandOutcome(ENTRY_ID, CommandOutcome.FIRST_VERSION, false));
    }

    @Test
    void postEntryAgainWithOtherContent_refusedAsAlreadyExists() {
        commands.sendAndWait(SALE);
        PostJournalEntry otherDescription =
                new PostJournalEntry(ENTRY_ID, MARCH_15, "Cash sale, corrected", "EUR", "INV-2026-0042", SALE_LINES);

        assertRefused(otherDescription, CommonRule.ALREADY_EXISTS,
                "A different journal entry with id " + ENTRY_ID + " exists.");

        assertThat(eventsOf(ENTRY_ID)).hasSize(1);
        assertThat(eventsOf(periodId(MARCH))).hasSize(1);
    }

    // --- reverse ------------------------------------------------------------------------------

    @Test
    void reverseEntry_reversalPostedWithSwappedLinesAndOriginalMarkedReversed() {
        commands.sendAndWait(SALE);
        commits.clear();

        CommandOutcome outcome = commands.sendAndWait(new ReverseJournalEntry(ENTRY_ID, REVERSAL_ID, APRIL_2, REASON));

        assertThat(outcome).isEqualTo(new CommandOutcome(REVERSAL_ID, 1, true));
        JournalEntryReversed reversed = new JournalEntryReversed(ENTRY_ID, REVERSAL_ID, APRIL_2, REASON);
        JournalEntryPosted reversal = new JournalEntryPosted(REVERSAL_ID, APRIL_2, APRIL,
                "Reversal of " + ENTRY_ID + ": " + REASON, "EUR", "INV-2026-0042", List.of(
                        new JournalLine("1100", 0, 11_900, null, "Till 1"),
                        new JournalLine("4000", 10_000, 0, "shop", null),
                        new JournalLine("2200", 1_900, 0, null, null)), ENTRY_ID);
        EntryRecordedInPeriod recorded = new EntryRecordedInPeriod(APRIL, REVERSAL_ID, List.of(
                new AccountMovement("1100", 0, 11_900),
                new AccountMovement("2200", 1_900, 0),
                new AccountMovement("4000", 10_000, 0)));
        assertThat(commits).containsExactly(List.of(reversed, reversal, new FirstEntryInPeriod(APRIL), recorded));
        assertThat(eventsOf(ENTRY_ID)).last().isEqualTo(reversed);
        assertThat(eventsOf(REVERSAL_ID)).containsExactly(reversal);
        assertThat(eventsOf(periodId(APRIL))).containsExactly(recorded);
    }

    @Test
    void reverseEntryWithoutDate_reversalDatedLikeTheOriginal() {
        commands.sendAndWait(SALE);

        commands.sendAndWait(new ReverseJournalEntry(ENTRY_ID, REVERSAL_ID, null, REASON));

        assertThat(eventsOf(REVERSAL_ID)).singleElement()
                .isInstanceOfSatisfying(JournalEntryPosted.class, reversal -> {
                    assertThat(reversal.accountingDate()).isEqualTo(MARCH_15);
                    assertThat(reversal.period()).isEqualTo(MARCH);
                });
        assertThat(eventsOf(periodId(MARCH))).hasSize(2);
    }

    @Test
    void reverseEntryAgainWithSameReversalId_nothingHappensAndSameAnswer() {
        commands.sendAndWait(SALE);
        commands.sendAndWait(new ReverseJournalEntry(ENTRY_ID, REVERSAL_ID, APRIL_2, REASON));
        commits.clear();

        CommandOutcome outcome = commands.sendAndWait(new ReverseJournalEntry(ENTRY_ID, REVERSAL_ID, APRIL_2, REASON));

        assertThat(outcome).isEqualTo(new CommandOutcome(REVERSAL_ID, CommandOutcome.FIRST_VERSION, false));
        assertThat(commits).allSatisfy(commit -> assertThat(commit).isEmpty());
        assertThat(eventsOf(ENTRY_ID)).hasSize(2);
        assertThat(eventsOf(REVERSAL_ID)).hasSize(1);
        assertThat(eventsOf(periodId(APRIL))).hasSize(1);
    }

    @Test
    void reverseEntryAgainWithOtherReversalId_refusedAsAlreadyReversed() {
        commands.sendAndWait(SALE);
        commands.sendAndWait(new ReverseJournalEntry(ENTRY_ID, REVERSAL_ID, APRIL_2, REASON));
        String otherReversal = "8f2b6d4c-0e3a-4c9b-9d7f-2a3b4c5d6e77";

        assertRefused(new ReverseJournalEntry(ENTRY_ID, otherReversal, APRIL_2, REASON),
                LedgerRule.ENTRY_ALREADY_REVERSED,
                "The entry " + ENTRY_ID + " was reversed by " + REVERSAL_ID + " on " + APRIL_2 + ".");

        assertThat(eventsOf(otherReversal)).isEmpty();
    }

    @Test
    void reverseEntryAgainWithTheSameIdButAnotherReason_refusedAsAlreadyReversed() {
        // The HTTP edge derives the reversal id from the entry id: a second, different reversal
        // arrives with the same id and must not be mistaken for a retry of the first.
        commands.sendAndWait(SALE);
        commands.sendAndWait(new ReverseJournalEntry(ENTRY_ID, REVERSAL_ID, APRIL_2, REASON));

        assertRefused(new ReverseJournalEntry(ENTRY_ID, REVERSAL_ID, APRIL_2, "another reason"),
                LedgerRule.ENTRY_ALREADY_REVERSED);
        assertThat(eventsOf(REVERSAL_ID)).hasSize(1);
    }

    @Test
    void reverseEntryIntoClosedPeriod_refusedAsPeriodClosedAndOriginalNotReversed() {
        commands.sendAndWait(SALE);
        closePeriod(MARCH);
        closePeriod(APRIL);
        commits.clear();

        assertRefused(new ReverseJournalEntry(ENTRY_ID, REVERSAL_ID, APRIL_2, REASON), LedgerRule.PERIOD_CLOSED,
                "The period 2026-04 is closed.");

        assertThat(commits).allSatisfy(commit -> assertThat(commit).isEmpty());
        assertThat(eventsOf(ENTRY_ID)).singleElement().isInstanceOf(JournalEntryPosted.class);
        assertThat(eventsOf(REVERSAL_ID)).isEmpty();
        assertThat(eventsOf(periodId(APRIL))).singleElement().isInstanceOf(PeriodClosed.class);
    }

    @Test
    void reverseEntryIntoOpenPeriodAfterRefusedReversal_reversalPosted() {
        // The refused reversal left nothing behind: the entry can still be reversed, into May.
        commands.sendAndWait(SALE);
        closePeriod(MARCH);
        closePeriod(APRIL);
        assertRefused(new ReverseJournalEntry(ENTRY_ID, REVERSAL_ID, APRIL_2, REASON), LedgerRule.PERIOD_CLOSED,
                "The period 2026-04 is closed.");

        CommandOutcome outcome = commands.sendAndWait(
                new ReverseJournalEntry(ENTRY_ID, REVERSAL_ID, LocalDate.of(2026, 5, 4), REASON));

        assertThat(outcome.created()).isTrue();
        assertThat(eventsOf(periodId("2026-05"))).hasSize(1);
    }

    @Test
    void reverseUnknownEntry_aggregateNotFound() {
        assertThatThrownBy(() -> commands.sendAndWait(new ReverseJournalEntry(ENTRY_ID, REVERSAL_ID, APRIL_2, REASON)))
                .isInstanceOf(AggregateNotFoundException.class);

        assertNothingStored();
    }

    // --- helpers ------------------------------------------------------------------------------

    private static PostJournalEntry post(String entryId, LocalDate date, List<JournalLine> lines) {
        return new PostJournalEntry(entryId, date, "Cash sale", "EUR", "INV-2026-0042", lines);
    }

    private static String periodId(String period) {
        return LedgerPeriodEvent.periodId(period);
    }

    private void closePeriod(String period) {
        commands.sendAndWait(new ClosePeriod(periodId(period), period));
    }

    private void assertRefused(Object command, RuleCode rule, String detail) {
        ledger.assertRefused(command, rule, detail);
    }

    private void assertRefused(Object command, RuleCode rule) {
        ledger.assertRefused(command, rule);
    }

    private void assertNothingStored() {
        assertThat(commits).allSatisfy(commit -> assertThat(commit).isEmpty());
        assertThat(eventsOf(ENTRY_ID)).isEmpty();
        assertThat(eventsOf(REVERSAL_ID)).isEmpty();
        assertThat(eventsOf(periodId(MARCH))).isEmpty();
        assertThat(eventsOf(periodId(APRIL))).isEmpty();
    }

    private List<Object> eventsOf(String aggregateId) {
        return ledger.eventsOf(aggregateId);
    }
}
