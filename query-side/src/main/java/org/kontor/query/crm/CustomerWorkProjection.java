package org.kontor.query.crm;

import com.mongodb.client.MongoDatabase;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.function.Consumer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.TrackingToken;
import org.bson.Document;
import org.kontor.events.common.Money;
import org.kontor.events.crm.CaseEvent.CaseAssigned;
import org.kontor.events.crm.CaseEvent.CaseOpened;
import org.kontor.events.crm.CaseEvent.CasePriorityChanged;
import org.kontor.events.crm.CaseEvent.CaseReopened;
import org.kontor.events.crm.CaseEvent.CaseResolved;
import org.kontor.events.crm.CasePriority;
import org.kontor.events.crm.OpportunityEvent.OpportunityLost;
import org.kontor.events.crm.OpportunityEvent.OpportunityOpened;
import org.kontor.events.crm.OpportunityEvent.OpportunityWon;
import org.kontor.query.projection.DocumentBatch;
import org.springframework.stereotype.Component;

/**
 * The part of the 360 view that other aggregates' work puts there: open opportunities (count and
 * amount) and open support cases, so a sales rep visiting a customer sees them. Same processing
 * group and document as {@link CustomerProjection}; like interactions, this work is not a change of
 * the customer and leaves its version alone.
 */
@Component
@ProcessingGroup(CustomerProjection.PROCESSOR)
class CustomerWorkProjection {

    private final MongoDatabase readStore;

    CustomerWorkProjection(MongoDatabase readStore) {
        this.readStore = readStore;
    }

    @EventHandler
    void on(OpportunityOpened event, TrackingToken token) {
        if (event.stage().isOpen()) {
            change(event.customerId(), token, customer -> addOpen(customer, event.amount(), 1));
        }
    }

    @EventHandler
    void on(OpportunityWon event, TrackingToken token) {
        change(event.customerId(), token, customer -> addOpen(customer, event.amount(), -1));
    }

    @EventHandler
    void on(OpportunityLost event, TrackingToken token) {
        change(event.customerId(), token, customer -> addOpen(customer, event.amount(), -1));
    }

    @EventHandler
    void on(CaseOpened event, @Timestamp Instant recordedAt, TrackingToken token) {
        change(event.customerId(), token, customer -> putCase(customer, event.caseId(), event.subject(),
                event.priority(), event.assigneeId(), recordedAt));
    }

    @EventHandler
    void on(CaseReopened event, @Timestamp Instant recordedAt, TrackingToken token) {
        change(event.customerId(), token, customer -> putCase(customer, event.caseId(), event.subject(),
                event.priority(), event.assigneeId(), recordedAt));
    }

    @EventHandler
    void on(CaseAssigned event, TrackingToken token) {
        change(event.customerId(), token, customer -> openCase(customer, event.caseId())
                .put("assigneeId", event.assigneeId()));
    }

    @EventHandler
    void on(CasePriorityChanged event, TrackingToken token) {
        change(event.customerId(), token, customer -> openCase(customer, event.caseId())
                .put("priority", event.priority().name()));
    }

    @EventHandler
    void on(CaseResolved event, TrackingToken token) {
        change(event.customerId(), token, customer -> {
            List<Document> cases = new ArrayList<>(customer.getList("openCases", Document.class, List.of()));
            cases.removeIf(open -> event.caseId().equals(open.getString("id")));
            customer.put("openCases", cases);
        });
    }

    private void change(String customerId, TrackingToken token, Consumer<Document> change) {
        DocumentBatch.current(readStore).applyToExisting(CustomerProjection.COLLECTION, customerId,
                CustomerProjection::customerIdOf, token, change);
    }

    private static void addOpen(Document customer, Money amount, int count) {
        Document open = Counters.child(customer, "openOpportunities");
        Counters.add(open, "count", count);
        Counters.add(open, "amountMinor", count * amount.amountMinor());
        open.put("currency", amount.currency());
    }

    private static void putCase(Document customer, String caseId, String subject, CasePriority priority,
                                String assigneeId, Instant openedAt) {
        Document open = Counters.row(customer, "openCases", "id", caseId);
        open.put("subject", subject);
        open.put("priority", priority.name());
        open.put("assigneeId", assigneeId);
        open.put("openedAt", Date.from(openedAt));
    }

    /** The open case, or a detached document when the view does not list it (nothing to change then). */
    private static Document openCase(Document customer, String caseId) {
        return customer.getList("openCases", Document.class, List.of()).stream()
                .filter(open -> caseId.equals(open.getString("id")))
                .findFirst()
                .orElseGet(Document::new);
    }
}
