package org.kontor.query.crm;

import com.mongodb.client.MongoDatabase;
import java.time.Instant;
import java.util.Date;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.TrackingToken;
import org.kontor.events.crm.CaseEvent;
import org.kontor.events.crm.CaseEvent.CaseAssigned;
import org.kontor.events.crm.CaseEvent.CaseOpened;
import org.kontor.events.crm.CaseEvent.CasePriorityChanged;
import org.kontor.events.crm.CaseEvent.CaseReopened;
import org.kontor.events.crm.CaseEvent.CaseResolved;
import org.kontor.query.projection.DocumentBatch;
import org.springframework.stereotype.Component;

/** One document per support case, OPEN or RESOLVED; lists are ordered by when a case was opened. */
@Component
@ProcessingGroup(CaseProjection.PROCESSOR)
class CaseProjection {

    static final String PROCESSOR = "crm-cases";
    static final String COLLECTION = "crm_cases";

    private final MongoDatabase readStore;

    CaseProjection(MongoDatabase readStore) {
        this.readStore = readStore;
    }

    @EventHandler
    void on(CaseOpened event, @SequenceNumber long sequenceNumber, @Timestamp Instant recordedAt,
            TrackingToken token) {
        AggregateViews.create(DocumentBatch.current(readStore), COLLECTION, event.caseId(), CaseProjection::caseIdOf,
                token, sequenceNumber, supportCase -> {
                    supportCase.put("customerId", event.customerId());
                    supportCase.put("subject", event.subject());
                    supportCase.put("priority", event.priority().name());
                    supportCase.put("assigneeId", event.assigneeId());
                    supportCase.put("status", "OPEN");
                    supportCase.put("openedAt", Date.from(recordedAt));
                    supportCase.put("sortKey", recordedAt + "\u0001" + event.caseId());
                });
    }

    @EventHandler
    void on(CaseAssigned event, @SequenceNumber long sequenceNumber, TrackingToken token) {
        AggregateViews.change(DocumentBatch.current(readStore), COLLECTION, event.caseId(), CaseProjection::caseIdOf,
                token, sequenceNumber, supportCase -> supportCase.put("assigneeId", event.assigneeId()));
    }

    @EventHandler
    void on(CasePriorityChanged event, @SequenceNumber long sequenceNumber, TrackingToken token) {
        AggregateViews.change(DocumentBatch.current(readStore), COLLECTION, event.caseId(), CaseProjection::caseIdOf,
                token, sequenceNumber, supportCase -> supportCase.put("priority", event.priority().name()));
    }

    @EventHandler
    void on(CaseResolved event, @SequenceNumber long sequenceNumber, @Timestamp Instant recordedAt,
            TrackingToken token) {
        AggregateViews.change(DocumentBatch.current(readStore), COLLECTION, event.caseId(), CaseProjection::caseIdOf,
                token, sequenceNumber, supportCase -> {
                    supportCase.put("status", "RESOLVED");
                    supportCase.put("resolution", event.resolution());
                    supportCase.put("resolvedAt", Date.from(recordedAt));
                });
    }

    @EventHandler
    void on(CaseReopened event, @SequenceNumber long sequenceNumber, TrackingToken token) {
        AggregateViews.change(DocumentBatch.current(readStore), COLLECTION, event.caseId(), CaseProjection::caseIdOf,
                token, sequenceNumber, supportCase -> {
                    supportCase.put("status", "OPEN");
                    supportCase.put("reopenReason", event.reason());
                    supportCase.put("resolution", null);
                    supportCase.put("resolvedAt", null);
                });
    }

    @ResetHandler
    void clear() {
        readStore.getCollection(COLLECTION).drop();
    }

    static String caseIdOf(Object payload) {
        return payload instanceof CaseEvent event ? event.caseId() : null;
    }
}
