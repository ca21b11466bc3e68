package org.kontor.command.ledger;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.kontor.command.ledger.LedgerCommands.OpenAccount;
import org.kontor.config.error.BusinessRuleViolation;
import org.kontor.config.error.CommonRule;
import org.kontor.config.http.CommandOutcome;
import org.kontor.events.ledger.LedgerAccountEvent;
import org.kontor.events.ledger.LedgerAccountEvent.AccountOpened;

/** An account of the chart of accounts. */
@Aggregate
class LedgerAccount {

    @AggregateIdentifier
    private String accountId;
    private AccountOpened opened;

    LedgerAccount() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    CommandOutcome handle(OpenAccount command, ChartOfAccounts chart) {
        AccountOpened attempt = new AccountOpened(command.code(), command.name(), command.type(), command.parentCode());
        if (isOpen()) {
            if (!opened.equals(attempt)) {
                throw new BusinessRuleViolation(CommonRule.ALREADY_EXISTS,
                        "A different account with code " + command.code() + " exists.");
            }
            return CommandOutcome.repeatedCreate(command.code());
        }
        if (command.parentCode() != null && chart.find(command.parentCode()).isEmpty()) {
            throw new BusinessRuleViolation(LedgerRule.UNKNOWN_ACCOUNT,
                    "The parent account " + command.parentCode() + " does not exist.");
        }
        apply(attempt);
        return new CommandOutcome(command.code(), CommandOutcome.ofCurrentAggregate(command.code(), true).version(),
                true);
    }

    private boolean isOpen() {
        return accountId != null;
    }

    @EventSourcingHandler
    void on(AccountOpened event) {
        accountId = LedgerAccountEvent.accountId(event.code());
        opened = event;
    }
}
