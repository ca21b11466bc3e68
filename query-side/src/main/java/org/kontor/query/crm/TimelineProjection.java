package org.kontor.query.crm;

import com.mongodb.client.MongoDatabase;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.bson.Document;
import org.kontor.config.axon.RequestMetadata;
import org.kontor.events.crm.AboutCustomer;
import org.kontor.query.projection.AppliedPosition;
import org.kontor.query.projection.DocumentBatch;
import org.springframework.stereotype.Component;

/**
 * Appends every event about a customer to that customer's timeline. Entry {@code n} lives in bucket
 * {@code n / BUCKET_SIZE} at slot {@code n % BUCKET_SIZE}; the head document counts the entries and
 * records the last event applied. Slots are written before the head, so a redelivered event lands in
 * the same slot again instead of twice.
 */
@Component
@ProcessingGroup(TimelineProjection.PROCESSOR)
class TimelineProjection {

    static final String PROCESSOR = "crm-timeline";
    static final String HEADS = "crm_timeline_heads";
    static final String BUCKETS = "crm_timeline_buckets";
    /**
     * Small buckets, because the embedded read store copied the whole document on every update: a
     * slot written into a bucket of 100 cost five times what it cost in a bucket of 20 (measured
     * with ledger lines, see docs/benchmarks.md); it now splices a new slot into the stored bytes.
     * A page of 50 entries reads three or four buckets in one query. Changing it changes the layout:
     * a persistent read store rebuilds this view after.
     */
    static final int BUCKET_SIZE = 20;

    private final MongoDatabase readStore;

    TimelineProjection(MongoDatabase readStore) {
        this.readStore = readStore;
    }

    @EventHandler
    void on(AboutCustomer event, EventMessage<?> message, TrackingToken token) {
        DocumentBatch batch = DocumentBatch.current(readStore);
        String customerId = event.customerId();
        Document head = batch.load(HEADS, customerId, CustomerProjection::customerIdOf);
        if (AppliedPosition.alreadyApplied(head, token)) {
            return;
        }
        head = head == null ? new Document("_id", customerId).append("count", 0L) : head;
        long entryNumber = head.get("count", Number.class).longValue();
        TimelineEntry entry = TimelineEntries.describe(event, message);
        batch.setFields(BUCKETS, bucketId(customerId, entryNumber / BUCKET_SIZE), Map.of(
                "customerId", customerId,
                "e." + entryNumber % BUCKET_SIZE, toDocument(entry)));
        head.put("count", entryNumber + 1);
        AppliedPosition.recordApplied(head, token);
        batch.save(HEADS, head);
    }

    @ResetHandler
    void clear() {
        readStore.getCollection(HEADS).drop();
        readStore.getCollection(BUCKETS).drop();
    }

    static String bucketId(String customerId, long bucket) {
        return customerId + ":" + bucket;
    }

    static String userOf(EventMessage<?> message) {
        Object userId = message.getMetaData().get(RequestMetadata.USER_ID);
        return userId == null ? "system" : userId.toString();
    }

    private static Document toDocument(TimelineEntry entry) {
        return new Document("at", Date.from(entry.at()))
                .append("type", entry.type())
                .append("summary", entry.summary())
                .append("refId", entry.refId())
                .append("by", entry.by());
    }

    static TimelineEntry fromDocument(Document document) {
        Instant at = document.getDate("at").toInstant();
        return new TimelineEntry(at, document.getString("type"), document.getString("summary"),
                document.getString("refId"), document.getString("by"));
    }
}
