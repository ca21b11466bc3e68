package org.kontor.query.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kontor.query.ledger.LedgerBooks.BANK;
import static org.kontor.query.ledger.LedgerBooks.EQUITY;
import static org.kontor.query.ledger.LedgerBooks.PAYABLES;
import static org.kontor.query.ledger.LedgerBooks.RECEIVABLES;
import static org.kontor.query.ledger.LedgerBooks.RENT;
import static org.kontor.query.ledger.LedgerBooks.REVENUE;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kontor.events.ledger.JournalEntryEvent.JournalEntryPosted;
import org.kontor.events.ledger.JournalEntryEvent.JournalEntryReversed;
import org.kontor.events.ledger.JournalLine;
import org.kontor.events.ledger.LedgerCalendarEvent;
import org.kontor.events.ledger.LedgerCalendarEvent.BooksClosedThrough;
import org.kontor.events.ledger.LedgerCalendarEvent.BooksReopened;
import org.kontor.events.ledger.LedgerPeriodEvent;
import org.kontor.events.ledger.LedgerPeriodEvent.AccountBalance;
import org.kontor.events.ledger.LedgerPeriodEvent.AccountMovement;
import org.kontor.events.ledger.LedgerPeriodEvent.PeriodClosed;
import org.kontor.events.ledger.LedgerPeriodEvent.PeriodReopened;
import org.kontor.query.ledger.LedgerQueries.FetchBalanceSheetQuery;
import org.kontor.query.ledger.LedgerQueries.FetchJournalEntryQuery;
import org.kontor.query.ledger.LedgerQueries.FetchPeriodBalancesQuery;
import org.kontor.query.ledger.LedgerQueries.FetchPeriodQuery;
import org.kontor.query.ledger.LedgerQueries.FetchProfitAndLossQuery;
import org.kontor.query.ledger.LedgerQueries.FetchTrialBalanceQuery;
import org.kontor.query.ledger.LedgerViews.ClosingBalanceRow;
import org.kontor.query.ledger.LedgerViews.BalanceSheet;
import org.kontor.query.ledger.LedgerViews.JournalEntryView;
import org.kontor.query.ledger.LedgerViews.PeriodBalanceRow;
import org.kontor.query.ledger.LedgerViews.ProfitAndLoss;
import org.kontor.query.ledger.LedgerViews.ReportRow;
import org.kontor.query.ledger.LedgerViews.TrialBalance;
import org.kontor.query.ledger.LedgerViews.TrialBalanceRow;

class LedgerProjectionTest {

    private final LedgerBooks books = new LedgerBooks().withChart();

    @AfterEach
    void stop() {
        books.close();
    }

    @Test
    void entriesInTwoMonths_monthEndBalancesShowOpeningMovementAndClosing() {
        books.post(
                books.posting("2026-01-05", BANK, EQUITY, 1_000_000),
                books.posting("2026-02-10", BANK, REVENUE, 123_450),
                books.posting("2026-02-20", RENT, BANK, 50_000));

        Map<String, PeriodBalanceRow> february = balances("2026-02");

        assertThat(february.get(BANK)).isEqualTo(new PeriodBalanceRow(BANK, "Bank", "ASSET",
                "10000.00", "1234.50", "500.00", "10734.50",
                lines(BANK, "2026-02-01", "2026-02-28")));
        assertThat(february.get(EQUITY)).isEqualTo(new PeriodBalanceRow(EQUITY, "Share capital", "EQUITY",
                "10000.00", "0.00", "0.00", "10000.00",
                lines(EQUITY, "2026-02-01", "2026-02-28")));
        assertThat(february.get(REVENUE).closing()).isEqualTo("1234.50");
        assertThat(balances("2026-01")).containsOnlyKeys(BANK, EQUITY);
    }

    @Test
    void trialBalanceForAPeriod_netBalancesInTheirColumnsAndEqualTotals() {
        books.post(
                books.posting("2026-01-05", BANK, EQUITY, 1_000_000),
                books.posting("2026-02-10", BANK, REVENUE, 123_450),
                books.posting("2026-02-20", RENT, BANK, 50_000));

        TrialBalance trialBalance = books.balanceQueries.handle(new FetchTrialBalanceQuery(YearMonth.of(2026, 2), null));

        assertThat(trialBalance.rows()).containsExactly(
                new TrialBalanceRow(BANK, "Bank", "ASSET", "10734.50", "0.00", "10734.50"),
                new TrialBalanceRow(EQUITY, "Share capital", "EQUITY", "0.00", "10000.00", "10000.00"),
                new TrialBalanceRow(REVENUE, "Revenue", "INCOME", "0.00", "1234.50", "1234.50"),
                new TrialBalanceRow(RENT, "Rent", "EXPENSE", "500.00", "0.00", "500.00"));
        assertThat(trialBalance.totals().debit()).isEqualTo("11234.50").isEqualTo(trialBalance.totals().credit());
        assertThat(trialBalance.period()).isEqualTo("2026-02");
        assertThat(trialBalance.currency()).isEqualTo("EUR");
    }

    @Test
    void trialBalanceAsOfADate_includesTheDaysUpToItOnly() {
        books.post(
                books.posting("2026-01-05", BANK, EQUITY, 1_000_000),
                books.posting("2026-02-10", BANK, REVENUE, 123_450),
                books.posting("2026-02-20", RENT, BANK, 50_000));

        TrialBalance midFebruary = books.balanceQueries.handle(
                new FetchTrialBalanceQuery(null, LocalDate.parse("2026-02-15")));
        TrialBalance tenthOfFebruary = books.balanceQueries.handle(
                new FetchTrialBalanceQuery(null, LocalDate.parse("2026-02-10")));
        TrialBalance beforeAnything = books.balanceQueries.handle(
                new FetchTrialBalanceQuery(null, LocalDate.parse("2025-12-31")));

        assertThat(rows(midFebruary).get(BANK).debit()).isEqualTo("11234.50");
        assertThat(rows(midFebruary)).doesNotContainKey(RENT);
        assertThat(midFebruary.totals().debit()).isEqualTo("11234.50").isEqualTo(midFebruary.totals().credit());
        assertThat(rows(tenthOfFebruary).get(BANK).debit()).as("the day itself counts").isEqualTo("11234.50");
        assertThat(beforeAnything.rows()).isEmpty();
        assertThat(beforeAnything.totals().debit()).isEqualTo("0.00");
    }

    @Test
    void backdatedEntry_updatesEveryLaterPeriod() {
        books.post(
                books.posting("2026-01-05", BANK, EQUITY, 1_000_000),
                books.posting("2026-03-10", BANK, REVENUE, 200_000),
                books.posting("2026-04-10", BANK, REVENUE, 100_000));
        // Posted last, dated in February: a month Bank had no document for, Rent none at all.
        books.post(books.posting("2026-02-01", RENT, BANK, 30_000));
        // And one more in January, which already has a document.
        books.post(books.posting("2026-01-31", BANK, EQUITY, 5_000));

        assertThat(balances("2026-02").get(BANK)).isEqualTo(new PeriodBalanceRow(BANK, "Bank", "ASSET",
                "10050.00", "0.00", "300.00", "9750.00",
                lines(BANK, "2026-02-01", "2026-02-28")));
        assertThat(balances("2026-03").get(BANK)).isEqualTo(new PeriodBalanceRow(BANK, "Bank", "ASSET",
                "9750.00", "2000.00", "0.00", "11750.00",
                lines(BANK, "2026-03-01", "2026-03-31")));
        assertThat(balances("2026-04").get(BANK).closing()).isEqualTo("12750.00");
        assertThat(balances("2026-04").get(RENT)).isEqualTo(new PeriodBalanceRow(RENT, "Rent", "EXPENSE",
                "300.00", "0.00", "0.00", "300.00",
                lines(RENT, "2026-04-01", "2026-04-30")));
        TrialBalance april = books.balanceQueries.handle(new FetchTrialBalanceQuery(YearMonth.of(2026, 4), null));
        assertThat(april.totals().debit()).isEqualTo("13050.00").isEqualTo(april.totals().credit());
    }

    @Test
    void reversal_netsTheEntryToZeroAndIsNotedOnTheOriginal() {
        JournalEntryPosted original = new JournalEntryPosted("inv-1", LocalDate.parse("2026-03-03"), "2026-03",
                "Invoice 1", "EUR", "INV-1", List.of(
                        new JournalLine(RECEIVABLES, 11_900, 0, null, null),
                        new JournalLine(REVENUE, 0, 10_000, "sales", null),
                        new JournalLine(PAYABLES, 0, 1_900, null, "VAT")), null);
        JournalEntryPosted reversal = new JournalEntryPosted("inv-1-rev", LocalDate.parse("2026-03-20"), "2026-03",
                "Reversal of Invoice 1", "EUR", "INV-1",
                original.lines().stream().map(JournalLine::reversed).toList(), "inv-1");
        books.post(books.posted(original), books.posted(reversal),
                books.harness.next("inv-1", 1, new JournalEntryReversed("inv-1", "inv-1-rev",
                        LocalDate.parse("2026-03-20"), "wrong customer")));

        TrialBalance march = books.balanceQueries.handle(new FetchTrialBalanceQuery(YearMonth.of(2026, 3), null));
        JournalEntryView entry = books.ledgerQueries.handle(new FetchJournalEntryQuery("inv-1"));

        assertThat(march.rows()).extracting(TrialBalanceRow::balance).containsOnly("0.00");
        assertThat(march.totals().debit()).isEqualTo("0.00").isEqualTo(march.totals().credit());
        assertThat(rows(books.balanceQueries.handle(new FetchTrialBalanceQuery(null, LocalDate.parse("2026-03-10"))))
                .get(RECEIVABLES).debit()).isEqualTo("119.00");
        assertThat(entry.reversedBy()).isEqualTo("inv-1-rev");
        assertThat(entry.reversalReason()).isEqualTo("wrong customer");
        assertThat(entry.lines()).extracting(LedgerViews.JournalLineView::credit).containsExactly(null, "100.00", "19.00");
        assertThat(books.ledgerQueries.handle(new FetchJournalEntryQuery("inv-1-rev")).reversalOf()).isEqualTo("inv-1");
        assertThat(books.ledgerQueries.handle(new FetchJournalEntryQuery("unknown"))).isNull();
    }

    @Test
    void batchDeliveredTwice_appliedOnce() {
        List<TrackedEventMessage<?>> first = List.of(
                books.posting("2026-01-05", BANK, EQUITY, 1_000_000),
                books.posting("2026-03-10", BANK, REVENUE, 200_000));
        List<TrackedEventMessage<?>> second = List.of(
                books.posting("2026-02-01", RENT, BANK, 30_000),
                books.posting("2026-03-11", BANK, REVENUE, 1_000));

        books.handle(first);
        books.handle(first); // the token was not stored before a crash: the batch comes again
        books.handle(List.of(first.get(1), second.get(0), second.get(1))); // and overlapping with the next one

        assertThat(balances("2026-03").get(BANK)).isEqualTo(new PeriodBalanceRow(BANK, "Bank", "ASSET",
                "9700.00", "2010.00", "0.00", "11710.00",
                lines(BANK, "2026-03-01", "2026-03-31")));
        assertThat(books.lineQueries.handle(new LedgerQueries.FetchAccountLinesQuery(BANK,
                LocalDate.parse("2026-01-01"), LocalDate.parse("2026-12-31"), 50, null)).items()).hasSize(4);
    }

    /** An entry's document is inserted without a read; a redelivered posting must not undo a later reversal. */
    @Test
    void postingRedeliveredAfterItsReversal_entryStaysReversed() {
        TrackedEventMessage<?> posting = books.posting("2026-01-05", BANK, EQUITY, 1_000);
        String entryId = ((JournalEntryPosted) posting.getPayload()).entryId();
        books.handle(List.of(posting));
        books.handle(List.of(books.harness.next(entryId, 1,
                new JournalEntryReversed(entryId, entryId + "-rev", LocalDate.parse("2026-01-06"), "typo"))));

        books.handle(List.of(posting));

        JournalEntryView entry = books.ledgerQueries.handle(new FetchJournalEntryQuery(entryId));
        assertThat(entry.reversedBy()).isEqualTo(entryId + "-rev");
        assertThat(entry.reversalReason()).isEqualTo("typo");
    }

    @Test
    void profitAndLoss_movementOfIncomeAndExpenseInTheRange() {
        books.post(
                books.posting("2026-01-05", BANK, EQUITY, 1_000_000),
                books.posting("2026-01-31", BANK, REVENUE, 99_900),
                books.posting("2026-02-10", BANK, REVENUE, 123_450),
                books.posting("2026-02-20", RENT, BANK, 50_000),
                books.posting("2026-03-01", RENT, BANK, 50_000));

        ProfitAndLoss february = books.balanceQueries.handle(new FetchProfitAndLossQuery(
                LocalDate.parse("2026-02-01"), LocalDate.parse("2026-02-28")));

        assertThat(february.income()).containsExactly(new ReportRow(REVENUE, "Revenue", "1234.50"));
        assertThat(february.expense()).containsExactly(new ReportRow(RENT, "Rent", "500.00"));
        assertThat(february.totals()).isEqualTo(new LedgerViews.ProfitAndLossTotals("1234.50", "500.00", "734.50"));
    }

    @Test
    void balanceSheet_assetsEqualLiabilitiesEquityAndCurrentResult() {
        books.post(
                books.posting("2026-01-05", BANK, EQUITY, 1_000_000),
                books.posting("2026-01-20", RECEIVABLES, REVENUE, 250_000),
                books.posting("2026-02-10", BANK, RECEIVABLES, 100_000),
                books.posting("2026-02-20", RENT, PAYABLES, 80_000),
                books.posting("2026-02-21", PAYABLES, BANK, 30_000));

        BalanceSheet sheet = books.balanceQueries.handle(new FetchBalanceSheetQuery(LocalDate.parse("2026-02-28")));

        assertThat(sheet.assets()).containsExactly(new ReportRow(BANK, "Bank", "10700.00"),
                new ReportRow(RECEIVABLES, "Receivables", "1500.00"));
        assertThat(sheet.liabilities()).containsExactly(new ReportRow(PAYABLES, "Payables", "500.00"));
        assertThat(sheet.equity()).containsExactly(new ReportRow(EQUITY, "Share capital", "10000.00"));
        assertThat(sheet.currentResult()).isEqualTo("1700.00");
        assertThat(sheet.totals().assets()).isEqualTo("12200.00")
                .isEqualTo(sheet.totals().liabilitiesEquityAndResult());
        assertThat(sheet.totals().balanced()).isTrue();
    }

    @Test
    void periodClosedAndReopened_statusAndClosingBalancesFollow() {
        List<AccountBalance> closingBalances = List.of(new AccountBalance(BANK, 10_000), new AccountBalance(EQUITY, -10_000));
        books.post(books.harness.next(LedgerCalendarEvent.CALENDAR_ID, 0, new BooksClosedThrough("2026-02", closingBalances)));
        books.post(books.harness.next(LedgerPeriodEvent.periodId("2026-02"), 0, new PeriodClosed("2026-02",
                List.of(new AccountMovement(BANK, 10_000, 0), new AccountMovement(EQUITY, 0, 10_000)), closingBalances)));

        LedgerViews.PeriodView february = books.ledgerQueries.handle(new FetchPeriodQuery(YearMonth.of(2026, 2)));
        assertThat(february.status()).isEqualTo("CLOSED");
        assertThat(february.closedAt()).isNotNull();
        assertThat(february.closingBalances()).containsExactly(
                new ClosingBalanceRow(BANK, "100.00", "0.00"), new ClosingBalanceRow(EQUITY, "0.00", "100.00"));

        books.post(books.harness.next(LedgerCalendarEvent.CALENDAR_ID, 1, new BooksReopened("2026-02", null)));
        books.post(books.harness.next(LedgerPeriodEvent.periodId("2026-02"), 1,
                new PeriodReopened("2026-02", "late supplier invoice")));

        february = books.ledgerQueries.handle(new FetchPeriodQuery(YearMonth.of(2026, 2)));
        assertThat(february.status()).isEqualTo("OPEN");
        assertThat(february.reopenReason()).isEqualTo("late supplier invoice");
        assertThat(february.closingBalances()).isEmpty();
        assertThat(february.booksClosedThrough()).isNull();
    }

    @Test
    void monthWithoutEntriesBeforeTheBooksClose_closedByThatClose() {
        books.post(books.harness.next(LedgerCalendarEvent.CALENDAR_ID, 0, new BooksClosedThrough("2026-02", List.of())));

        LedgerViews.PeriodView january = books.ledgerQueries.handle(new FetchPeriodQuery(YearMonth.of(2026, 1)));
        LedgerViews.PeriodView march = books.ledgerQueries.handle(new FetchPeriodQuery(YearMonth.of(2026, 3)));

        assertThat(january.status()).isEqualTo("CLOSED");
        assertThat(january.closedAt()).isNull();
        assertThat(january.booksClosedThrough()).isEqualTo("2026-02");
        assertThat(march.status()).isEqualTo("OPEN");
    }

    @Test
    void reopenedMonthThatALaterCloseCovers_closed() {
        books.post(books.harness.next(LedgerPeriodEvent.periodId("2026-01"), 0,
                new PeriodClosed("2026-01", List.of(), List.of())));
        books.post(books.harness.next(LedgerPeriodEvent.periodId("2026-01"), 1,
                new PeriodReopened("2026-01", "late invoice")));
        books.post(books.harness.next(LedgerCalendarEvent.CALENDAR_ID, 0, new BooksClosedThrough("2026-02", List.of())));

        assertThat(books.ledgerQueries.handle(new FetchPeriodQuery(YearMonth.of(2026, 1))).status()).isEqualTo("CLOSED");
    }

    /**
     * A backdated posting changes its own month and its accounts' totals, not the later months
     * (until layout 2 it rewrote every later month document); a batch reads what it changes in
     * one query per collection.
     */
    @Test
    void batchOfBackdatedPostings_readOnlyTheirOwnMonthsInOneQueryPerCollection() {
        for (int month = 1; month <= 12; month++) {
            books.post(books.posting(String.format("2026-%02d-15", month), BANK, REVENUE, 1_000));
        }
        List<TrackedEventMessage<?>> backdated = List.of(
                books.posting("2026-01-20", RENT, BANK, 500),
                books.posting("2026-03-02", BANK, EQUITY, 700),
                books.posting("2026-02-11", RECEIVABLES, REVENUE, 900));
        books.harness.findsSinceLastCall();
        books.harness.documentsReturnedSinceLastCall();

        books.harness.handle(books.balances, backdated);

        assertThat(books.harness.findsSinceLastCall()).as("finds: account index, then month documents").isEqualTo(2);
        assertThat(books.harness.documentsReturnedSinceLastCall())
                .as("the 5 accounts' index documents, and of the postings' own months the 3 that exist")
                .isEqualTo(8);
        assertThat(balances("2026-12").get(BANK).opening()).isEqualTo("112.00"); // 11 x 10.00 - 5.00 + 7.00
        assertThat(balances("2026-12").get(REVENUE).opening()).isEqualTo("119.00"); // 11 x 10.00 + 9.00
    }

    private Map<String, PeriodBalanceRow> balances(String period) {
        return books.balanceQueries.handle(new FetchPeriodBalancesQuery(YearMonth.parse(period))).rows().stream()
                .collect(Collectors.toMap(PeriodBalanceRow::account, Function.identity()));
    }

    /** Where a month-end row's lines are: the account's general ledger over the month. */
    private static String lines(String account, String from, String to) {
        return "/api/ledger/accounts/" + account + "/entries?from=" + from + "&to=" + to;
    }

    private static Map<String, TrialBalanceRow> rows(TrialBalance trialBalance) {
        return trialBalance.rows().stream().collect(Collectors.toMap(TrialBalanceRow::account, Function.identity()));
    }
}
