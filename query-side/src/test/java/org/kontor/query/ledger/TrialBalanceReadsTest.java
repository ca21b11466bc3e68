package org.kontor.query.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kontor.events.common.Money;
import org.kontor.events.ledger.AccountType;
import org.kontor.query.ledger.LedgerQueries.FetchPeriodBalancesQuery;
import org.kontor.query.ledger.LedgerQueries.FetchTrialBalanceQuery;
import org.kontor.query.ledger.LedgerViews.TrialBalance;
import org.kontor.query.ledger.LedgerViews.TrialBalanceRow;

/**
 * Issue 4, item 5: a trial balance and the month-end balances read a number of documents bounded
 * by the accounts and months, never by the number of entries. Reads are counted, not timed.
 */
class TrialBalanceReadsTest {

    private static final int ACCOUNTS = 10;
    private static final int ENTRIES = 10_000;
    private static final int BATCH_SIZE = 1_000;

    private final LedgerBooks books = new LedgerBooks();
    private final Random random = new Random(4);
    private final Map<String, Long> netDebitThroughJune = new HashMap<>();

    @AfterEach
    void stop() {
        books.close();
    }

    @Test
    void tenThousandMoreEntries_trialBalanceReadsNoMoreDocuments() {
        List<TrackedEventMessage<?>> chart = new ArrayList<>();
        for (int i = 0; i < ACCOUNTS; i++) {
            chart.add(books.opened(code(i), "Account " + i, AccountType.values()[i % AccountType.values().length]));
        }
        books.harness.handle(books.balances, chart);

        postRandomEntries();
        Reads afterTenThousand = readTrialBalancesAndMonthEnd();

        postRandomEntries();
        Reads afterTwentyThousand = readTrialBalancesAndMonthEnd();

        // Per report: one find for the index documents and one for the month documents by _id.
        assertThat(afterTenThousand.finds()).isEqualTo(3 * 2);
        // At most the index document plus two month documents per account, per report.
        assertThat(afterTenThousand.documents()).isBetween(3 * ACCOUNTS, 3 * 3 * ACCOUNTS);
        assertThat(afterTwentyThousand).isEqualTo(afterTenThousand);
        // And the numbers are the fold of the entries posted.
        TrialBalance june = books.balanceQueries.handle(new FetchTrialBalanceQuery(YearMonth.of(2026, 6), null));
        assertThat(june.totals().debit()).isEqualTo(june.totals().credit());
        for (TrialBalanceRow row : june.rows()) {
            long net = netDebitThroughJune.getOrDefault(row.account(), 0L);
            assertThat(row.debit()).as(row.account()).isEqualTo(Money.of(Math.max(net, 0), "EUR").toDecimalString());
            assertThat(row.credit()).as(row.account()).isEqualTo(Money.of(Math.max(-net, 0), "EUR").toDecimalString());
        }
    }

    /** Posts entries spread over the twelve months of 2026, in batches as a processor would. */
    private void postRandomEntries() {
        List<TrackedEventMessage<?>> batch = new ArrayList<>();
        for (int i = 0; i < ENTRIES; i++) {
            int debit = random.nextInt(ACCOUNTS);
            int credit = (debit + 1 + random.nextInt(ACCOUNTS - 1)) % ACCOUNTS;
            LocalDate date = LocalDate.of(2026, 1 + random.nextInt(12), 1 + random.nextInt(28));
            long amountMinor = 1 + random.nextInt(1_000_000);
            batch.add(books.posting(date.toString(), code(debit), code(credit), amountMinor));
            if (!date.isAfter(LocalDate.of(2026, 6, 30))) {
                netDebitThroughJune.merge(code(debit), amountMinor, Long::sum);
                netDebitThroughJune.merge(code(credit), -amountMinor, Long::sum);
            }
            if (batch.size() == BATCH_SIZE) {
                books.harness.handle(books.balances, batch);
                batch = new ArrayList<>();
            }
        }
    }

    private Reads readTrialBalancesAndMonthEnd() {
        books.harness.findsSinceLastCall();
        books.harness.documentsReturnedSinceLastCall();
        books.balanceQueries.handle(new FetchTrialBalanceQuery(YearMonth.of(2026, 6), null));
        books.balanceQueries.handle(new FetchTrialBalanceQuery(null, LocalDate.of(2026, 6, 15)));
        books.balanceQueries.handle(new FetchPeriodBalancesQuery(YearMonth.of(2026, 6)));
        return new Reads(books.harness.findsSinceLastCall(), books.harness.documentsReturnedSinceLastCall());
    }

    private static String code(int account) {
        return String.valueOf(1000 + account * 100);
    }

    private record Reads(int finds, int documents) {
    }
}
