package org.kontor.command.crm;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/** Knows campaigns from their own event streams, so a lead can name a campaign planned a moment ago. */
@Component
class PlannedCampaigns implements KnownCampaigns {

    private final Repository<Campaign> campaigns;
    private final EventStore eventStore;

    PlannedCampaigns(@Qualifier("campaignRepository") Repository<Campaign> campaigns, EventStore eventStore) {
        this.campaigns = campaigns;
        this.eventStore = eventStore;
    }

    @Override
    public boolean exists(String campaignId) {
        return EventSourcedLookup.exists(eventStore, campaigns, campaignId, Campaign::isPlanned);
    }
}
