package org.kontor.query.ledger;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.kontor.events.ledger.AccountType;
import org.kontor.events.ledger.JournalEntryEvent.JournalEntryPosted;
import org.kontor.events.ledger.JournalLine;
import org.kontor.events.ledger.LedgerAccountEvent;
import org.kontor.events.ledger.LedgerAccountEvent.AccountOpened;
import org.kontor.query.projection.ProjectionHarness;

/** A small company's books for the ledger projection tests, run through every ledger view. */
final class LedgerBooks implements AutoCloseable {

    static final String BANK = "1000";
    static final String RECEIVABLES = "1200";
    static final String PAYABLES = "2000";
    static final String EQUITY = "3000";
    static final String REVENUE = "4000";
    static final String RENT = "6000";

    final ProjectionHarness harness = new ProjectionHarness();
    final LedgerAccountProjection accounts = new LedgerAccountProjection(harness.database());
    final JournalEntryProjection entries = new JournalEntryProjection(harness.database());
    final AccountBalanceProjection balances = new AccountBalanceProjection(harness.database());
    final AccountLinesProjection lines = new AccountLinesProjection(harness.database());
    final BalanceQueryHandlers balanceQueries = new BalanceQueryHandlers(harness.database(), "EUR");
    final LedgerQueryHandlers ledgerQueries = new LedgerQueryHandlers(harness.database(), "EUR");
    final AccountLinesQueryHandler lineQueries = new AccountLinesQueryHandler(harness.database(), "EUR");

    private int entryNumber;

    /** Opens the chart every test uses. */
    LedgerBooks withChart() {
        handle(List.of(
                opened(BANK, "Bank", AccountType.ASSET),
                opened(RECEIVABLES, "Receivables", AccountType.ASSET),
                opened(PAYABLES, "Payables", AccountType.LIABILITY),
                opened(EQUITY, "Share capital", AccountType.EQUITY),
                opened(REVENUE, "Revenue", AccountType.INCOME),
                opened(RENT, "Rent", AccountType.EXPENSE)));
        return this;
    }

    TrackedEventMessage<?> opened(String code, String name, AccountType type) {
        return harness.next(LedgerAccountEvent.accountId(code), 0, new AccountOpened(code, name, type, null));
    }

    /** An entry moving {@code amountMinor} from {@code creditAccount} to {@code debitAccount}. */
    TrackedEventMessage<?> posting(String date, String debitAccount, String creditAccount, long amountMinor) {
        String entryId = "e-" + ++entryNumber;
        return posted(new JournalEntryPosted(entryId, LocalDate.parse(date), date.substring(0, 7), "Entry " + entryId,
                "EUR", "ref-" + entryId, List.of(
                        new JournalLine(debitAccount, amountMinor, 0, null, null),
                        new JournalLine(creditAccount, 0, amountMinor, null, null)), null));
    }

    TrackedEventMessage<?> posted(JournalEntryPosted event) {
        return harness.next(event.entryId(), 0, event);
    }

    /** Posts each entry in a batch of its own. */
    void post(TrackedEventMessage<?>... events) {
        for (TrackedEventMessage<?> event : events) {
            handle(List.of(event));
        }
    }

    /** Hands one batch to every ledger view, as their four processors would. */
    void handle(List<? extends TrackedEventMessage<?>> batch) {
        for (Object projection : List.of(accounts, entries, balances, lines)) {
            harness.handle(projection, new ArrayList<>(batch));
        }
    }

    @Override
    public void close() {
        harness.close();
    }
}
