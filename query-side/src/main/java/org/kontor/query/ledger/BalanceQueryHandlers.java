package org.kontor.query.ledger;

import com.mongodb.client.MongoDatabase;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.kontor.events.common.Money;
import org.kontor.events.ledger.AccountType;
import org.kontor.query.ledger.AccountBalances.Books;
import org.kontor.query.ledger.LedgerQueries.FetchBalanceSheetQuery;
import org.kontor.query.ledger.LedgerQueries.FetchPeriodBalancesQuery;
import org.kontor.query.ledger.LedgerQueries.FetchProfitAndLossQuery;
import org.kontor.query.ledger.LedgerQueries.FetchTrialBalanceQuery;
import org.kontor.query.ledger.LedgerViews.BalanceSheet;
import org.kontor.query.ledger.LedgerViews.BalanceSheetTotals;
import org.kontor.query.ledger.LedgerViews.DebitCreditTotals;
import org.kontor.query.ledger.LedgerViews.PeriodBalanceRow;
import org.kontor.query.ledger.LedgerViews.PeriodBalances;
import org.kontor.query.ledger.LedgerViews.ProfitAndLoss;
import org.kontor.query.ledger.LedgerViews.ProfitAndLossTotals;
import org.kontor.query.ledger.LedgerViews.ReportRow;
import org.kontor.query.ledger.LedgerViews.TrialBalance;
import org.kontor.query.ledger.LedgerViews.TrialBalanceRow;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Answers the balance queries from the {@code ledger-balances} view: the trial balance, the
 * month-end balances, the profit and loss and the balance sheet. Each reads the accounts' index
 * documents and at most one month document per account and date read (see {@link
 * AccountBalances}). Accounts nothing was ever posted to up to the date asked for are left out.
 */
@Component
class BalanceQueryHandlers {

    private final AccountBalances balances;
    private final String currency;

    BalanceQueryHandlers(MongoDatabase readStore, @Value("${erp.ledger.currency:EUR}") String currency) {
        this.balances = new AccountBalances(readStore);
        this.currency = currency;
    }

    @QueryHandler
    TrialBalance handle(FetchTrialBalanceQuery query) {
        LocalDate through = query.through();
        Books books = balances.read(Set.of(through));
        List<TrialBalanceRow> rows = new ArrayList<>();
        long debitTotal = 0;
        long creditTotal = 0;
        for (Document account : books.accounts()) {
            if (!books.hasMoved(account, through)) {
                continue;
            }
            Movement closing = books.cumulative(account, through);
            long net = closing.netDebitMinor();
            AccountType type = Books.type(account);
            rows.add(new TrialBalanceRow(Books.code(account), Books.name(account), typeName(type),
                    amount(Math.max(net, 0)), amount(Math.max(-net, 0)), amount(closing.normalBalanceMinor(type))));
            debitTotal += Math.max(net, 0);
            creditTotal += Math.max(-net, 0);
        }
        return new TrialBalance(query.period() == null ? null : query.period().toString(), query.asOf(), currency,
                rows, new DebitCreditTotals(amount(debitTotal), amount(creditTotal)));
    }

    @QueryHandler
    PeriodBalances handle(FetchPeriodBalancesQuery query) {
        LocalDate beforeStart = query.period().atDay(1).minusDays(1);
        LocalDate end = query.period().atEndOfMonth();
        Books books = balances.read(List.of(beforeStart, end));
        List<PeriodBalanceRow> rows = new ArrayList<>();
        for (Document account : books.accounts()) {
            if (!books.hasMoved(account, end)) {
                continue;
            }
            AccountType type = Books.type(account);
            Movement opening = books.cumulative(account, beforeStart);
            Movement closing = books.cumulative(account, end);
            Movement month = closing.minus(opening);
            rows.add(new PeriodBalanceRow(Books.code(account), Books.name(account), typeName(type),
                    amount(opening.normalBalanceMinor(type)), amount(month.debitMinor()), amount(month.creditMinor()),
                    amount(closing.normalBalanceMinor(type)),
                    PeriodBalanceRow.linesOf(Books.code(account), query.period())));
        }
        return new PeriodBalances(query.period().toString(), currency, rows);
    }

    @QueryHandler
    ProfitAndLoss handle(FetchProfitAndLossQuery query) {
        LocalDate beforeFrom = query.from().minusDays(1);
        Books books = balances.read(List.of(beforeFrom, query.to()));
        List<ReportRow> income = new ArrayList<>();
        List<ReportRow> expense = new ArrayList<>();
        long incomeTotal = 0;
        long expenseTotal = 0;
        for (Document account : books.accounts()) {
            AccountType type = Books.type(account);
            if (type == null || !type.isResultAccount() || !books.hasMoved(account, query.to())) {
                continue;
            }
            long movement = books.cumulative(account, query.to()).minus(books.cumulative(account, beforeFrom))
                    .normalBalanceMinor(type);
            ReportRow row = new ReportRow(Books.code(account), Books.name(account), amount(movement));
            if (type == AccountType.INCOME) {
                income.add(row);
                incomeTotal += movement;
            } else {
                expense.add(row);
                expenseTotal += movement;
            }
        }
        return new ProfitAndLoss(query.from(), query.to(), currency, income, expense, new ProfitAndLossTotals(
                amount(incomeTotal), amount(expenseTotal), amount(incomeTotal - expenseTotal)));
    }

    /**
     * The current result is income minus expense over everything dated up to {@code asOf}: the
     * ledger knows no year-end closing entry into retained earnings yet, so it is never reset.
     */
    @QueryHandler
    BalanceSheet handle(FetchBalanceSheetQuery query) {
        LocalDate asOf = query.asOf();
        Books books = balances.read(Set.of(asOf));
        List<ReportRow> assets = new ArrayList<>();
        List<ReportRow> liabilities = new ArrayList<>();
        List<ReportRow> equity = new ArrayList<>();
        long[] totals = new long[AccountType.values().length];
        for (Document account : books.accounts()) {
            AccountType type = Books.type(account);
            if (type == null || !books.hasMoved(account, asOf)) {
                continue;
            }
            long balance = books.cumulative(account, asOf).normalBalanceMinor(type);
            totals[type.ordinal()] += balance;
            ReportRow row = new ReportRow(Books.code(account), Books.name(account), amount(balance));
            switch (type) {
                case ASSET -> assets.add(row);
                case LIABILITY -> liabilities.add(row);
                case EQUITY -> equity.add(row);
                default -> {
                    // income and expense make up the current result
                }
            }
        }
        long currentResult = totals[AccountType.INCOME.ordinal()] - totals[AccountType.EXPENSE.ordinal()];
        long assetTotal = totals[AccountType.ASSET.ordinal()];
        long otherSide = totals[AccountType.LIABILITY.ordinal()] + totals[AccountType.EQUITY.ordinal()] + currentResult;
        return new BalanceSheet(asOf, currency, assets, liabilities, equity, amount(currentResult),
                new BalanceSheetTotals(amount(assetTotal), amount(totals[AccountType.LIABILITY.ordinal()]),
                        amount(totals[AccountType.EQUITY.ordinal()]), amount(currentResult), amount(otherSide),
                        assetTotal == otherSide));
    }

    private String amount(long minor) {
        return Money.of(minor, currency).toDecimalString();
    }

    private static String typeName(AccountType type) {
        return type == null ? null : type.name();
    }
}
