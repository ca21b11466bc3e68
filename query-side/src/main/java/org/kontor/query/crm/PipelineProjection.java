package org.kontor.query.crm;

import com.mongodb.client.MongoDatabase;
import java.util.Collection;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.bson.Document;
import org.kontor.events.common.Money;
import org.kontor.events.crm.OpportunityEvent.OpportunityLost;
import org.kontor.events.crm.OpportunityEvent.OpportunityOpened;
import org.kontor.events.crm.OpportunityEvent.OpportunityStageChanged;
import org.kontor.events.crm.OpportunityEvent.OpportunityWon;
import org.kontor.events.crm.OpportunityStage;
import org.kontor.query.projection.DocumentBatch;
import org.springframework.stereotype.Component;

/**
 * The pipeline: per stage, how many opportunities and what amount, in one document for everyone
 * ({@value #ALL}) and one per owner ({@code owner:<id>}); a read is one {@code _id} lookup. Each
 * event moves one opportunity's amount from the stage it left to the stage it entered.
 */
@Component
@ProcessingGroup(PipelineProjection.PROCESSOR)
class PipelineProjection {

    static final String PROCESSOR = "crm-pipeline";
    static final String COLLECTION = "crm_pipeline";
    static final String ALL = "all";

    private final MongoDatabase readStore;

    PipelineProjection(MongoDatabase readStore) {
        this.readStore = readStore;
    }

    @EventHandler
    void on(OpportunityOpened event, TrackingToken token) {
        move(event.ownerId(), null, event.stage(), event.amount(), token);
    }

    @EventHandler
    void on(OpportunityStageChanged event, TrackingToken token) {
        move(event.ownerId(), event.from(), event.to(), event.amount(), token);
    }

    @EventHandler
    void on(OpportunityWon event, TrackingToken token) {
        move(event.ownerId(), event.from(), OpportunityStage.WON, event.amount(), token);
    }

    @EventHandler
    void on(OpportunityLost event, TrackingToken token) {
        move(event.ownerId(), event.from(), OpportunityStage.LOST, event.amount(), token);
    }

    @ResetHandler
    void clear() {
        readStore.getCollection(COLLECTION).drop();
    }

    static String ownerDocumentId(String ownerId) {
        return "owner:" + ownerId;
    }

    private void move(String ownerId, OpportunityStage from, OpportunityStage to, Money amount, TrackingToken token) {
        DocumentBatch batch = DocumentBatch.current(readStore);
        for (String id : idsOf(ownerId)) {
            batch.loadAmong(COLLECTION, id, PipelineProjection::documentIdsOf);
            batch.apply(COLLECTION, id, payload -> null, token, pipeline -> {
                pipeline.put("ownerId", ALL.equals(id) ? null : ownerId);
                pipeline.put("currency", amount.currency());
                Document stages = Counters.child(pipeline, "stages");
                if (from != null) {
                    Document left = Counters.child(stages, from.name());
                    Counters.add(left, "count", -1);
                    Counters.add(left, "amountMinor", -amount.amountMinor());
                }
                Document entered = Counters.child(stages, to.name());
                Counters.add(entered, "count", 1);
                Counters.add(entered, "amountMinor", amount.amountMinor());
            });
        }
    }

    private static List<String> idsOf(String ownerId) {
        return ownerId == null ? List.of(ALL) : List.of(ALL, ownerDocumentId(ownerId));
    }

    private static Collection<String> documentIdsOf(Object payload) {
        if (payload instanceof OpportunityOpened opened) {
            return idsOf(opened.ownerId());
        }
        if (payload instanceof OpportunityStageChanged changed) {
            return idsOf(changed.ownerId());
        }
        if (payload instanceof OpportunityWon won) {
            return idsOf(won.ownerId());
        }
        return payload instanceof OpportunityLost lost ? idsOf(lost.ownerId()) : List.of();
    }
}
