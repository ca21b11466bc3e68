package org.kontor.command.crm;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.kontor.command.crm.PipelineCommands.CaptureLead;
import org.kontor.command.crm.PipelineCommands.DisqualifyLead;
import org.kontor.config.error.BusinessRuleViolation;
import org.kontor.config.http.CommandOutcome;
import org.kontor.events.crm.LeadEvent.LeadCaptured;
import org.kontor.events.crm.LeadEvent.LeadDisqualified;
import org.kontor.events.crm.LeadEvent.LeadQualified;

/**
 * Someone who may become a customer. Qualifying touches the customer and the opportunity as well,
 * so {@link LeadQualification} decides it and calls {@link #qualify}; the lead only guards its state.
 */
@Aggregate
class Lead {

    @AggregateIdentifier
    private String leadId;
    private LeadCaptured captured;
    private LeadQualified qualified;
    private LeadDisqualified disqualified;

    Lead() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    CommandOutcome handle(CaptureLead command, KnownCampaigns knownCampaigns) {
        LeadCaptured attempt = new LeadCaptured(command.leadId(), command.name(), command.company(), command.email(),
                command.source(), command.campaignId());
        if (isCaptured()) {
            return RepeatedCreates.repeatOf(captured, attempt, "lead", leadId);
        }
        if (command.campaignId() != null && !knownCampaigns.exists(command.campaignId())) {
            throw RepeatedCreates.unknown("campaign", command.campaignId());
        }
        apply(attempt);
        return CommandOutcome.ofCurrentAggregate(command.leadId(), true);
    }

    /** A repeat of the same disqualification changes nothing; anything else on a closed lead is refused. */
    @CommandHandler
    CommandOutcome handle(DisqualifyLead command) {
        LeadDisqualified attempt = new LeadDisqualified(leadId, command.reason(), captured.campaignId());
        if (!attempt.equals(disqualified)) {
            refuseUnlessOpen();
            apply(attempt);
        }
        return CommandOutcome.ofCurrentAggregate(leadId, false);
    }

    /** Called by {@link LeadQualification} once it has checked or made the customer. */
    void qualify(LeadQualified event) {
        refuseUnlessOpen();
        apply(event);
    }

    /** What a qualification of this lead records, for the customer and opportunity it names. */
    LeadQualified qualification(String customerId, boolean customerCreated, String opportunityId) {
        return new LeadQualified(leadId, captured.name(), customerId, customerCreated, opportunityId,
                captured.campaignId());
    }

    LeadCaptured captured() {
        return captured;
    }

    LeadQualified qualified() {
        return qualified;
    }

    void refuseUnlessOpen() {
        if (qualified != null) {
            throw new BusinessRuleViolation(CrmRule.LEAD_ALREADY_QUALIFIED,
                    "Lead " + leadId + " was qualified already, as customer " + qualified.customerId() + ".");
        }
        if (disqualified != null) {
            throw new BusinessRuleViolation(CrmRule.LEAD_DISQUALIFIED,
                    "Lead " + leadId + " was disqualified: " + disqualified.reason());
        }
    }

    private boolean isCaptured() {
        return leadId != null;
    }

    @EventSourcingHandler
    void on(LeadCaptured event) {
        leadId = event.leadId();
        captured = event;
    }

    @EventSourcingHandler
    void on(LeadQualified event) {
        qualified = event;
    }

    @EventSourcingHandler
    void on(LeadDisqualified event) {
        disqualified = event;
    }
}
