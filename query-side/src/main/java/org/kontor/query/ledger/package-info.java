/**
 * The general ledger on the read side. Four views, one processing group each:
 * {@code ledger-accounts} (the chart of accounts, {@code ledger_accounts}), {@code ledger-entries}
 * (every journal entry as posted, with its reversal, {@code ledger_entries}), {@code ledger-balances}
 * (one document per account and month with the opening balance, the month's movement and its
 * movement per day, {@code ledger_account_months}; one index document per account listing its
 * months, {@code ledger_account_index}; period status, {@code ledger_periods}) and
 * {@code ledger-lines} (general-ledger lines in per-day bucket documents, {@code ledger_lines},
 * counted per account and month in {@code ledger_line_heads}).
 *
 * <p>Balances are kept, not recomputed: a trial balance, the month-end balances, the profit and loss
 * and the balance sheet read one index document and at most two month documents per account,
 * however many entries the books hold. A backdated entry adds to its own month and to the opening
 * balance of every later month of the account it touches.
 */
package org.kontor.query.ledger;
