package org.kontor.config.storage;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.BsonBinaryWriter;
import org.bson.BsonString;
import org.bson.Document;
import org.bson.io.BasicOutputBuffer;
import org.bson.types.Binary;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;

class DocumentWritingTest {

    private final org.bson.codecs.Encoder<Document> driverCodec =
            MongoClientSettings.getDefaultCodecRegistry().get(Document.class);
    private final org.bson.codecs.Encoder<Document> documentWriting = DocumentWriting.registry().get(Document.class);

    /** Every value type a read model holds, the id last, nested maps, lists of documents. */
    private static Document everyValueType() {
        Map<String, Object> plainMap = new HashMap<>();
        plainMap.put("l.3", "dotted keys are the caller's business");
        plainMap.put("amount", 12L);
        return new Document("account", "1100")
                .append("count", 3)
                .append("debitMinor", 12_345_678_901L)
                .append("rate", 0.19)
                .append("closed", false)
                .append("memo", null)
                .append("postedAt", Date.from(Instant.parse("2025-03-31T23:59:59.999Z")))
                .append("instant", Instant.parse("2025-04-01T00:00:00Z"))
                .append("amount", Decimal128.parse("1234.5600"))
                .append("price", new BigDecimal("19.99"))
                .append("objectId", new ObjectId("65f0c0ffee00000000000001"))
                .append("binary", new Binary(new byte[] {1, 2, 3}))
                .append("bson", new BsonString("already BSON"))
                .append("tags", List.of("vip", "north"))
                .append("mixed", Arrays.asList(1, "two", null, List.of(3L), new Document("four", 4)))
                .append("l", new Document("0", new Document("entryId", "je-1").append("debitMinor", 100L))
                        .append("1", plainMap))
                .append("_id", "1100:2025-03:0");
    }

    @Test
    void documentOfEveryValueType_writtenAsTheDriverWritesIt_storedWholeOrNot() {
        Document document = everyValueType();

        for (boolean storedWhole : new boolean[] {true, false}) {
            assertThat(bytes(documentWriting, document, storedWhole))
                    .as("stored whole: " + storedWhole)
                    .isEqualTo(bytes(driverCodec, document, storedWhole));
        }
        assertThat(bytes(documentWriting, document, true)).isNotEqualTo(bytes(documentWriting, document, false))
                .as("a document stored whole has its _id first");
    }

    @Test
    void documentWithoutId_insertedThroughTheClient_getsAnIdFromTheDriver() {
        EmbeddedStorageConfiguration storage = new EmbeddedStorageConfiguration();
        EmbeddedReadStoreServer server = storage.embeddedMongoServer(new SimpleMeterRegistry());
        try (MongoClient client = storage.mongoClient(server)) {
            var collection = client.getDatabase("kontor").getCollection("notes");
            Document note = new Document("text", "no id");

            collection.insertOne(note);

            assertThat(note.get("_id")).isInstanceOf(ObjectId.class);
            assertThat(collection.find().first()).isEqualTo(note);
            assertThat(client.getDatabase("kontor").getCodecRegistry().get(Document.class))
                    .isInstanceOf(DocumentWriting.class);
        } finally {
            server.close();
        }
    }

    @Test
    void valueTheDriverCannotWrite_failsAsInTheDriver() {
        Document document = new Document("id", UUID.randomUUID());

        Class<? extends Throwable> driverFailure = failureOf(driverCodec, document);

        assertThat(driverFailure).isNotNull();
        assertThat(failureOf(documentWriting, document)).isEqualTo(driverFailure);
    }

    private static Class<? extends Throwable> failureOf(org.bson.codecs.Encoder<Document> encoder, Document document) {
        try {
            bytes(encoder, document, true);
            return null;
        } catch (RuntimeException e) {
            return e.getClass();
        }
    }

    private static byte[] bytes(org.bson.codecs.Encoder<Document> encoder, Document document, boolean storedWhole) {
        BasicOutputBuffer buffer = new BasicOutputBuffer();
        try (BsonBinaryWriter writer = new BsonBinaryWriter(buffer)) {
            encoder.encode(writer, document, org.bson.codecs.EncoderContext.builder()
                    .isEncodingCollectibleDocument(storedWhole).build());
        }
        return buffer.toByteArray();
    }
}
