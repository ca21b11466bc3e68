package org.kontor.command.crm;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.kontor.command.crm.PipelineCommands.ChangeOpportunityStage;
import org.kontor.command.crm.PipelineCommands.MarkOpportunityLost;
import org.kontor.command.crm.PipelineCommands.MarkOpportunityWon;
import org.kontor.command.crm.PipelineCommands.OpenOpportunity;
import org.kontor.config.axon.RequestMetadata;
import org.kontor.config.error.BusinessRuleViolation;
import org.kontor.config.http.CommandOutcome;
import org.kontor.events.crm.OpportunityEvent.OpportunityLost;
import org.kontor.events.crm.OpportunityEvent.OpportunityOpened;
import org.kontor.events.crm.OpportunityEvent.OpportunityStageChanged;
import org.kontor.events.crm.OpportunityEvent.OpportunityWon;
import org.kontor.events.crm.OpportunityStage;

/**
 * A possible sale to a customer, moving through the open stages until it is won or lost. Closed is
 * final; repeating the close that happened answers as it did, so a retried request is harmless.
 */
@Aggregate
class Opportunity {

    @AggregateIdentifier
    private String opportunityId;
    private OpportunityOpened opened;
    private OpportunityStage stage;
    private String lostReason;

    Opportunity() {
        // for Axon
    }

    /** An opportunity opened by a lead's qualification, in that unit of work. */
    Opportunity(OpportunityOpened opened) {
        apply(opened);
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    CommandOutcome handle(OpenOpportunity command, KnownCustomers knownCustomers, SalesCurrency salesCurrency,
                          @MetaDataValue(RequestMetadata.USER_ID) String userId) {
        OpportunityOpened attempt = new OpportunityOpened(command.opportunityId(), command.customerId(),
                command.title(), command.amount(), command.expectedCloseDate(), command.stage(),
                command.ownerId() != null ? command.ownerId() : userId, null, null);
        if (isOpened()) {
            return RepeatedCreates.repeatOf(opened, attempt, "opportunity", opportunityId);
        }
        if (!command.stage().isOpen()) {
            throw new BusinessRuleViolation(CrmRule.STAGE_NOT_OPEN, "An opportunity opens in an open stage, not "
                    + command.stage() + ".");
        }
        if (!knownCustomers.exists(command.customerId())) {
            throw RepeatedCreates.unknown("customer", command.customerId());
        }
        salesCurrency.check(command.amount(), "amount");
        apply(attempt);
        return CommandOutcome.ofCurrentAggregate(command.opportunityId(), true);
    }

    /** Moving to the current stage is a no-op (API.md). */
    @CommandHandler
    CommandOutcome handle(ChangeOpportunityStage command) {
        if (!command.stage().isOpen()) {
            throw new BusinessRuleViolation(CrmRule.STAGE_NOT_OPEN,
                    "An opportunity is won or lost through /won and /lost, not by a stage change.");
        }
        if (command.stage() != stage) {
            refuseIfClosed();
            apply(new OpportunityStageChanged(opportunityId, opened.customerId(), stage, command.stage(),
                    opened.amount(), opened.ownerId()));
        }
        return CommandOutcome.ofCurrentAggregate(opportunityId, false);
    }

    @CommandHandler
    CommandOutcome handle(MarkOpportunityWon command) {
        if (stage != OpportunityStage.WON) {
            refuseIfClosed();
            apply(new OpportunityWon(opportunityId, opened.customerId(), stage, opened.amount(), opened.ownerId(),
                    opened.campaignId()));
        }
        return CommandOutcome.ofCurrentAggregate(opportunityId, false);
    }

    @CommandHandler
    CommandOutcome handle(MarkOpportunityLost command) {
        if (stage != OpportunityStage.LOST || !command.reason().equals(lostReason)) {
            refuseIfClosed();
            apply(new OpportunityLost(opportunityId, opened.customerId(), stage, command.reason(), opened.amount(),
                    opened.ownerId(), opened.campaignId()));
        }
        return CommandOutcome.ofCurrentAggregate(opportunityId, false);
    }

    OpportunityOpened opened() {
        return opened;
    }

    private void refuseIfClosed() {
        if (!stage.isOpen()) {
            throw new BusinessRuleViolation(CrmRule.OPPORTUNITY_CLOSED,
                    "Opportunity " + opportunityId + " is " + stage + " and changes no more.");
        }
    }

    private boolean isOpened() {
        return opportunityId != null;
    }

    @EventSourcingHandler
    void on(OpportunityOpened event) {
        opportunityId = event.opportunityId();
        opened = event;
        stage = event.stage();
    }

    @EventSourcingHandler
    void on(OpportunityStageChanged event) {
        stage = event.to();
    }

    @EventSourcingHandler
    void on(OpportunityWon event) {
        stage = OpportunityStage.WON;
    }

    @EventSourcingHandler
    void on(OpportunityLost event) {
        stage = OpportunityStage.LOST;
        lostReason = event.reason();
    }
}
