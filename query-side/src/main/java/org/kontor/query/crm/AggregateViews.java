package org.kontor.query.crm;

import java.util.function.Consumer;
import java.util.function.Function;
import org.axonframework.eventhandling.TrackingToken;
import org.bson.Document;
import org.kontor.query.projection.DocumentBatch;

/**
 * The change every one-document-per-aggregate view makes: apply the event (once) and note the
 * aggregate's version after it, which is what {@code minVersion} and {@code ETag} read.
 */
final class AggregateViews {

    private AggregateViews() {
    }

    /** The event that creates the aggregate creates its document. */
    static void create(DocumentBatch batch, String collection, String id, Function<Object, String> idOf,
                       TrackingToken token, long sequenceNumber, Consumer<Document> change) {
        batch.apply(collection, id, idOf, token, withVersion(sequenceNumber, change));
    }

    /** Later events change the document the creating event made. */
    static void change(DocumentBatch batch, String collection, String id, Function<Object, String> idOf,
                       TrackingToken token, long sequenceNumber, Consumer<Document> change) {
        batch.applyToExisting(collection, id, idOf, token, withVersion(sequenceNumber, change));
    }

    private static Consumer<Document> withVersion(long sequenceNumber, Consumer<Document> change) {
        return document -> {
            change.accept(document);
            document.put("version", sequenceNumber + 1);
        };
    }
}
