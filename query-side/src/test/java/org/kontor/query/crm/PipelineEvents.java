package org.kontor.query.crm;

import java.time.LocalDate;
import org.kontor.events.common.Money;
import org.kontor.events.crm.OpportunityEvent.OpportunityLost;
import org.kontor.events.crm.OpportunityEvent.OpportunityOpened;
import org.kontor.events.crm.OpportunityEvent.OpportunityStageChanged;
import org.kontor.events.crm.OpportunityEvent.OpportunityWon;
import org.kontor.events.crm.OpportunityStage;

/** Opportunity events for the view tests, amounts in euros. */
final class PipelineEvents {

    static final String ACME = "11111111-1111-4111-8111-111111111111";

    private PipelineEvents() {
    }

    static Money euros(long euros) {
        return Money.of(euros * 100, "EUR");
    }

    static OpportunityOpened opened(String id, String ownerId, OpportunityStage stage, long euros, String campaignId) {
        return new OpportunityOpened(id, ACME, "Deal " + id, euros(euros), LocalDate.of(2026, 6, 30), stage, ownerId,
                campaignId == null ? null : "lead-" + id, campaignId);
    }

    static OpportunityStageChanged moved(String id, String ownerId, OpportunityStage from, OpportunityStage to,
                                         long euros) {
        return new OpportunityStageChanged(id, ACME, from, to, euros(euros), ownerId);
    }

    static OpportunityWon won(String id, String ownerId, OpportunityStage from, long euros, String campaignId) {
        return new OpportunityWon(id, ACME, from, euros(euros), ownerId, campaignId);
    }

    static OpportunityLost lost(String id, String ownerId, OpportunityStage from, long euros, String campaignId) {
        return new OpportunityLost(id, ACME, from, "Too expensive", euros(euros), ownerId, campaignId);
    }
}
