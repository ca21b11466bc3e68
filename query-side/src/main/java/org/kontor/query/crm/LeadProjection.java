package org.kontor.query.crm;

import com.mongodb.client.MongoDatabase;
import java.time.Instant;
import java.util.Date;
import java.util.function.Consumer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.TrackingToken;
import org.bson.Document;
import org.kontor.events.crm.LeadEvent;
import org.kontor.events.crm.LeadEvent.LeadCaptured;
import org.kontor.events.crm.LeadEvent.LeadDisqualified;
import org.kontor.events.crm.LeadEvent.LeadQualified;
import org.kontor.query.projection.DocumentBatch;
import org.springframework.stereotype.Component;

/** One document per lead: who, from where, and what became of it. */
@Component
@ProcessingGroup(LeadProjection.PROCESSOR)
class LeadProjection {

    static final String PROCESSOR = "crm-leads";
    static final String COLLECTION = "crm_leads";

    private final MongoDatabase readStore;

    LeadProjection(MongoDatabase readStore) {
        this.readStore = readStore;
    }

    @EventHandler
    void on(LeadCaptured event, @SequenceNumber long sequenceNumber, @Timestamp Instant recordedAt,
            TrackingToken token) {
        AggregateViews.create(DocumentBatch.current(readStore), COLLECTION, event.leadId(), LeadProjection::leadIdOf,
                token, sequenceNumber, lead -> {
            lead.put("name", event.name());
            lead.put("company", event.company());
            lead.put("email", event.email());
            lead.put("source", event.source());
            lead.put("campaignId", event.campaignId());
            lead.put("status", "NEW");
            lead.put("capturedAt", Date.from(recordedAt));
        });
    }

    @EventHandler
    void on(LeadQualified event, @SequenceNumber long sequenceNumber, TrackingToken token) {
        change(event, sequenceNumber, token, lead -> {
            lead.put("status", "QUALIFIED");
            lead.put("customerId", event.customerId());
            lead.put("opportunityId", event.opportunityId());
        });
    }

    @EventHandler
    void on(LeadDisqualified event, @SequenceNumber long sequenceNumber, TrackingToken token) {
        change(event, sequenceNumber, token, lead -> {
            lead.put("status", "DISQUALIFIED");
            lead.put("disqualifiedReason", event.reason());
        });
    }

    @ResetHandler
    void clear() {
        readStore.getCollection(COLLECTION).drop();
    }

    private void change(LeadEvent event, long sequenceNumber, TrackingToken token, Consumer<Document> change) {
        AggregateViews.change(DocumentBatch.current(readStore), COLLECTION, event.leadId(), LeadProjection::leadIdOf,
                token, sequenceNumber, change);
    }

    static String leadIdOf(Object payload) {
        return payload instanceof LeadEvent event ? event.leadId() : null;
    }
}
