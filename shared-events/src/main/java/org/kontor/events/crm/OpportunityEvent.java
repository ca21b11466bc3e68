package org.kontor.events.crm;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;
import org.kontor.events.common.Money;

/**
 * Everything that can happen to a sales opportunity. Each event carries the amount, owner and
 * campaign as they are, so the pipeline, funnel and campaign views move an opportunity between
 * their totals without keeping a copy of it.
 */
public sealed interface OpportunityEvent extends AboutCustomer {

    String opportunityId();

    /** An opportunity was opened in {@code stage}; {@code leadId} and {@code campaignId} if it came from a lead. */
    @Revision("1")
    record OpportunityOpened(
            String opportunityId,
            String customerId,
            String title,
            Money amount,
            LocalDate expectedCloseDate,
            OpportunityStage stage,
            String ownerId,
            String leadId,
            String campaignId) implements OpportunityEvent {
    }

    /** The opportunity moved from one open stage to another. */
    @Revision("1")
    record OpportunityStageChanged(
            String opportunityId,
            String customerId,
            OpportunityStage from,
            OpportunityStage to,
            Money amount,
            String ownerId) implements OpportunityEvent {
    }

    /** The customer said yes, in stage {@code from}. */
    @Revision("1")
    record OpportunityWon(
            String opportunityId,
            String customerId,
            OpportunityStage from,
            Money amount,
            String ownerId,
            String campaignId) implements OpportunityEvent {
    }

    /** The customer said no, or the deal died, in stage {@code from}, for {@code reason}. */
    @Revision("1")
    record OpportunityLost(
            String opportunityId,
            String customerId,
            OpportunityStage from,
            String reason,
            Money amount,
            String ownerId,
            String campaignId) implements OpportunityEvent {
    }
}
