package org.kontor.events.crm;

import org.axonframework.serialization.Revision;

/**
 * Everything that can happen to a lead: someone who may become a customer. A lead is about a
 * customer only once it is qualified, so only that event is on a customer's timeline.
 */
public sealed interface LeadEvent {

    String leadId();

    /** A lead came in from {@code source} (web form, fair, referral...), attributed to a campaign if any. */
    @Revision("1")
    record LeadCaptured(
            String leadId,
            String name,
            String company,
            String email,
            String source,
            String campaignId) implements LeadEvent {
    }

    /**
     * The lead is worth pursuing: it became {@code customerId} (registered for it when
     * {@code customerCreated}, an existing customer otherwise) and, when {@code opportunityId} is set,
     * an opportunity was opened for it. {@code campaignId} is the lead's, so views need no lookup.
     */
    @Revision("1")
    record LeadQualified(
            String leadId,
            String leadName,
            String customerId,
            boolean customerCreated,
            String opportunityId,
            String campaignId) implements LeadEvent, AboutCustomer {
    }

    /** The lead is not worth pursuing, for {@code reason}. */
    @Revision("1")
    record LeadDisqualified(String leadId, String reason, String campaignId) implements LeadEvent {
    }
}
