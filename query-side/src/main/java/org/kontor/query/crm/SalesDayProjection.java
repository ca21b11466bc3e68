package org.kontor.query.crm;

import com.mongodb.client.MongoDatabase;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.function.Consumer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.TrackingToken;
import org.bson.Document;
import org.kontor.events.crm.ActivityEvent.ActivityCompleted;
import org.kontor.events.crm.ActivityEvent.ActivityOverdue;
import org.kontor.events.crm.ActivityEvent.ActivityScheduled;
import org.kontor.events.crm.CaseEvent.CaseResolved;
import org.kontor.events.crm.InteractionEvent.InteractionRecorded;
import org.kontor.events.crm.LeadEvent.LeadCaptured;
import org.kontor.events.crm.LeadEvent.LeadDisqualified;
import org.kontor.events.crm.LeadEvent.LeadQualified;
import org.kontor.events.crm.OpportunityEvent.OpportunityLost;
import org.kontor.events.crm.OpportunityEvent.OpportunityOpened;
import org.kontor.events.crm.OpportunityEvent.OpportunityWon;
import org.kontor.query.projection.DocumentBatch;
import org.springframework.stereotype.Component;

/**
 * One document per day (UTC, the day an event was recorded): the funnel's counts (leads, qualified,
 * opportunities, won) and one row per employee (activities, interactions, deals). A report over a
 * date range reads one document per day of the range, by {@code _id}, whatever the volume.
 */
@Component
@ProcessingGroup(SalesDayProjection.PROCESSOR)
class SalesDayProjection {

    static final String PROCESSOR = "crm-sales-days";
    static final String COLLECTION = "crm_sales_days";
    static final String EMPLOYEES = "employees";
    static final String EMPLOYEE_ID = "employeeId";

    private final MongoDatabase readStore;

    SalesDayProjection(MongoDatabase readStore) {
        this.readStore = readStore;
    }

    @EventHandler
    void on(LeadCaptured event, @Timestamp Instant recordedAt, TrackingToken token) {
        onDay(recordedAt, token, day -> Counters.add(day, "leads", 1));
    }

    @EventHandler
    void on(LeadQualified event, @Timestamp Instant recordedAt, TrackingToken token) {
        onDay(recordedAt, token, day -> Counters.add(day, "qualified", 1));
    }

    @EventHandler
    void on(LeadDisqualified event, @Timestamp Instant recordedAt, TrackingToken token) {
        onDay(recordedAt, token, day -> Counters.add(day, "disqualified", 1));
    }

    @EventHandler
    void on(OpportunityOpened event, @Timestamp Instant recordedAt, TrackingToken token) {
        onDay(recordedAt, token, day -> {
            Counters.add(day, "opportunities", 1);
            Counters.add(employee(day, event.ownerId()), "opportunitiesOpened", 1);
        });
    }

    @EventHandler
    void on(OpportunityWon event, @Timestamp Instant recordedAt, TrackingToken token) {
        onDay(recordedAt, token, day -> {
            Counters.add(day, "won", 1);
            Counters.add(day, "wonAmountMinor", event.amount().amountMinor());
            day.put("currency", event.amount().currency());
            Document owner = employee(day, event.ownerId());
            Counters.add(owner, "opportunitiesWon", 1);
            Counters.add(owner, "wonAmountMinor", event.amount().amountMinor());
        });
    }

    @EventHandler
    void on(OpportunityLost event, @Timestamp Instant recordedAt, TrackingToken token) {
        onDay(recordedAt, token, day -> {
            Counters.add(day, "lost", 1);
            Counters.add(employee(day, event.ownerId()), "opportunitiesLost", 1);
        });
    }

    @EventHandler
    void on(ActivityScheduled event, @Timestamp Instant recordedAt, TrackingToken token) {
        onDay(recordedAt, token, day -> Counters.add(employee(day, event.assigneeId()), "activitiesScheduled", 1));
    }

    @EventHandler
    void on(ActivityCompleted event, @Timestamp Instant recordedAt, TrackingToken token) {
        onDay(recordedAt, token, day -> Counters.add(employee(day, event.assigneeId()), "activitiesCompleted", 1));
    }

    @EventHandler
    void on(ActivityOverdue event, @Timestamp Instant recordedAt, TrackingToken token) {
        onDay(recordedAt, token, day -> Counters.add(employee(day, event.assigneeId()), "activitiesOverdue", 1));
    }

    /** An interaction counts for the employee it names, or else for the user who recorded it. */
    @EventHandler
    void on(InteractionRecorded event, EventMessage<?> message, TrackingToken token) {
        String employeeId = event.employeeId() != null ? event.employeeId() : TimelineProjection.userOf(message);
        onDay(message.getTimestamp(), token, day -> Counters.add(employee(day, employeeId), "interactions", 1));
    }

    /** A resolved case counts for the user who resolved it. */
    @EventHandler
    void on(CaseResolved event, EventMessage<?> message, TrackingToken token) {
        onDay(message.getTimestamp(), token,
                day -> Counters.add(employee(day, TimelineProjection.userOf(message)), "casesResolved", 1));
    }

    @ResetHandler
    void clear() {
        readStore.getCollection(COLLECTION).drop();
    }

    static String dayOf(Instant recordedAt) {
        return LocalDate.ofInstant(recordedAt, ZoneOffset.UTC).toString();
    }

    private void onDay(Instant recordedAt, TrackingToken token, Consumer<Document> change) {
        // The day comes from the message, not the payload, so nothing is fetched ahead: a batch's
        // events mostly share one day, whose document is then read once and kept for the batch.
        DocumentBatch.current(readStore).apply(COLLECTION, dayOf(recordedAt), payload -> null, token, change);
    }

    private static Document employee(Document day, String employeeId) {
        return Counters.row(day, EMPLOYEES, EMPLOYEE_ID, employeeId == null ? "unassigned" : employeeId);
    }
}
