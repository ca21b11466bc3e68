package org.kontor.query.crm;

import com.mongodb.client.MongoDatabase;
import java.util.function.Consumer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.bson.Document;
import org.kontor.events.crm.CampaignEvent.CampaignPlanned;
import org.kontor.events.crm.LeadEvent.LeadCaptured;
import org.kontor.events.crm.LeadEvent.LeadDisqualified;
import org.kontor.events.crm.LeadEvent.LeadQualified;
import org.kontor.events.crm.OpportunityEvent.OpportunityLost;
import org.kontor.events.crm.OpportunityEvent.OpportunityOpened;
import org.kontor.events.crm.OpportunityEvent.OpportunityWon;
import org.kontor.query.projection.DocumentBatch;
import org.springframework.stereotype.Component;

/**
 * One document per campaign: its plan and what came of it (leads, qualified and disqualified leads,
 * opportunities, won and lost deals, won amount). Every lead and opportunity event names its
 * campaign, so each is one {@code _id} update; events without a campaign are not counted here.
 */
@Component
@ProcessingGroup(CampaignProjection.PROCESSOR)
class CampaignProjection {

    static final String PROCESSOR = "crm-campaigns";
    static final String COLLECTION = "crm_campaigns";

    private final MongoDatabase readStore;

    CampaignProjection(MongoDatabase readStore) {
        this.readStore = readStore;
    }

    @EventHandler
    void on(CampaignPlanned event, TrackingToken token) {
        DocumentBatch.current(readStore).apply(COLLECTION, event.campaignId(), CampaignProjection::campaignIdOf, token,
                campaign -> {
                    campaign.put("name", event.name());
                    campaign.put("channel", event.channel());
                    campaign.put("budgetMinor", event.budget() == null ? null : event.budget().amountMinor());
                    campaign.put("currency", event.budget() == null ? null : event.budget().currency());
                    campaign.put("startsOn", event.startsOn().toString());
                    campaign.put("endsOn", event.endsOn() == null ? null : event.endsOn().toString());
                });
    }

    @EventHandler
    void on(LeadCaptured event, TrackingToken token) {
        count(event.campaignId(), token, campaign -> Counters.add(campaign, "leads", 1));
    }

    @EventHandler
    void on(LeadQualified event, TrackingToken token) {
        count(event.campaignId(), token, campaign -> Counters.add(campaign, "qualified", 1));
    }

    @EventHandler
    void on(LeadDisqualified event, TrackingToken token) {
        count(event.campaignId(), token, campaign -> Counters.add(campaign, "disqualified", 1));
    }

    @EventHandler
    void on(OpportunityOpened event, TrackingToken token) {
        count(event.campaignId(), token, campaign -> Counters.add(campaign, "opportunities", 1));
    }

    @EventHandler
    void on(OpportunityWon event, TrackingToken token) {
        count(event.campaignId(), token, campaign -> {
            Counters.add(campaign, "won", 1);
            Counters.add(campaign, "wonAmountMinor", event.amount().amountMinor());
            campaign.putIfAbsent("currency", event.amount().currency());
        });
    }

    @EventHandler
    void on(OpportunityLost event, TrackingToken token) {
        count(event.campaignId(), token, campaign -> Counters.add(campaign, "lost", 1));
    }

    @ResetHandler
    void clear() {
        readStore.getCollection(COLLECTION).drop();
    }

    private void count(String campaignId, TrackingToken token, Consumer<Document> change) {
        if (campaignId != null) {
            DocumentBatch.current(readStore).applyToExisting(COLLECTION, campaignId, CampaignProjection::campaignIdOf,
                    token, change);
        }
    }

    static String campaignIdOf(Object payload) {
        if (payload instanceof CampaignPlanned planned) {
            return planned.campaignId();
        }
        if (payload instanceof LeadCaptured captured) {
            return captured.campaignId();
        }
        if (payload instanceof LeadQualified qualified) {
            return qualified.campaignId();
        }
        if (payload instanceof LeadDisqualified disqualified) {
            return disqualified.campaignId();
        }
        if (payload instanceof OpportunityOpened opened) {
            return opened.campaignId();
        }
        if (payload instanceof OpportunityWon won) {
            return won.campaignId();
        }
        return payload instanceof OpportunityLost lost ? lost.campaignId() : null;
    }
}
