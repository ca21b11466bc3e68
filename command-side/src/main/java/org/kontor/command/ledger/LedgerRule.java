package org.kontor.command.ledger;

import org.kontor.config.error.RuleCode;

/** The rules of the general ledger; each is a 422 with this code. */
enum LedgerRule implements RuleCode {
    /** The debits of an entry do not equal its credits, or it has fewer than two lines. */
    ENTRY_NOT_BALANCED,
    /** An entry (or a new account's parent) names an account the chart does not have. */
    UNKNOWN_ACCOUNT,
    /** The entry is dated in a period that is closed. */
    PERIOD_CLOSED,
    /** The entry is not in the ledger's functional currency. */
    CURRENCY_MISMATCH,
    /** The entry was reversed already, by another reversal. */
    ENTRY_ALREADY_REVERSED,
    /** Only a closed period can be reopened. */
    PERIOD_NOT_CLOSED,
    /** A period cannot close while an earlier period with entries is open: the books close in order. */
    EARLIER_PERIOD_OPEN,
    /** Only the latest closed period can be reopened: the closes after it start from its balances. */
    LATER_PERIOD_CLOSED
}
