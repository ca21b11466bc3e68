package org.kontor.config.storage;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The collections of a read model built aside and switched in, on the same MongoDB-protocol server
 * the embedded profile uses. A new {@link ReadModelCollections} over the same database is what a
 * restart on a persistent read store sees.
 */
class ReadModelCollectionsTest {

    private MongoServer server;
    private MongoClient client;
    private MongoDatabase physical;

    @BeforeEach
    void startServer() {
        server = new MongoServer(new MemoryBackend());
        InetSocketAddress address = server.bind();
        client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort());
        physical = client.getDatabase("kontor");
    }

    @AfterEach
    void stopServer() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void buildAsideThenSwitch_readsSeeTheOldCopyUntilTheSwitchThenTheNewOneForEveryCollection() throws Exception {
        ReadModelCollections collections = new ReadModelCollections(physical);
        MongoCollection<Document> heads = collections.database().getCollection("heads");
        MongoCollection<Document> lines = collections.database().getCollection("lines");
        heads.insertOne(new Document("_id", "a").append("copy", "old"));
        lines.insertOne(new Document("_id", "a:0").append("copy", "old"));

        collections.buildingAside("view", () -> {
            heads.drop(); // what a reset handler does: only the copy aside is dropped
            lines.drop();
            heads.insertOne(new Document("_id", "a").append("copy", "new"));
            return lines.insertOne(new Document("_id", "a:0").append("copy", "new"));
        });

        assertThat(copiesOf(heads, lines)).containsExactly("old", "old");
        assertThat(collections.collectionsOf("view")).containsExactlyInAnyOrder("heads", "lines");
        Set<String> oldCopies = collections.switchIn("view");
        assertThat(copiesOf(heads, lines)).as("the collections held before the switch resolve again").containsExactly("new", "new");
        collections.drop(oldCopies);
        assertThat(physical.listCollectionNames()).containsExactlyInAnyOrder("heads__rebuilt", "lines__rebuilt",
                ReadModelCollections.SWITCHES);
    }

    @Test
    void secondRebuild_buildsIntoTheOriginalNamesAndSwitchesBack() throws Exception {
        ReadModelCollections collections = new ReadModelCollections(physical);
        MongoCollection<Document> heads = collections.database().getCollection("heads");
        rebuild(collections, heads, "second");
        rebuild(collections, heads, "third");

        assertThat(copiesOf(heads)).containsExactly("third");
        assertThat(physical.getCollection("heads").countDocuments()).isEqualTo(1);
        assertThat(physical.listCollectionNames()).doesNotContain("heads__rebuilt");
    }

    @Test
    void restart_servesTheSwitchedCopyAndDropsACopyLeftByARebuildThatNeverSwitched() throws Exception {
        ReadModelCollections before = new ReadModelCollections(physical);
        MongoCollection<Document> heads = before.database().getCollection("heads");
        heads.insertOne(new Document("_id", "a").append("copy", "first"));
        rebuild(before, heads, "switched");
        // A later rebuild crashes while building: its copy is in "heads", which serves nothing now.
        before.buildingAside("view", () -> heads.insertOne(new Document("_id", "a").append("copy", "half-built")));

        ReadModelCollections restarted = new ReadModelCollections(physical);

        assertThat(copiesOf(restarted.database().getCollection("heads"))).containsExactly("switched");
        assertThat(physical.listCollectionNames()).containsExactlyInAnyOrder("heads__rebuilt",
                ReadModelCollections.SWITCHES);
    }

    @Test
    void restartAfterACrashBeforeAnySwitch_theOldCopyServesAndTheCopyAsideIsDropped() throws Exception {
        ReadModelCollections before = new ReadModelCollections(physical);
        MongoCollection<Document> heads = before.database().getCollection("heads");
        heads.insertOne(new Document("_id", "a").append("copy", "old"));
        before.buildingAside("view", () -> heads.insertOne(new Document("_id", "a").append("copy", "half-built")));

        ReadModelCollections restarted = new ReadModelCollections(physical);

        assertThat(copiesOf(restarted.database().getCollection("heads"))).containsExactly("old");
        assertThat(physical.listCollectionNames()).containsExactly("heads");
    }

    private static void rebuild(ReadModelCollections collections, MongoCollection<Document> heads, String copy)
            throws Exception {
        collections.buildingAside("view", () -> {
            heads.drop();
            return heads.insertOne(new Document("_id", "a").append("copy", copy));
        });
        collections.drop(collections.switchIn("view"));
    }

    @SafeVarargs
    private static List<String> copiesOf(MongoCollection<Document>... collections) {
        List<String> copies = new ArrayList<>();
        for (MongoCollection<Document> collection : collections) {
            collection.find().forEach(document -> copies.add(document.getString("copy")));
        }
        return copies;
    }
}
