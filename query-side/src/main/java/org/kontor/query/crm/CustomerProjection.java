package org.kontor.query.crm;

import com.mongodb.client.MongoDatabase;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.TrackingToken;
import org.bson.Document;
import org.kontor.events.common.Money;
import org.kontor.events.common.PostalAddress;
import org.kontor.events.crm.AboutCustomer;
import org.kontor.events.crm.CustomerEvent.ContactAdded;
import org.kontor.events.crm.CustomerEvent.CustomerDetailsChanged;
import org.kontor.events.crm.CustomerEvent.CustomerDetailsSnapshot;
import org.kontor.events.crm.CustomerEvent.CustomerRegistered;
import org.kontor.events.crm.InteractionEvent.InteractionRecorded;
import org.kontor.query.projection.AppliedPosition;
import org.kontor.query.projection.DocumentBatch;
import org.springframework.stereotype.Component;

/** Keeps one document per customer: details, contacts and the last interaction (the 360 view). */
@Component
@ProcessingGroup(CustomerProjection.PROCESSOR)
class CustomerProjection {

    static final String PROCESSOR = "crm-customers";
    static final String COLLECTION = "crm_customers";

    private final MongoDatabase readStore;

    CustomerProjection(MongoDatabase readStore) {
        this.readStore = readStore;
    }

    @EventHandler
    void on(CustomerRegistered event, @SequenceNumber long sequenceNumber, @Timestamp Instant recordedAt,
            TrackingToken token) {
        DocumentBatch batch = DocumentBatch.current(readStore);
        Document customer = batch.load(COLLECTION, event.customerId(), CustomerProjection::customerIdOf);
        if (AppliedPosition.alreadyApplied(customer, token)) {
            return;
        }
        customer = customer == null ? new Document("_id", event.customerId()) : customer;
        writeDetails(customer, event);
        customer.put("registeredAt", Date.from(recordedAt));
        customer.putIfAbsent("contacts", new ArrayList<Document>());
        customer.putIfAbsent("interactionCount", 0L);
        save(batch, customer, sequenceNumber, recordedAt, token);
    }

    @EventHandler
    void on(CustomerDetailsChanged event, @SequenceNumber long sequenceNumber, @Timestamp Instant recordedAt,
            TrackingToken token) {
        DocumentBatch batch = DocumentBatch.current(readStore);
        Document customer = batch.load(COLLECTION, event.customerId(), CustomerProjection::customerIdOf);
        if (customer == null || AppliedPosition.alreadyApplied(customer, token)) {
            return;
        }
        writeDetails(customer, event);
        save(batch, customer, sequenceNumber, recordedAt, token);
    }

    @EventHandler
    void on(ContactAdded event, @SequenceNumber long sequenceNumber, @Timestamp Instant recordedAt,
            TrackingToken token) {
        DocumentBatch batch = DocumentBatch.current(readStore);
        Document customer = batch.load(COLLECTION, event.customerId(), CustomerProjection::customerIdOf);
        if (customer == null || AppliedPosition.alreadyApplied(customer, token)) {
            return;
        }
        List<Document> contacts = new ArrayList<>(customer.getList("contacts", Document.class, List.of()));
        contacts.add(new Document("id", event.contactId())
                .append("name", event.name().fullName())
                .append("givenName", event.name().givenName())
                .append("familyName", event.name().familyName())
                .append("email", event.email())
                .append("phone", event.phone())
                .append("role", event.role()));
        customer.put("contacts", contacts);
        save(batch, customer, sequenceNumber, recordedAt, token);
    }

    /** An interaction is not a change of the customer, so it leaves the customer's version alone. */
    @EventHandler
    void on(InteractionRecorded event, TrackingToken token) {
        DocumentBatch batch = DocumentBatch.current(readStore);
        Document customer = batch.load(COLLECTION, event.customerId(), CustomerProjection::customerIdOf);
        if (customer == null || AppliedPosition.alreadyApplied(customer, token)) {
            return;
        }
        customer.put("interactionCount", customer.get("interactionCount", Number.class).longValue() + 1);
        Document last = customer.get("lastInteraction", Document.class);
        if (last == null || !last.getDate("occurredAt").toInstant().isAfter(event.occurredAt())) {
            customer.put("lastInteraction", new Document("id", event.interactionId())
                    .append("channel", event.channel().name())
                    .append("direction", event.direction().name())
                    .append("occurredAt", Date.from(event.occurredAt()))
                    .append("subject", event.subject())
                    .append("employeeId", event.employeeId()));
        }
        AppliedPosition.recordApplied(customer, token);
        batch.save(COLLECTION, customer);
    }

    @ResetHandler
    void clear() {
        readStore.getCollection(COLLECTION).drop();
    }

    static String customerIdOf(Object payload) {
        return payload instanceof AboutCustomer about ? about.customerId() : null;
    }

    private static void save(DocumentBatch batch, Document customer, long sequenceNumber, Instant recordedAt,
                             TrackingToken token) {
        customer.put("version", sequenceNumber + 1);
        customer.put("updatedAt", Date.from(recordedAt));
        AppliedPosition.recordApplied(customer, token);
        batch.save(COLLECTION, customer);
    }

    private static void writeDetails(Document customer, CustomerDetailsSnapshot details) {
        PostalAddress address = details.address();
        Money creditLimit = details.creditLimit();
        customer.put("name", details.name());
        customer.put("kind", details.kind().name());
        customer.put("email", details.email());
        customer.put("phone", details.phone());
        customer.put("vatNumber", details.vatNumber());
        customer.put("address", address == null ? null : new Document("street", address.street())
                .append("postalCode", address.postalCode())
                .append("city", address.city())
                .append("region", address.region())
                .append("country", address.country()));
        customer.put("creditLimit", creditLimit == null ? null
                : new Document("amountMinor", creditLimit.amountMinor()).append("currency", creditLimit.currency()));
        customer.put("ownerId", details.ownerId());
        customer.put("tags", details.tags());
        customer.put("paymentTermDays", details.paymentTermDays());
        customer.put("searchText", searchText(details.name(), details.email(), details.vatNumber()));
        // Sorting by name, then id: a stable order for cursor paging even when names repeat.
        customer.put("sortKey", details.name().toLowerCase(Locale.ROOT) + "\u0001" + customer.getString("_id"));
    }

    private static String searchText(String... parts) {
        StringBuilder text = new StringBuilder();
        for (String part : parts) {
            if (part != null) {
                text.append(part.toLowerCase(Locale.ROOT)).append('\n');
            }
        }
        return text.toString();
    }
}
