package org.kontor.command.ledger;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import org.kontor.command.ledger.LedgerCommands.PostJournalEntry;
import org.kontor.command.ledger.LedgerCommands.ReverseJournalEntry;
import org.kontor.config.error.BusinessRuleViolation;
import org.kontor.config.error.CommonRule;
import org.kontor.config.http.CommandOutcome;
import org.kontor.events.ledger.JournalEntryEvent.JournalEntryPosted;
import org.kontor.events.ledger.JournalEntryEvent.JournalEntryReversed;
import org.kontor.events.ledger.JournalLine;
import org.kontor.events.ledger.LedgerPeriodEvent;
import org.kontor.events.ledger.LedgerPeriodEvent.AccountMovement;
import org.kontor.events.ledger.Periods;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Posts journal entries. A posting touches two aggregates in one unit of work, and so in one
 * transaction: the new {@link JournalEntry} and the {@link LedgerPeriod} of its date, which refuses
 * it when closed; the first entry of a month also asks the {@link LedgerCalendar}, which refuses it
 * when the books are closed through a later month. Locks are always taken entry first, then period,
 * calendar last, so postings and closes cannot deadlock.
 */
@Component
class JournalPosting {

    static final int MAX_LINES = 500;

    private final EventStore eventStore;
    private final Repository<JournalEntry> entries;
    private final Repository<LedgerPeriod> periods;
    private final Repository<LedgerCalendar> calendars;
    private final ChartOfAccounts chart;
    private final String functionalCurrency;

    JournalPosting(Repository<JournalEntry> journalEntryRepository, Repository<LedgerPeriod> ledgerPeriodRepository,
                   Repository<LedgerCalendar> ledgerCalendarRepository, ChartOfAccounts chart, EventStore eventStore,
                   @Value("${erp.ledger.currency:EUR}") String functionalCurrency) {
        this.eventStore = eventStore;
        this.entries = journalEntryRepository;
        this.periods = ledgerPeriodRepository;
        this.calendars = ledgerCalendarRepository;
        this.chart = chart;
        this.functionalCurrency = functionalCurrency;
    }

    @CommandHandler
    CommandOutcome handle(PostJournalEntry command) throws Exception {
        JournalEntryPosted posted = new JournalEntryPosted(command.entryId(), command.accountingDate(),
                Periods.of(command.accountingDate()), command.description(), command.currency(), command.reference(),
                command.lines(), null);
        Optional<Aggregate<JournalEntry>> existing = find(command.entryId());
        if (existing.isPresent()) {
            return repeatOf(existing.get(), posted);
        }
        checkPostable(posted);
        post(posted);
        return new CommandOutcome(command.entryId(), CommandOutcome.FIRST_VERSION, true);
    }

    @CommandHandler
    CommandOutcome handle(ReverseJournalEntry command) throws Exception {
        Aggregate<JournalEntry> original = entries.load(command.entryId());
        ExpectedVersion.check(original, command.entryId(), command.expectedVersion());
        JournalEntryPosted originalEntry = original.invoke(JournalEntry::posted);
        // Without a date of its own, a reversal is dated like the entry it corrects.
        LocalDate date = command.reversalDate() != null ? command.reversalDate() : originalEntry.accountingDate();
        JournalEntryReversed earlier = original.invoke(JournalEntry::reversal);
        if (earlier != null && earlier.equals(new JournalEntryReversed(command.entryId(), command.reversalEntryId(),
                date, command.reason()))) {
            return new CommandOutcome(command.reversalEntryId(), CommandOutcome.FIRST_VERSION, false);
        }
        JournalEntryPosted reversal = new JournalEntryPosted(command.reversalEntryId(), date,
                Periods.of(date), "Reversal of " + command.entryId() + ": " + command.reason(),
                originalEntry.currency(), originalEntry.reference(),
                originalEntry.lines().stream().map(JournalLine::reversed).toList(), command.entryId());
        original.execute(entry -> entry.reverse(new JournalEntryReversed(command.entryId(),
                command.reversalEntryId(), date, command.reason())));
        post(reversal);
        return new CommandOutcome(command.reversalEntryId(), CommandOutcome.FIRST_VERSION, true);
    }

    private void post(JournalEntryPosted posted) throws Exception {
        entries.newInstance(() -> new JournalEntry(posted));
        Aggregate<LedgerPeriod> period = periods.loadOrCreate(LedgerPeriodEvent.periodId(posted.period()),
                LedgerPeriod::new);
        if (period.invoke(LedgerPeriod::awaitsFirstEntry)) {
            // Only the first entry of a month waits for the calendar: it may be on or before the books' close.
            LedgerCalendar.of(calendars).execute(calendar -> calendar.admitFirstEntry(posted.period()));
        }
        period.execute(open -> open.record(posted.period(), posted.entryId(), movementsOf(posted.lines())));
    }

    private void checkPostable(JournalEntryPosted entry) {
        if (!functionalCurrency.equals(entry.currency())) {
            throw new BusinessRuleViolation(LedgerRule.CURRENCY_MISMATCH, "The ledger keeps its books in "
                    + functionalCurrency + ", not " + entry.currency() + ".");
        }
        if (entry.lines().size() < 2 || entry.lines().size() > MAX_LINES) {
            throw new BusinessRuleViolation(LedgerRule.ENTRY_NOT_BALANCED,
                    "An entry has 2 to " + MAX_LINES + " lines, not " + entry.lines().size() + ".");
        }
        long debits = 0;
        long credits = 0;
        try {
            for (JournalLine line : entry.lines()) {
                debits = Math.addExact(debits, line.debitMinor());
                credits = Math.addExact(credits, line.creditMinor());
            }
        } catch (ArithmeticException overflow) {
            throw new BusinessRuleViolation(LedgerRule.ENTRY_NOT_BALANCED, "The debits or credits of the entry add up to more than the ledger can hold.");
        }
        if (debits != credits) {
            throw new BusinessRuleViolation(LedgerRule.ENTRY_NOT_BALANCED,
                    "The debits (" + debits + ") and credits (" + credits + ") differ, in minor units.");
        }
        List<String> unknown = entry.lines().stream().map(JournalLine::account).distinct()
                .filter(code -> chart.find(code).isEmpty()).toList();
        if (!unknown.isEmpty()) {
            throw new BusinessRuleViolation(LedgerRule.UNKNOWN_ACCOUNT,
                    "The chart of accounts has no account " + String.join(", ", unknown) + ".");
        }
    }

    private static CommandOutcome repeatOf(Aggregate<JournalEntry> existing, JournalEntryPosted attempt) {
        if (!existing.invoke(JournalEntry::posted).equals(attempt)) {
            throw new BusinessRuleViolation(CommonRule.ALREADY_EXISTS,
                    "A different journal entry with id " + attempt.entryId() + " exists.");
        }
        return CommandOutcome.repeatedCreate(attempt.entryId());
    }

    /**
     * The entry, if it was posted. Asking the event store first keeps the common case (a new entry)
     * free of exceptions: Axon logs a warning with a stack trace for every failed load.
     */
    private Optional<Aggregate<JournalEntry>> find(String entryId) {
        if (eventStore.lastSequenceNumberFor(entryId).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(entries.load(entryId));
    }

    /** One movement per account: what the period needs to know of an entry. */
    static List<AccountMovement> movementsOf(List<JournalLine> lines) {
        Map<String, long[]> byAccount = new TreeMap<>();
        for (JournalLine line : lines) {
            long[] totals = byAccount.computeIfAbsent(line.account(), account -> new long[2]);
            totals[0] += line.debitMinor();
            totals[1] += line.creditMinor();
        }
        List<AccountMovement> movements = new ArrayList<>();
        byAccount.forEach((account, totals) -> movements.add(new AccountMovement(account, totals[0], totals[1])));
        return movements;
    }
}
