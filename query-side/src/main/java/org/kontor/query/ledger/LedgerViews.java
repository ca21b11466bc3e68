package org.kontor.query.ledger;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * The shapes clients read. Amounts are decimal strings in the ledger's functional currency
 * ({@code "1234.50"}). A {@code balance}, {@code opening} or {@code closing} is signed on the
 * account's normal side: positive for a debit balance of an asset or expense account and for a
 * credit balance of a liability, equity or income account.
 */
public final class LedgerViews {

    private LedgerViews() {
    }

    public record AccountView(String code, String name, String type, String parentCode) {
    }

    /**
     * A journal entry as posted, and its reversal if it has one. {@code version} is the entry
     * aggregate's: 1 when posted, 2 once reversed (an entry never changes otherwise).
     */
    public record JournalEntryView(String id, LocalDate date, String period, String description, String currency,
                                   String reference, List<JournalLineView> lines, String reversalOf,
                                   String reversedBy, LocalDate reversalDate, String reversalReason,
                                   Instant postedAt, long version) {
    }

    /** One line of an entry; the side it is not on is {@code null}. */
    public record JournalLineView(String account, String debit, String credit, String costCenter, String memo) {
    }

    /**
     * A period is open until it is closed; one the ledger has never closed is simply open. A month
     * without entries on or before {@code booksClosedThrough} is closed by that later close: it has
     * no {@code closedAt} and no closing balances of its own.
     */
    public record PeriodView(String period, String status, Instant closedAt, Instant reopenedAt, String reopenReason,
                             String booksClosedThrough, List<ClosingBalanceRow> closingBalances) {
    }

    /** An account's balance at the end of a closed period, as the close recorded it, in the debit or the credit column. */
    public record ClosingBalanceRow(String account, String debit, String credit) {
    }

    public record TrialBalance(String period, LocalDate asOf, String currency, List<TrialBalanceRow> rows,
                               DebitCreditTotals totals) {
    }

    /** The account's closing balance, net, in the debit or the credit column. */
    public record TrialBalanceRow(String account, String name, String type, String debit, String credit,
                                  String balance) {
    }

    public record DebitCreditTotals(String debit, String credit) {
    }

    public record PeriodBalances(String period, String currency, List<PeriodBalanceRow> rows) {
    }

    /**
     * One account's month: {@code lines} is the path of the general-ledger lines behind its
     * {@code debits} and {@code credits} (the account's lines dated in the month), so an auditor
     * can follow a month-end figure to the entries that make it up.
     */
    public record PeriodBalanceRow(String account, String name, String type, String opening, String debits,
                                   String credits, String closing, String lines) {

        static String linesOf(String account, YearMonth period) {
            return "/api/ledger/accounts/" + account + "/entries?from=" + period.atDay(1) + "&to="
                    + period.atEndOfMonth();
        }
    }

    public record AccountLine(LocalDate date, String entryId, String description, String reference, String debit,
                              String credit, String balance) {
    }

    /** A page of lines, the balance before the first one and the position to continue at. */
    public record AccountLinesPage(String account, String currency, String openingBalance, List<AccountLine> items,
                                   LedgerQueries.LinePosition next) {
    }

    public record ProfitAndLoss(LocalDate from, LocalDate to, String currency, List<ReportRow> income,
                                List<ReportRow> expense, ProfitAndLossTotals totals) {
    }

    public record ProfitAndLossTotals(String income, String expense, String result) {
    }

    public record BalanceSheet(LocalDate asOf, String currency, List<ReportRow> assets, List<ReportRow> liabilities,
                               List<ReportRow> equity, String currentResult, BalanceSheetTotals totals) {
    }

    /**
     * {@code liabilitiesEquityAndResult} is liabilities + equity + current result; {@code balanced}
     * says whether it equals {@code assets}, which it does whenever every entry balanced.
     */
    public record BalanceSheetTotals(String assets, String liabilities, String equity, String currentResult,
                                     String liabilitiesEquityAndResult, boolean balanced) {
    }

    /** An account and its amount on its normal side. */
    public record ReportRow(String account, String name, String amount) {
    }
}
