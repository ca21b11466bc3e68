package org.kontor.command.ledger;

import java.util.Optional;
import org.kontor.events.ledger.AccountType;

/** Which accounts exist, for the aggregates that refer to them. */
interface ChartOfAccounts {

    /** The type of the account with this code, if the chart has it. */
    Optional<AccountType> find(String code);
}
