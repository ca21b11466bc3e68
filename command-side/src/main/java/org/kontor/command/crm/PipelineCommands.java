package org.kontor.command.crm;

import java.time.LocalDate;
import java.util.Objects;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.kontor.events.common.Money;
import org.kontor.events.crm.OpportunityStage;

/**
 * The commands of the sales pipeline: campaigns, leads and opportunities. A command on an existing
 * aggregate carries the version the client expects ({@code If-Match}), or null.
 */
final class PipelineCommands {

    private PipelineCommands() {
    }

    record PlanCampaign(@TargetAggregateIdentifier String campaignId, String name, String channel, Money budget,
                        LocalDate startsOn, LocalDate endsOn) {

        PlanCampaign {
            Objects.requireNonNull(campaignId, "campaignId");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(channel, "channel");
            Objects.requireNonNull(startsOn, "startsOn");
        }
    }

    record CaptureLead(@TargetAggregateIdentifier String leadId, String name, String company, String email,
                       String source, String campaignId) {

        CaptureLead {
            Objects.requireNonNull(leadId, "leadId");
            Objects.requireNonNull(name, "name");
        }
    }

    /**
     * Qualify a lead: link it to {@code customerId}, or register a customer for it when that is null,
     * and open an opportunity when {@code opportunity} is set. Handled by {@link LeadQualification}.
     */
    record QualifyLead(String leadId, String customerId, OpportunityDraft opportunity) {

        QualifyLead {
            Objects.requireNonNull(leadId, "leadId");
        }
    }

    /** The opportunity a qualification opens; without an owner, the user who qualifies owns it. */
    record OpportunityDraft(String title, Money amount, LocalDate expectedCloseDate, String ownerId) {

        OpportunityDraft {
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(amount, "amount");
            Objects.requireNonNull(expectedCloseDate, "expectedCloseDate");
        }
    }

    record DisqualifyLead(@TargetAggregateIdentifier String leadId, String reason,
                          @TargetAggregateVersion Long expectedVersion) {

        DisqualifyLead {
            Objects.requireNonNull(leadId, "leadId");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** Open an opportunity in an open stage; without an owner, the user who opens it owns it. */
    record OpenOpportunity(@TargetAggregateIdentifier String opportunityId, String customerId, String title,
                           Money amount, LocalDate expectedCloseDate, OpportunityStage stage, String ownerId) {

        OpenOpportunity {
            Objects.requireNonNull(opportunityId, "opportunityId");
            Objects.requireNonNull(customerId, "customerId");
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(amount, "amount");
            Objects.requireNonNull(expectedCloseDate, "expectedCloseDate");
            Objects.requireNonNull(stage, "stage");
        }
    }

    record ChangeOpportunityStage(@TargetAggregateIdentifier String opportunityId, OpportunityStage stage,
                                  @TargetAggregateVersion Long expectedVersion) {

        ChangeOpportunityStage {
            Objects.requireNonNull(opportunityId, "opportunityId");
            Objects.requireNonNull(stage, "stage");
        }
    }

    record MarkOpportunityWon(@TargetAggregateIdentifier String opportunityId,
                              @TargetAggregateVersion Long expectedVersion) {

        MarkOpportunityWon {
            Objects.requireNonNull(opportunityId, "opportunityId");
        }
    }

    record MarkOpportunityLost(@TargetAggregateIdentifier String opportunityId, String reason,
                               @TargetAggregateVersion Long expectedVersion) {

        MarkOpportunityLost {
            Objects.requireNonNull(opportunityId, "opportunityId");
            Objects.requireNonNull(reason, "reason");
        }
    }
}
