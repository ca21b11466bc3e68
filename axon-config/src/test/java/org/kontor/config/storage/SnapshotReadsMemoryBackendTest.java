package org.kontor.config.storage;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.ArrayFilters;
import de.bwaldvogel.mongo.backend.QueryParameters;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.NoopOplog;
import org.junit.jupiter.api.Test;

/**
 * A find's answer is encoded onto the wire after the collection's lock is released, so it must not
 * change when a write comes in between: these tests take the answer, write, and then look at it, as
 * the encoder would. On the plain memory backend the answer shows the write.
 */
class SnapshotReadsMemoryBackendTest {

    private final MongoCollection<?> views = new SnapshotReadsMemoryBackend().resolveDatabase("kontor")
            .createCollectionOrThrowIfExists("views");

    @Test
    void documentReplacedAfterAFindTookIt_theAnswerStillShowsTheVersionFound() {
        views.addDocument(customer(14, 1));

        QueryResult found = views.handleQuery(new QueryParameters(new Document("_id", "customer"), 0, 0));
        views.updateDocuments(new Document("_id", "customer"), customer(45, 2), ArrayFilters.empty(), false, false,
                NoopOplog.get());

        assertThat(found.collectDocuments()).containsExactly(customer(14, 1));
        assertThat(views.handleQuery(new QueryParameters(new Document("_id", "customer"), 0, 0)).collectDocuments())
                .containsExactly(customer(45, 2));
    }

    @Test
    void fieldSetAfterAFindTookTheDocument_theAnswerStillShowsTheVersionFound() {
        views.addDocument(customer(14, 1));

        QueryResult found = views.handleQuery(new QueryParameters(new Document(), 0, 0));
        views.updateDocuments(new Document("_id", "customer"),
                new Document("$set", new Document("paymentTermDays", 45).append("version", 2L)),
                ArrayFilters.empty(), false, false, NoopOplog.get());

        assertThat(found.collectDocuments()).containsExactly(customer(14, 1));
        assertThat(views.handleQuery(new QueryParameters(new Document(), 0, 0)).collectDocuments())
                .containsExactly(customer(45, 2));
    }

    private static Document customer(int paymentTermDays, long version) {
        return new Document("_id", "customer").append("paymentTermDays", paymentTermDays).append("version", version);
    }
}
