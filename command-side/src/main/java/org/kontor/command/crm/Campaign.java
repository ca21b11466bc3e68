package org.kontor.command.crm;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.kontor.command.crm.PipelineCommands.PlanCampaign;
import org.kontor.config.http.CommandOutcome;
import org.kontor.events.crm.CampaignEvent.CampaignPlanned;

/** A marketing campaign; leads name it, and its analytics are the views' business. */
@Aggregate
class Campaign {

    @AggregateIdentifier
    private String campaignId;
    private CampaignPlanned planned;

    Campaign() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    CommandOutcome handle(PlanCampaign command, SalesCurrency salesCurrency) {
        CampaignPlanned attempt = new CampaignPlanned(command.campaignId(), command.name(), command.channel(),
                command.budget(), command.startsOn(), command.endsOn());
        if (isPlanned()) {
            return RepeatedCreates.repeatOf(planned, attempt, "campaign", campaignId);
        }
        salesCurrency.check(command.budget(), "budget");
        apply(attempt);
        return CommandOutcome.ofCurrentAggregate(command.campaignId(), true);
    }

    boolean isPlanned() {
        return campaignId != null;
    }

    @EventSourcingHandler
    void on(CampaignPlanned event) {
        campaignId = event.campaignId();
        planned = event;
    }
}
