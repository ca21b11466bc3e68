package org.kontor.command.ledger;

import static org.kontor.events.ledger.AccountType.ASSET;
import static org.kontor.events.ledger.AccountType.EQUITY;
import static org.kontor.events.ledger.AccountType.EXPENSE;
import static org.kontor.events.ledger.AccountType.INCOME;
import static org.kontor.events.ledger.AccountType.LIABILITY;

import java.util.List;
import org.kontor.events.ledger.AccountType;

/**
 * A small, general chart of accounts for a trading company, loaded only on request
 * ({@code POST /api/ledger/accounts/defaults}). The inventory, receivable, payable, tax and
 * goods-received accounts are the ones the later contexts post to.
 */
final class DefaultChart {

    static final List<Entry> ACCOUNTS = List.of(
            new Entry("1000", "Cash", ASSET),
            new Entry("1100", "Bank", ASSET),
            new Entry("1200", "Accounts receivable", ASSET),
            new Entry("1300", "Inventory", ASSET),
            new Entry("1400", "Input tax", ASSET),
            new Entry("1500", "Prepaid expenses", ASSET),
            new Entry("1800", "Fixed assets", ASSET),
            new Entry("2000", "Accounts payable", LIABILITY),
            new Entry("2100", "Goods received not invoiced", LIABILITY),
            new Entry("2200", "Output tax", LIABILITY),
            new Entry("2300", "Accrued liabilities", LIABILITY),
            new Entry("2500", "Loans", LIABILITY),
            new Entry("3000", "Share capital", EQUITY),
            new Entry("3100", "Retained earnings", EQUITY),
            new Entry("4000", "Sales revenue", INCOME),
            new Entry("4100", "Service revenue", INCOME),
            new Entry("4900", "Other income", INCOME),
            new Entry("5000", "Cost of goods sold", EXPENSE),
            new Entry("5100", "Inventory adjustments", EXPENSE),
            new Entry("6000", "Salaries", EXPENSE),
            new Entry("6100", "Rent", EXPENSE),
            new Entry("6200", "Utilities", EXPENSE),
            new Entry("6300", "Marketing", EXPENSE),
            new Entry("6400", "Travel", EXPENSE),
            new Entry("6900", "Bank fees", EXPENSE));

    private DefaultChart() {
    }

    record Entry(String code, String name, AccountType type) {
    }
}
