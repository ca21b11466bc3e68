package org.kontor.config.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.mongodb.MongoWriteException;
import com.mongodb.bulk.BulkWriteResult;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import com.mongodb.client.result.UpdateResult;
import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.ArrayFilters;
import de.bwaldvogel.mongo.backend.QueryParameters;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.NoopOplog;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.bson.types.Decimal128;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class CompactMemoryBackendTest {

    /**
     * A find's answer is encoded onto the wire after the collection's lock is released, so it must
     * not change when a write comes in between: these tests take the answer, write, and then look
     * at it, as the encoder would. On the library's memory backend the answer shows the write.
     */
    @Nested
    class AnswersAreSnapshots {

        private final MongoCollection<?> views = new CompactMemoryBackend().resolveDatabase("kontor")
                .createCollectionOrThrowIfExists("views");

        @Test
        void documentReplacedAfterAFindTookIt_theAnswerStillShowsTheVersionFound() {
            views.addDocument(customer(14, 1));

            QueryResult found = views.handleQuery(new QueryParameters(new Document("_id", "customer"), 0, 0));
            views.updateDocuments(new Document("_id", "customer"), customer(45, 2), ArrayFilters.empty(), false,
                    false, NoopOplog.get());

            assertThat(found.collectDocuments()).containsExactly(customer(14, 1));
            assertThat(views.handleQuery(new QueryParameters(new Document("_id", "customer"), 0, 0))
                    .collectDocuments()).containsExactly(customer(45, 2));
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

        @Test
        void documentAnsweredIsChangedByItsReader_theStoredOneIsNot() {
            views.addDocument(customer(14, 1));

            views.handleQuery(new QueryParameters(new Document(), 0, 0)).collectDocuments().get(0)
                    .put("paymentTermDays", 99);

            assertThat(views.handleQuery(new QueryParameters(new Document(), 0, 0)).collectDocuments())
                    .containsExactly(customer(14, 1));
        }

        private static Document customer(int paymentTermDays, long version) {
            return new Document("_id", "customer").append("paymentTermDays", paymentTermDays)
                    .append("version", version);
        }
    }

    /** The store as the application uses it: through the official driver, over the wire, its own decoder. */
    @Nested
    class ThroughTheDriver {

        private final CompactMemoryBackend backend = new CompactMemoryBackend();
        private final EmbeddedReadStoreServer server = EmbeddedReadStoreServer.start(backend);
        private final MongoClient client;
        private final com.mongodb.client.MongoCollection<org.bson.Document> lines;

        ThroughTheDriver() {
            InetSocketAddress address = server.address();
            client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort());
            lines = client.getDatabase("kontor").getCollection("ledger_lines");
        }

        @AfterEach
        void stop() {
            client.close();
            server.close();
        }

        /** A reset of a view that never had a document drops collections that do not exist. */
        @Test
        void dropOfACollectionThatDoesNotExist_answersOk_andLogsNoError() {
            Logger wire = (Logger) LoggerFactory.getLogger("de.bwaldvogel.mongo.wire");
            ListAppender<ILoggingEvent> logged = new ListAppender<>();
            logged.start();
            wire.addAppender(logged);
            try {
                client.getDatabase("kontor").getCollection("crm_activities__rebuilt").drop();
                lines.insertOne(new org.bson.Document("_id", "entry-1"));
                lines.drop();
            } finally {
                wire.detachAppender(logged);
            }

            assertThat(logged.list).filteredOn(event -> event.getLevel().isGreaterOrEqual(Level.WARN)).isEmpty();
            assertThat(client.getDatabase("kontor").listCollectionNames()).doesNotContain("ledger_lines");
        }

        /** A projection's reset drops its collections: their direct memory serves the views rebuilt. */
        @Test
        void droppedCollection_itsDirectMemoryHoldsTheNextOne() {
            List<org.bson.Document> entries = IntStream.range(0, 2_000)
                    .mapToObj(number -> new org.bson.Document("_id", "entry-" + number).append("memo", "x".repeat(500)))
                    .toList();
            lines.insertMany(entries);
            long held = backend.directMemoryBytes();

            lines.drop();
            com.mongodb.client.MongoCollection<org.bson.Document> rebuilt =
                    client.getDatabase("kontor").getCollection("ledger_entries");
            rebuilt.insertMany(entries);

            assertThat(backend.directMemoryBytes()).isEqualTo(held);
            assertThat(lines.countDocuments()).isZero();
            assertThat(rebuilt.find(Filters.eq("_id", "entry-1999")).first()).isEqualTo(entries.get(1_999));
        }

        @Test
        void documentOfEveryValueType_readBackEqual() {
            org.bson.Document bucket = new org.bson.Document("_id", "1100:2025-03:0")
                    .append("account", "1100")
                    .append("count", 3)
                    .append("debitMinor", 12_345_678_901L)
                    .append("rate", 0.19)
                    .append("closed", false)
                    .append("memo", null)
                    .append("postedAt", java.util.Date.from(Instant.parse("2025-03-31T23:59:59.999Z")))
                    .append("amount", Decimal128.parse("1234.5600"))
                    .append("tags", List.of("vip", "north"))
                    .append("lines", List.of(new org.bson.Document("entry", "je-1").append("debit", 100L),
                            new org.bson.Document("entry", "je-2").append("credit", 100L)));
            lines.insertOne(bucket);

            assertThat(lines.find(Filters.eq("_id", "1100:2025-03:0")).first()).isEqualTo(bucket);
            assertThat(lines.find(Filters.in("_id", List.of("1100:2025-03:0", "other"))).into(new ArrayList<>()))
                    .as("by ids, answered with the stored bytes").containsExactly(bucket);
        }

        @Test
        void updateOperators_changeTheStoredDocument() {
            lines.insertOne(new org.bson.Document("_id", "b").append("count", 1).append("lines",
                    List.of(new org.bson.Document("entry", "je-1"))));

            lines.updateOne(Filters.eq("_id", "b"), Updates.combine(Updates.inc("count", 1),
                    Updates.push("lines", new org.bson.Document("entry", "je-2")), Updates.set("closed", true)));
            lines.updateOne(Filters.eq("_id", "c"), Updates.set("count", 7), new UpdateOptions().upsert(true));

            assertThat(lines.find(Filters.eq("_id", "b")).first()).isEqualTo(new org.bson.Document("_id", "b")
                    .append("count", 2)
                    .append("lines", List.of(new org.bson.Document("entry", "je-1"),
                            new org.bson.Document("entry", "je-2")))
                    .append("closed", true));
            assertThat(lines.find(Filters.eq("_id", "c")).first())
                    .isEqualTo(new org.bson.Document("_id", "c").append("count", 7));
        }

        @Test
        void documentReplacedById_holdsExactlyTheReplacementAndOnlyAChangeCountsAsModified() {
            lines.replaceOne(Filters.eq("_id", "head"), new org.bson.Document("_id", "head").append("count", 1)
                    .append("memo", "first"), new ReplaceOptions().upsert(true));

            UpdateResult changed = lines.replaceOne(Filters.eq("_id", "head"),
                    new org.bson.Document("count", 2).append("last", "je-2"));
            UpdateResult same = lines.replaceOne(Filters.eq("_id", "head"),
                    new org.bson.Document("_id", "head").append("count", 2).append("last", "je-2"));
            UpdateResult missing = lines.replaceOne(Filters.eq("_id", "other"), new org.bson.Document("count", 9));

            assertThat(lines.find(Filters.eq("_id", "head")).first()).isEqualTo(
                    new org.bson.Document("_id", "head").append("count", 2).append("last", "je-2"));
            assertThat(lines.find(Filters.eq("_id", "head")).first().keySet()).first().isEqualTo("_id");
            assertThat(changed.getMatchedCount()).isEqualTo(1);
            assertThat(changed.getModifiedCount()).isEqualTo(1);
            assertThat(same.getModifiedCount()).isZero();
            assertThat(missing.getMatchedCount()).isZero();
            assertThat(lines.countDocuments()).isEqualTo(1);
        }

        @Test
        void fieldsSetById_inTheDocumentAndInSubDocuments_asMongoDbSetsThem() {
            lines.insertOne(new org.bson.Document("_id", "bucket").append("account", "1100")
                    .append("l", new org.bson.Document("0", new org.bson.Document("debit", 100L))));

            UpdateResult set = lines.updateOne(Filters.eq("_id", "bucket"), Updates.combine(
                    Updates.set("l.1", new org.bson.Document("credit", 40L)), Updates.set("date", "2025-03-01"),
                    Updates.set("totals.debit", 100L)));
            UpdateResult same = lines.updateOne(Filters.eq("_id", "bucket"), Updates.set("account", "1100"));

            assertThat(lines.find(Filters.eq("_id", "bucket")).first()).isEqualTo(new org.bson.Document("_id", "bucket")
                    .append("account", "1100")
                    .append("l", new org.bson.Document("0", new org.bson.Document("debit", 100L))
                            .append("1", new org.bson.Document("credit", 40L)))
                    .append("date", "2025-03-01")
                    .append("totals", new org.bson.Document("debit", 100L)));
            assertThat(set.getModifiedCount()).isEqualTo(1);
            assertThat(same.getModifiedCount()).isZero();
        }

        /**
         * A projection creates each bucket with an upsert of {@code $set}; this backend builds that
         * document itself. Sent to the library's own memory backend too, the same writes must leave
         * the same documents, field order included, and report the same counts and upserted ids.
         */
        @Test
        void upsertsOfFieldsWhereNothingIsStored_insertWhatTheLibrarysBackendInserts() {
            onTheLibrarysBackend(referenceLines -> {
                List<WriteModel<org.bson.Document>> writes = List.of(
                        upsert("1100:2025-03-01:0", new org.bson.Document("account", "1100").append("date", "2025-03-01")
                                .append("l.7", new org.bson.Document("entryId", "je-1").append("debitMinor", 100L))),
                        upsert("1100:2025-03-01:0", new org.bson.Document("l.8", new org.bson.Document("entryId", "je-2"))),
                        upsert("deep", new org.bson.Document("a.b.c", 1).append("a.b.d", List.of(1, 2)).append("a.e", "x")),
                        upsert("same-id", new org.bson.Document("_id", "same-id").append("n", 1)),
                        upsert(42, new org.bson.Document("n", 2)));

                BulkWriteResult ours = lines.bulkWrite(writes);
                BulkWriteResult theirs = referenceLines.bulkWrite(writes);

                assertThat(ours.getMatchedCount()).isEqualTo(theirs.getMatchedCount()).isEqualTo(1);
                assertThat(ours.getModifiedCount()).isEqualTo(theirs.getModifiedCount());
                assertThat(ours.getUpserts()).map(upsert -> upsert.getId().toString())
                        .isEqualTo(theirs.getUpserts().stream().map(upsert -> upsert.getId().toString()).toList())
                        .hasSize(4);
                assertThat(lines.find().map(org.bson.Document::toJson).into(new ArrayList<>()))
                        .isEqualTo(referenceLines.find().map(org.bson.Document::toJson).into(new ArrayList<>()));
                assertThatThrownBy(() -> lines.updateOne(Filters.eq("_id", "conflict"), Updates.combine(
                        Updates.set("l", new org.bson.Document()), Updates.set("l.1", 2)), new UpdateOptions().upsert(true)))
                        .isInstanceOf(MongoWriteException.class);
                assertThat(lines.countDocuments()).isEqualTo(4);
            });
        }

        private static UpdateOneModel<org.bson.Document> upsert(Object id, org.bson.Document fields) {
            return new UpdateOneModel<>(Filters.eq("_id", id), new org.bson.Document("$set", fields),
                    new UpdateOptions().upsert(true));
        }

        @Test
        void fieldSetThroughAnArray_setsTheElement() {
            lines.insertOne(new org.bson.Document("_id", "c").append("tags", List.of("a", "b")));

            lines.updateOne(Filters.eq("_id", "c"), Updates.set("tags.1", "z"));

            assertThat(lines.find(Filters.eq("_id", "c")).first().getList("tags", String.class)).containsExactly("a", "z");
        }

        @Test
        void fieldsSetThatConflictOrTouchTheId_areRefusedAndTheStoredDocumentStays() {
            org.bson.Document stored = new org.bson.Document("_id", "d").append("l", new org.bson.Document("0", 1));
            lines.insertOne(stored);

            assertThatThrownBy(() -> lines.updateOne(Filters.eq("_id", "d"), Updates.combine(
                    Updates.set("l", new org.bson.Document()), Updates.set("l.1", 2))))
                    .isInstanceOf(MongoWriteException.class);
            assertThatThrownBy(() -> lines.updateOne(Filters.eq("_id", "d"), Updates.set("_id", "e")))
                    .isInstanceOf(MongoWriteException.class);
            assertThat(lines.find().into(new ArrayList<>())).containsExactly(stored);
        }

        @Test
        void replacementNamingAnotherId_isRefusedAndTheStoredDocumentStays() {
            lines.insertOne(new org.bson.Document("_id", "a").append("n", 1));

            assertThatThrownBy(() -> lines.replaceOne(Filters.eq("_id", "a"),
                    new org.bson.Document("_id", "b").append("n", 2))).isInstanceOf(MongoWriteException.class);
            assertThat(lines.find().into(new ArrayList<>()))
                    .containsExactly(new org.bson.Document("_id", "a").append("n", 1));
        }

        @Test
        void replacementBreakingAnotherUniqueIndex_isRefusedAndTheStoredDocumentStays() {
            lines.createIndex(Indexes.ascending("key"), new com.mongodb.client.model.IndexOptions().unique(true));
            lines.insertOne(new org.bson.Document("_id", "a").append("key", "x"));
            lines.insertOne(new org.bson.Document("_id", "b").append("key", "y"));

            assertThatThrownBy(() -> lines.replaceOne(Filters.eq("_id", "b"),
                    new org.bson.Document("_id", "b").append("key", "x"))).isInstanceOf(MongoWriteException.class);
            assertThat(lines.find(Filters.eq("_id", "b")).first())
                    .isEqualTo(new org.bson.Document("_id", "b").append("key", "y"));
        }

        /** Text ids take the index's own path (CompactUniqueIndex.checkAdd/add), other ids the library's. */
        @Test
        void insertOfATakenId_isRefusedAsADuplicate_andTheStoredDocumentStays() {
            lines.insertOne(new org.bson.Document("_id", "a").append("n", 1));
            lines.insertOne(new org.bson.Document("_id", 7).append("n", 2));

            assertThatThrownBy(() -> lines.insertOne(new org.bson.Document("_id", "a").append("n", 3)))
                    .isInstanceOfSatisfying(MongoWriteException.class,
                            refused -> assertThat(refused.getError().getCode()).isEqualTo(11000));
            assertThatThrownBy(() -> lines.insertOne(new org.bson.Document("_id", 7.0).append("n", 4)))
                    .isInstanceOfSatisfying(MongoWriteException.class,
                            refused -> assertThat(refused.getError().getCode()).isEqualTo(11000));
            // An ordered insertMany stops at the duplicate: the document before it is stored, the one after is not.
            assertThatThrownBy(() -> lines.insertMany(List.of(new org.bson.Document("_id", "b").append("n", 5),
                    new org.bson.Document("_id", "a").append("n", 6), new org.bson.Document("_id", "c").append("n", 7))))
                    .isInstanceOf(com.mongodb.MongoBulkWriteException.class);

            assertThat(lines.find().sort(Sorts.ascending("n")).into(new ArrayList<>())).containsExactly(
                    new org.bson.Document("_id", "a").append("n", 1), new org.bson.Document("_id", 7).append("n", 2),
                    new org.bson.Document("_id", "b").append("n", 5));
            assertThat(lines.countDocuments(Filters.eq("_id", "a"))).isEqualTo(1);
        }

        @Test
        void documentsDeletedThenInserted_theFreedPlacesAreReusedAndEveryIdStillFindsItsDocument() {
            for (int number = 0; number < 5; number++) {
                lines.insertOne(new org.bson.Document("_id", "b" + number).append("n", number));
            }
            lines.deleteMany(Filters.in("_id", "b1", "b3"));
            lines.insertOne(new org.bson.Document("_id", "b5").append("n", 5));
            lines.insertOne(new org.bson.Document("_id", "b6").append("n", 6));

            assertThat(lines.countDocuments()).isEqualTo(5);
            for (int number : new int[] {0, 2, 4, 5, 6}) {
                assertThat(lines.find(Filters.eq("_id", "b" + number)).first())
                        .isEqualTo(new org.bson.Document("_id", "b" + number).append("n", number));
            }
            assertThat(lines.find(Filters.eq("_id", "b1")).first()).isNull();
        }

        @Test
        void scanWithFilterSortSkipAndLimit_answersTheRightPage() {
            for (int number = 0; number < 10; number++) {
                lines.insertOne(new org.bson.Document("_id", "b" + number).append("n", number)
                        .append("even", number % 2 == 0));
            }

            List<Object> page = lines.find(Filters.eq("even", true)).sort(Sorts.descending("n")).skip(1).limit(2)
                    .map(document -> document.get("n")).into(new ArrayList<>());
            List<Object> newestFirst = lines.find().sort(new org.bson.Document("$natural", -1)).limit(3)
                    .map(document -> document.get("n")).into(new ArrayList<>());

            assertThat(page).containsExactly(6, 4);
            assertThat(newestFirst).containsExactly(9, 8, 7);
        }

        /** A sort by {@code _id} alone is done by this backend; it must order as the library's does. */
        @Test
        void scanSortedById_answersInTheLibrarysOrder_withFilterSkipAndLimit() {
            onTheLibrarysBackend(referenceLines -> {
                List<Object> ids = List.of("4000", "1000", "b", "B", "10", "9", "é", "a-1", 7, 3L, 2.5, "", "1100");
                for (int index = 0; index < ids.size(); index++) {
                    org.bson.Document document = new org.bson.Document("_id", ids.get(index)).append("n", index)
                            .append("even", index % 2 == 0);
                    lines.insertOne(document);
                    referenceLines.insertOne(document);
                }

                for (int direction : new int[] {1, -1}) {
                    org.bson.Document byId = new org.bson.Document("_id", direction);
                    assertThat(lines.find().sort(byId).map(document -> document.get("_id")).into(new ArrayList<>()))
                            .as("all, direction " + direction)
                            .isEqualTo(referenceLines.find().sort(byId).map(document -> document.get("_id"))
                                    .into(new ArrayList<>()));
                    assertThat(lines.find(Filters.eq("even", true)).sort(byId).skip(1).limit(3)
                            .map(document -> document.get("_id")).into(new ArrayList<>()))
                            .as("a page, direction " + direction)
                            .isEqualTo(referenceLines.find(Filters.eq("even", true)).sort(byId).skip(1).limit(3)
                                    .map(document -> document.get("_id")).into(new ArrayList<>()))
                            .hasSize(3);
                }
            });
        }

        /** Runs {@code test} with the same collection on the library's own memory backend, to compare with. */
        private void onTheLibrarysBackend(
                Consumer<com.mongodb.client.MongoCollection<org.bson.Document>> test) {
            MongoServer reference = new MongoServer(new MemoryBackend());
            InetSocketAddress address = reference.bind();
            try (MongoClient referenceClient = MongoClients.create(
                    "mongodb://" + address.getHostString() + ":" + address.getPort())) {
                test.accept(referenceClient.getDatabase("kontor").getCollection("ledger_lines"));
            } finally {
                reference.shutdownNow();
            }
        }

        @Test
        void findByIdsIn_answersExactlyTheStoredDocumentsNamed() {
            for (int number = 0; number < 50; number++) {
                lines.insertOne(new org.bson.Document("_id", "b" + number).append("n", number));
            }
            lines.insertOne(new org.bson.Document("_id", 7).append("n", "number id"));

            List<Object> named = lines.find(Filters.in("_id", List.of("b3", "b40", "b99", "7", "b3")))
                    .map(document -> document.get("n")).into(new ArrayList<>());
            List<Object> mixed = lines.find(Filters.in("_id", List.of("b1", 7L)))
                    .map(document -> document.get("n")).into(new ArrayList<>());
            List<Object> withOtherCondition = lines.find(Filters.and(Filters.in("_id", List.of("b1", "b2")),
                    Filters.eq("n", 2))).map(document -> document.get("n")).into(new ArrayList<>());

            assertThat(named).containsExactlyInAnyOrder(3, 40);
            assertThat(mixed).as("a number id takes the library's rules").containsExactlyInAnyOrder(1, "number id");
            assertThat(withOtherCondition).containsExactly(2);
        }

        @Test
        void largeAnswerInSeveralBatches_everyDocumentOnce() {
            for (int number = 0; number < 250; number++) {
                lines.insertOne(new org.bson.Document("_id", number).append("n", number));
            }

            List<Object> all = lines.find().batchSize(100).map(document -> document.get("n")).into(new ArrayList<>());

            assertThat(all).hasSize(250).doesNotHaveDuplicates();
        }

        @Test
        void insertOfAnIdAlreadyStored_isRefusedAndTheStoredDocumentStays() {
            lines.insertOne(new org.bson.Document("_id", "b").append("n", 1));

            assertThatThrownBy(() -> lines.insertOne(new org.bson.Document("_id", "b").append("n", 2)))
                    .isInstanceOf(MongoWriteException.class).hasMessageContaining("duplicate key");
            assertThat(lines.find(Filters.eq("_id", "b")).first())
                    .isEqualTo(new org.bson.Document("_id", "b").append("n", 1));
        }

        @Test
        void uniqueIndexAddedToFilledCollection_refusesADuplicateLater() {
            lines.insertOne(new org.bson.Document("_id", "b1").append("key", "x"));
            lines.createIndex(Indexes.ascending("key"), new com.mongodb.client.model.IndexOptions().unique(true));

            assertThatThrownBy(() -> lines.insertOne(new org.bson.Document("_id", "b2").append("key", "x")))
                    .isInstanceOf(MongoWriteException.class);
            assertThat(lines.find(Filters.eq("key", "x")).first())
                    .isEqualTo(new org.bson.Document("_id", "b1").append("key", "x"));
        }

        @Test
        void collectionStats_sizeIsTheSumOfTheStoredBsonSizes() {
            lines.insertOne(new org.bson.Document("_id", "a").append("n", 1));
            lines.insertOne(new org.bson.Document("_id", "b").append("text", "x".repeat(100)));
            lines.updateOne(Filters.eq("_id", "a"), Updates.set("text", "y".repeat(50)));
            lines.deleteOne(Filters.eq("_id", "b"));

            org.bson.Document stats = client.getDatabase("kontor")
                    .runCommand(new org.bson.Document("collStats", "ledger_lines"));

            int expected = CompactMemoryBackend.encode(
                    new Document("_id", "a").append("n", 1).append("text", "y".repeat(50))).length;
            assertThat(((Number) stats.get("size")).intValue()).isEqualTo(expected);
            assertThat(((Number) stats.get("count")).intValue()).isEqualTo(1);
        }
    }
}
