package org.kontor.config.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.bwaldvogel.mongo.bson.BinData;
import de.bwaldvogel.mongo.bson.BsonJavaScript;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.BsonTimestamp;
import de.bwaldvogel.mongo.bson.Decimal128;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.LegacyUUID;
import de.bwaldvogel.mongo.bson.MaxKey;
import de.bwaldvogel.mongo.bson.MinKey;
import de.bwaldvogel.mongo.bson.ObjectId;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * {@link BsonArrayDecoder} gives what mongo-java-server's own {@link BsonDecoder} gives for the same
 * bytes: the same documents with values of the same classes, for every type, and it refuses what
 * the library refuses.
 */
class BsonArrayDecoderTest {

    @Test
    void everyBsonType_decodedAsTheLibraryDecodesIt() {
        Document document = new Document("_id", "1000:2025-03-05:3")
                .append("text", "Büromiete März – 🏢")
                .append("int", 42)
                .append("long", 5_000_000_000L)
                .append("double", -0.25)
                .append("true", true)
                .append("false", false)
                .append("date", Instant.parse("2025-03-05T10:15:30.123Z"))
                .append("null", null)
                .append("nested", new Document("l.7", new Document("entryId", "e-1").append("debitMinor", 1250L)))
                .append("array", new ArrayList<>(Arrays.asList(1, "two", null, new Document("x", 3.5), List.of(4L))))
                .append("objectId", new ObjectId())
                .append("binary", new BinData(new byte[] {1, 2, 3}))
                .append("uuid", UUID.fromString("3f2b8c0e-6a4d-4c1e-9a57-0c2d5e6f7a81"))
                .append("legacyUuid", new LegacyUUID(UUID.fromString("3f2b8c0e-6a4d-4c1e-9a57-0c2d5e6f7a81")))
                .append("regex", new BsonRegularExpression("^Acme", "i"))
                .append("timestamp", new BsonTimestamp(7_000_000_000L))
                .append("decimal", new Decimal128(1L, 3_476_215_962_376_601_600L))
                .append("javascript", new BsonJavaScript("function () { return 1; }"))
                .append("minKey", MinKey.getInstance())
                .append("maxKey", MaxKey.getInstance())
                .append("ünïcödé name", "value");
        byte[] bytes = encode(document);

        Document decoded = decode(bytes);

        Document byTheLibrary = BsonDecoder.decodeBson(Unpooled.wrappedBuffer(bytes));
        assertThat(new ArrayList<>(decoded.keySet())).containsExactlyElementsOf(byTheLibrary.keySet())
                .containsExactlyElementsOf(document.keySet());
        for (Map.Entry<String, Object> entry : byTheLibrary.entrySet()) {
            Object value = decoded.get(entry.getKey());
            assertThat(value == null ? null : value.getClass()).as(entry.getKey())
                    .isEqualTo(entry.getValue() == null ? null : entry.getValue().getClass());
            if (value instanceof BsonRegularExpression) {
                // It has no equals of its own.
                assertThat(value).hasToString(entry.getValue().toString());
            } else {
                assertThat(value).as(entry.getKey()).isEqualTo(entry.getValue()).isEqualTo(document.get(entry.getKey()));
            }
        }
    }

    @Test
    void manyDifferentNames_eachDecodedAsItself() {
        // More names than the cache has slots: collisions must replace entries, never confuse names.
        List<byte[]> documents = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            documents.add(encode(new Document("field-" + i, i).append("l." + (i % 20), "slot")
                    .append("x".repeat(70) + i, i)));
        }
        BsonArrayDecoder decoder = new BsonArrayDecoder();
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < documents.size(); i++) {
                byte[] bytes = documents.get(i);
                decoder.reset(bytes, 0);
                assertThat(decoder.readDocument(bytes.length)).isEqualTo(new Document("field-" + i, i)
                        .append("l." + (i % 20), "slot").append("x".repeat(70) + i, i));
            }
        }
    }

    @Test
    void malformedDocuments_refusedAsByTheLibrary() {
        byte[] valid = encode(new Document("a", "text").append("b", 1));

        // Cut short: the length says more bytes than there are.
        assertRefused(Arrays.copyOf(valid, valid.length - 3));
        // A string whose length runs past the document.
        byte[] longString = valid.clone();
        longString[4 + 1 + 2] = 100;
        assertRefused(longString);
        // No terminating zero where the length says the document ends.
        byte[] unterminated = valid.clone();
        unterminated[valid.length - 1] = 7;
        assertRefused(unterminated);
        // A length shorter than the smallest document.
        assertRefused(new byte[] {4, 0, 0, 0, 0});
    }

    @Test
    void duplicateName_refused() {
        // {a: 1, a: 2}, which no encoder of a map can write.
        byte[] bytes = {19, 0, 0, 0, 0x10, 'a', 0, 1, 0, 0, 0, 0x10, 'a', 0, 2, 0, 0, 0, 0};

        assertThatThrownBy(() -> decode(bytes)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Duplicate key 'a'");
        assertThatThrownBy(() -> BsonDecoder.decodeBson(Unpooled.wrappedBuffer(bytes)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void booleanOtherThanZeroOrOne_refused() {
        byte[] bytes = {9, 0, 0, 0, 0x08, 'b', 0, 2, 0};

        assertThatThrownBy(() -> decode(bytes)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BsonDecoder.decodeBson(Unpooled.wrappedBuffer(bytes)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static void assertRefused(byte[] bytes) {
        assertThatThrownBy(() -> decode(bytes)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BsonDecoder.decodeBson(Unpooled.wrappedBuffer(bytes)))
                .as("the library refuses it too").isInstanceOf(RuntimeException.class);
    }

    private static Document decode(byte[] bytes) {
        BsonArrayDecoder decoder = new BsonArrayDecoder();
        decoder.reset(bytes, 0);
        Document document = decoder.readDocument(bytes.length);
        assertThat(decoder.position()).isEqualTo(bytes.length);
        return document;
    }

    static byte[] encode(Document document) {
        ByteBuf buffer = Unpooled.buffer();
        BsonEncoder.encodeDocument(document, buffer);
        byte[] bytes = new byte[buffer.readableBytes()];
        buffer.readBytes(bytes);
        return bytes;
    }
}
