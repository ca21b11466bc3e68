package org.kontor.query.ledger;

import com.mongodb.client.MongoDatabase;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.TrackingToken;
import org.bson.Document;
import org.kontor.events.ledger.JournalEntryEvent;
import org.kontor.events.ledger.JournalEntryEvent.JournalEntryPosted;
import org.kontor.events.ledger.JournalEntryEvent.JournalEntryReversed;
import org.kontor.query.projection.AppliedPosition;
import org.kontor.query.projection.DocumentBatch;
import org.springframework.stereotype.Component;

/**
 * Keeps every journal entry as it was posted, one document per entry, and notes on an entry the
 * entry that reversed it. Entries are never changed otherwise: corrections are new entries.
 */
@Component
@ProcessingGroup(JournalEntryProjection.PROCESSOR)
class JournalEntryProjection {

    static final String PROCESSOR = "ledger-entries";
    static final String COLLECTION = "ledger_entries";

    private final MongoDatabase readStore;

    JournalEntryProjection(MongoDatabase readStore) {
        this.readStore = readStore;
    }

    /** An entry's document is written in full once: inserted without a read (see DocumentBatch#insert). */
    @EventHandler
    void on(JournalEntryPosted event, @Timestamp Instant recordedAt, TrackingToken token) {
        Document entry = new Document("_id", event.entryId());
        write(entry, event, recordedAt);
        AppliedPosition.recordApplied(entry, token);
        DocumentBatch.current(readStore).insert(COLLECTION, entry);
    }

    private static void write(Document entry, JournalEntryPosted event, Instant recordedAt) {
        entry.put("date", event.accountingDate().toString());
        entry.put("period", event.period());
        entry.put("description", event.description());
        entry.put("currency", event.currency());
        entry.put("reference", event.reference());
        entry.put("reversalOf", event.reversalOf());
        entry.put("postedAt", Date.from(recordedAt));
        List<Document> lines = event.lines().stream()
                .map(line -> new Document("account", line.account())
                        .append("debitMinor", line.debitMinor())
                        .append("creditMinor", line.creditMinor())
                        .append("costCenter", line.costCenter())
                        .append("memo", line.memo()))
                .toList();
        entry.put("lines", lines);
    }

    @EventHandler
    void on(JournalEntryReversed event, TrackingToken token) {
        // The reversal is an event of the entry's own stream, so the entry is always there before it.
        DocumentBatch.current(readStore).applyToExisting(COLLECTION, event.entryId(),
                JournalEntryProjection::entryIdOf, token, entry -> {
                    entry.put("reversedBy", event.reversalEntryId());
                    entry.put("reversalDate", event.reversalDate() == null ? null : event.reversalDate().toString());
                    entry.put("reversalReason", event.reason());
                });
    }

    @ResetHandler
    void clear() {
        readStore.getCollection(COLLECTION).drop();
    }

    private static String entryIdOf(Object payload) {
        return payload instanceof JournalEntryEvent event ? event.entryId() : null;
    }
}
