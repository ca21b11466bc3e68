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
import org.kontor.events.crm.ActivityEvent;
import org.kontor.events.crm.ActivityEvent.ActivityCompleted;
import org.kontor.events.crm.ActivityEvent.ActivityOverdue;
import org.kontor.events.crm.ActivityEvent.ActivityScheduled;
import org.kontor.query.projection.DocumentBatch;
import org.springframework.stereotype.Component;

/**
 * One document per follow-up: OPEN, OVERDUE or COMPLETED. {@code sortKey} orders an assignee's list
 * by due time (then id, so equal times still page stably).
 */
@Component
@ProcessingGroup(ActivityProjection.PROCESSOR)
class ActivityProjection {

    static final String PROCESSOR = "crm-activities";
    static final String COLLECTION = "crm_activities";

    private final MongoDatabase readStore;

    ActivityProjection(MongoDatabase readStore) {
        this.readStore = readStore;
    }

    @EventHandler
    void on(ActivityScheduled event, @SequenceNumber long sequenceNumber, @Timestamp Instant recordedAt,
            TrackingToken token) {
        AggregateViews.create(DocumentBatch.current(readStore), COLLECTION, event.activityId(),
                ActivityProjection::activityIdOf, token, sequenceNumber, activity -> {
                    activity.put("customerId", event.customerId());
                    activity.put("type", event.type().name());
                    activity.put("dueAt", Date.from(event.dueAt()));
                    activity.put("assigneeId", event.assigneeId());
                    activity.put("note", event.note());
                    activity.put("status", "OPEN");
                    activity.put("scheduledAt", Date.from(recordedAt));
                    activity.put("sortKey", event.dueAt() + "\u0001" + event.activityId());
                });
    }

    @EventHandler
    void on(ActivityOverdue event, @SequenceNumber long sequenceNumber, @Timestamp Instant recordedAt,
            TrackingToken token) {
        AggregateViews.change(DocumentBatch.current(readStore), COLLECTION, event.activityId(),
                ActivityProjection::activityIdOf, token, sequenceNumber, activity -> {
                    activity.put("status", "OVERDUE");
                    activity.put("overdueAt", Date.from(recordedAt));
                });
    }

    @EventHandler
    void on(ActivityCompleted event, @SequenceNumber long sequenceNumber, @Timestamp Instant recordedAt,
            TrackingToken token) {
        AggregateViews.change(DocumentBatch.current(readStore), COLLECTION, event.activityId(),
                ActivityProjection::activityIdOf, token, sequenceNumber, activity -> {
                    activity.put("status", "COMPLETED");
                    activity.put("outcome", event.outcome());
                    activity.put("late", event.late());
                    activity.put("completedAt", Date.from(recordedAt));
                });
    }

    @ResetHandler
    void clear() {
        readStore.getCollection(COLLECTION).drop();
    }

    static String activityIdOf(Object payload) {
        return payload instanceof ActivityEvent event ? event.activityId() : null;
    }
}
