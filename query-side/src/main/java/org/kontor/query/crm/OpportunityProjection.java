package org.kontor.query.crm;

import com.mongodb.client.MongoDatabase;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.function.Consumer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.TrackingToken;
import org.bson.Document;
import org.kontor.events.crm.OpportunityEvent;
import org.kontor.events.crm.OpportunityEvent.OpportunityLost;
import org.kontor.events.crm.OpportunityEvent.OpportunityOpened;
import org.kontor.events.crm.OpportunityEvent.OpportunityStageChanged;
import org.kontor.events.crm.OpportunityEvent.OpportunityWon;
import org.kontor.events.crm.OpportunityStage;
import org.kontor.query.projection.DocumentBatch;
import org.springframework.stereotype.Component;

/**
 * One document per opportunity, with its stage history: every stage it entered, when, and when it
 * left, from the times the events were recorded. Time spent in a stage is the difference.
 */
@Component
@ProcessingGroup(OpportunityProjection.PROCESSOR)
class OpportunityProjection {

    static final String PROCESSOR = "crm-opportunities";
    static final String COLLECTION = "crm_opportunities";

    private final MongoDatabase readStore;

    OpportunityProjection(MongoDatabase readStore) {
        this.readStore = readStore;
    }

    @EventHandler
    void on(OpportunityOpened event, @SequenceNumber long sequenceNumber, @Timestamp Instant recordedAt,
            TrackingToken token) {
        AggregateViews.create(DocumentBatch.current(readStore), COLLECTION, event.opportunityId(),
                OpportunityProjection::opportunityIdOf, token, sequenceNumber, opportunity -> {
                    opportunity.put("customerId", event.customerId());
                    opportunity.put("title", event.title());
                    opportunity.put("amountMinor", event.amount().amountMinor());
                    opportunity.put("currency", event.amount().currency());
                    opportunity.put("expectedCloseDate", event.expectedCloseDate().toString());
                    opportunity.put("ownerId", event.ownerId());
                    opportunity.put("leadId", event.leadId());
                    opportunity.put("campaignId", event.campaignId());
                    opportunity.put("openedAt", Date.from(recordedAt));
                    opportunity.put("stage", event.stage().name());
                    opportunity.put("stageHistory", List.of(visit(event.stage(), recordedAt)));
                });
    }

    @EventHandler
    void on(OpportunityStageChanged event, @SequenceNumber long sequenceNumber, @Timestamp Instant recordedAt,
            TrackingToken token) {
        change(event, sequenceNumber, token, opportunity -> enter(opportunity, event.to(), recordedAt));
    }

    @EventHandler
    void on(OpportunityWon event, @SequenceNumber long sequenceNumber, @Timestamp Instant recordedAt,
            TrackingToken token) {
        change(event, sequenceNumber, token, opportunity -> {
            enter(opportunity, OpportunityStage.WON, recordedAt);
            opportunity.put("closedAt", Date.from(recordedAt));
        });
    }

    @EventHandler
    void on(OpportunityLost event, @SequenceNumber long sequenceNumber, @Timestamp Instant recordedAt,
            TrackingToken token) {
        change(event, sequenceNumber, token, opportunity -> {
            enter(opportunity, OpportunityStage.LOST, recordedAt);
            opportunity.put("closedAt", Date.from(recordedAt));
            opportunity.put("lostReason", event.reason());
        });
    }

    @ResetHandler
    void clear() {
        readStore.getCollection(COLLECTION).drop();
    }

    /** Closes the visit of the current stage and opens one of {@code stage}. */
    private static void enter(Document opportunity, OpportunityStage stage, Instant at) {
        List<Document> history = new ArrayList<>(opportunity.getList("stageHistory", Document.class, List.of()));
        if (!history.isEmpty()) {
            history.get(history.size() - 1).put("leftAt", Date.from(at));
        }
        history.add(visit(stage, at));
        opportunity.put("stageHistory", history);
        opportunity.put("stage", stage.name());
    }

    private static Document visit(OpportunityStage stage, Instant at) {
        return new Document("stage", stage.name()).append("enteredAt", Date.from(at)).append("leftAt", null);
    }

    private void change(OpportunityEvent event, long sequenceNumber, TrackingToken token,
                        Consumer<Document> change) {
        AggregateViews.change(DocumentBatch.current(readStore), COLLECTION, event.opportunityId(),
                OpportunityProjection::opportunityIdOf, token, sequenceNumber, change);
    }

    static String opportunityIdOf(Object payload) {
        return payload instanceof OpportunityEvent event ? event.opportunityId() : null;
    }
}
