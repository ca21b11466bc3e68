package org.kontor.command.ledger;

import static org.kontor.command.RuleViolations.violationOf;

import java.util.Optional;
import java.util.Set;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kontor.command.ledger.LedgerCommands.OpenAccount;
import org.kontor.config.error.CommonRule;
import org.kontor.config.http.CommandOutcome;
import org.kontor.events.ledger.AccountType;
import org.kontor.events.ledger.LedgerAccountEvent;
import org.kontor.events.ledger.LedgerAccountEvent.AccountOpened;

class LedgerAccountTest {

    private static final String CODE = "1110";
    private static final String ACCOUNT_ID = LedgerAccountEvent.accountId(CODE);
    /** The accounts the chart knows besides the one being opened. */
    private static final Set<String> CHART = Set.of("1000", "1100");
    private static final AccountOpened OPENED =
            new AccountOpened(CODE, "Bank, second account", AccountType.ASSET, "1100");

    private FixtureConfiguration<LedgerAccount> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(LedgerAccount.class);
        fixture.registerInjectableResource((ChartOfAccounts) code ->
                CHART.contains(code) ? Optional.of(AccountType.ASSET) : Optional.empty());
    }

    @Test
    void openAccount_accountOpened() {
        fixture.givenNoPriorActivity()
                .when(open(OPENED))
                .expectSuccessfulHandlerExecution()
                .expectEvents(OPENED)
                .expectResultMessagePayload(new CommandOutcome(CODE, 1, true));
    }

    @Test
    void openAccountWithoutParent_accountOpenedWithoutParent() {
        AccountOpened topLevel = new AccountOpened(CODE, "Petty cash", AccountType.ASSET, null);

        fixture.givenNoPriorActivity()
                .when(open(topLevel))
                .expectSuccessfulHandlerExecution()
                .expectEvents(topLevel);
    }

    @Test
    void openAccountAgainWithSameContent_nothingHappensAndSameVersion() {
        fixture.given(OPENED)
                .when(open(OPENED))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayload(new CommandOutcome(CODE, CommandOutcome.FIRST_VERSION, false));
    }

    @Test
    void openAccountAgainWithOtherContent_refusedAsAlreadyExists() {
        AccountOpened otherType = new AccountOpened(CODE, OPENED.name(), AccountType.LIABILITY, OPENED.parentCode());

        fixture.given(OPENED)
                .when(open(otherType))
                .expectNoEvents()
                .expectException(violationOf(CommonRule.ALREADY_EXISTS))
                .expectExceptionMessage("A different account with code " + CODE + " exists.");
    }

    @Test
    void openAccountUnderUnknownParent_refusedAsUnknownAccount() {
        AccountOpened orphan = new AccountOpened(CODE, OPENED.name(), OPENED.type(), "9999");

        fixture.givenNoPriorActivity()
                .when(open(orphan))
                .expectNoEvents()
                .expectException(violationOf(LedgerRule.UNKNOWN_ACCOUNT))
                .expectExceptionMessage("The parent account 9999 does not exist.");
    }

    private static OpenAccount open(AccountOpened account) {
        return new OpenAccount(ACCOUNT_ID, account.code(), account.name(), account.type(), account.parentCode());
    }
}
