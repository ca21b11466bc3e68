package org.kontor.query.ledger;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Objects;

/** The queries the ledger views answer. Every list query carries an explicit limit. */
public final class LedgerQueries {

    private LedgerQueries() {
    }

    /** The chart of accounts by code, continuing after {@code afterCode}. */
    public record FetchLedgerAccountsQuery(int limit, String afterCode) {

        public FetchLedgerAccountsQuery {
            requirePositive(limit);
        }
    }

    /** One account of the chart. */
    public record FetchLedgerAccountQuery(String code) {
    }

    /** One journal entry as posted. */
    public record FetchJournalEntryQuery(String entryId) {

        public FetchJournalEntryQuery {
            Objects.requireNonNull(entryId, "entryId");
        }
    }

    /** The status of one accounting period. */
    public record FetchPeriodQuery(YearMonth period) {

        public FetchPeriodQuery {
            Objects.requireNonNull(period, "period");
        }
    }

    /** The trial balance at the end of {@code period} or at the end of the day {@code asOf}: exactly one. */
    public record FetchTrialBalanceQuery(YearMonth period, LocalDate asOf) {

        public FetchTrialBalanceQuery {
            if ((period == null) == (asOf == null)) {
                throw new IllegalArgumentException("exactly one of period and asOf");
            }
        }

        /** The last day the trial balance includes. */
        public LocalDate through() {
            return asOf != null ? asOf : period.atEndOfMonth();
        }
    }

    /** Opening, debits, credits and closing of every account in one month. */
    public record FetchPeriodBalancesQuery(YearMonth period) {

        public FetchPeriodBalancesQuery {
            Objects.requireNonNull(period, "period");
        }
    }

    /**
     * A page of an account's general-ledger lines dated {@code from} to {@code to} (inclusive), in
     * date order, continuing at {@code after} when it is not null.
     */
    public record FetchAccountLinesQuery(String account, LocalDate from, LocalDate to, int limit, LinePosition after) {

        public FetchAccountLinesQuery {
            Objects.requireNonNull(account, "account");
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            requirePositive(limit);
        }
    }

    /**
     * Where a page of lines continues: the {@code line}-th line of {@code date}, with the account's
     * running balance (normal side, minor units) before it.
     */
    public record LinePosition(LocalDate date, long line, long balanceBeforeMinor) {
    }

    /** The movement of every income and expense account from {@code from} to {@code to} (inclusive). */
    public record FetchProfitAndLossQuery(LocalDate from, LocalDate to) {

        public FetchProfitAndLossQuery {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
        }
    }

    /** Assets, liabilities and equity at the end of the day {@code asOf}. */
    public record FetchBalanceSheetQuery(LocalDate asOf) {

        public FetchBalanceSheetQuery {
            Objects.requireNonNull(asOf, "asOf");
        }
    }

    private static void requirePositive(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive");
        }
    }
}
