package org.kontor.config.storage;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/**
 * The embedded read store, as {@link EmbeddedStorageConfiguration} starts it. A view document is
 * replaced by a projection while a query reads it: the reader must see the document before or
 * after the replacement, never a mix of both (a customer's 360 view answering version 2 with its
 * payment terms still as in version 1). On mongo-java-server's plain memory backend this test
 * fails within a second or two; with {@link CompactMemoryBackend} it reads for the whole
 * window without a mix.
 */
class EmbeddedReadStoreTest {

    /** Many large documents, read and replaced together, widen the window a mix needs to be seen. */
    private static final int DOCUMENTS = 20;
    private static final int FIELDS = 100;
    private static final long READ_FOR_MS = 3_000;

    @Test
    void documentReplacedWhileRead_everyReadShowsOneWholeVersion() throws Exception {
        EmbeddedStorageConfiguration storage = new EmbeddedStorageConfiguration();
        EmbeddedReadStoreServer server = storage.embeddedMongoServer(new SimpleMeterRegistry());
        try (MongoClient client = storage.mongoClient(server)) {
            MongoCollection<Document> views = client.getDatabase("kontor").getCollection("views");
            views.bulkWrite(replaceAll(0));
            AtomicBoolean reading = new AtomicBoolean(true);
            CompletableFuture<Long> writer = CompletableFuture.supplyAsync(() -> {
                long version = 0;
                while (reading.get()) {
                    version++;
                    views.bulkWrite(replaceAll(version));
                }
                return version;
            });

            Set<Long> versionsInOneDocument = Set.of();
            long readUntil = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(READ_FOR_MS);
            while (versionsInOneDocument.size() <= 1 && System.nanoTime() < readUntil) {
                for (Document read : views.find()) {
                    Set<Long> versions = versionsIn(read);
                    versionsInOneDocument = versions.size() > 1 ? versions : versionsInOneDocument;
                }
            }
            reading.set(false);
            long lastWritten = writer.get(10, TimeUnit.SECONDS);

            assertThat(versionsInOneDocument).hasSizeLessThanOrEqualTo(1);
            // Reads answer copies, but writes still change the stored documents: the last one shows.
            List<Document> stored = views.find().into(new ArrayList<>());
            assertThat(stored).hasSize(DOCUMENTS)
                    .allSatisfy(read -> assertThat(versionsIn(read)).containsExactly(lastWritten));
        } finally {
            server.close();
        }
    }

    /** The documents are off the heap, so the heap's figures do not show them: this gauge does. */
    @Test
    void documentsStored_theDirectMemoryGaugeShowsTheSlabsHoldingThem() {
        EmbeddedStorageConfiguration storage = new EmbeddedStorageConfiguration();
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        EmbeddedReadStoreServer server = storage.embeddedMongoServer(registry);
        try (MongoClient client = storage.mongoClient(server)) {
            double before = registry.get(EmbeddedStorageConfiguration.READ_STORE_DIRECT_MEMORY_METRIC).gauge().value();

            client.getDatabase("kontor").getCollection("views").bulkWrite(replaceAll(1));

            assertThat(before).isZero();
            assertThat(registry.get(EmbeddedStorageConfiguration.READ_STORE_DIRECT_MEMORY_METRIC).gauge().value())
                    .isGreaterThanOrEqualTo(DocumentSlabs.MIN_SLAB_BYTES);
        } finally {
            server.close();
        }
    }

    /** Every document replaced by one whose every field holds {@code version}, as a projection's batch writes. */
    private static List<ReplaceOneModel<Document>> replaceAll(long version) {
        List<ReplaceOneModel<Document>> replacements = new ArrayList<>();
        for (int document = 0; document < DOCUMENTS; document++) {
            replacements.add(new ReplaceOneModel<>(Filters.eq("_id", "view-" + document),
                    version("view-" + document, version), new ReplaceOptions().upsert(true)));
        }
        return replacements;
    }

    private static Document version(String id, long version) {
        Document document = new Document("_id", id);
        for (int field = 0; field < FIELDS; field++) {
            document.append("field" + field, version);
        }
        return document;
    }

    private static Set<Long> versionsIn(Document document) {
        Set<Long> versions = new HashSet<>();
        for (int field = 0; field < FIELDS; field++) {
            versions.add(document.getLong("field" + field));
        }
        return versions;
    }
}
