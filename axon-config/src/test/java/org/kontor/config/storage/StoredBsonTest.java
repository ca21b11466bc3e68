package org.kontor.config.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.bwaldvogel.mongo.bson.BinData;
import de.bwaldvogel.mongo.bson.BsonTimestamp;
import de.bwaldvogel.mongo.bson.Decimal128;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.LegacyUUID;
import de.bwaldvogel.mongo.bson.MaxKey;
import de.bwaldvogel.mongo.bson.MinKey;
import de.bwaldvogel.mongo.bson.ObjectId;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class StoredBsonTest {

    @Test
    void everyValueType_isEncodedAsTheLibraryEncodesIt() {
        Document document = new Document("_id", "1000:2025-03")
                .append("text", "Büroeinrichtung – Rechnung Nr. 7 €")
                .append("ascii", "plain")
                .append("empty", "")
                .append("long", 123_456_789_012L)
                .append("int", -42)
                .append("double", 0.1)
                .append("true", true)
                .append("false", false)
                .append("date", Instant.parse("2025-03-15T10:15:30.123Z"))
                .append("null", null)
                .append("nested", new Document("d", 1500L).append("c", 0L).append("deeper", new Document()))
                .append("list", List.of("a", 1L, new Document("x", "y"), List.of()))
                .append("emptyList", List.of())
                .append("objectId", new ObjectId())
                .append("binary", new BinData(new byte[] {1, 2, 3}))
                .append("uuid", UUID.fromString("01936b2e-8f5a-7c3d-9b1e-2a4c6d8e0f12"))
                .append("decimal", new Decimal128(new BigDecimal("12.34")))
                .append("timestamp", new BsonTimestamp(7_000_000_000L))
                .append("set", new LinkedHashSet<>(List.of("b", "a")))
                .append("legacyUuid", new LegacyUUID(UUID.fromString("0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0")))
                .append("min", MinKey.getInstance())
                .append("max", MaxKey.getInstance())
                .append("schlüssel", "a name that is not ASCII")
                .append("surrogates", "\uD83D\uDCB6 and a lone \uD800 half");

        assertThat(StoredBson.encode(document)).isEqualTo(byLibrary(document));
    }

    @Test
    void listLongerThanTheNamedIndexes_isEncodedAsTheLibraryEncodesIt() {
        Document document = new Document("_id", "bucket")
                .append("lines", IntStream.range(0, 1500).mapToObj(index -> new Document("n", (long) index)).toList());

        assertThat(StoredBson.encode(document)).isEqualTo(byLibrary(document));
    }

    @Test
    void randomDocuments_areEncodedAsTheLibraryEncodesThem() {
        Random random = new Random(20251127);
        for (int round = 0; round < 2_000; round++) {
            Document document = randomDocument(random, 0);

            assertThat(StoredBson.encode(document)).as("round %d: %s", round, document).isEqualTo(byLibrary(document));
        }
    }

    @Test
    void oneElement_isTypeNameAndValueAsInADocument() {
        Document document = new Document("slot", new Document("entryId", "e-1").append("debitMinor", 1200L));
        byte[] whole = byLibrary(document);

        // A document is its length, its elements and a zero.
        assertThat(StoredBson.element("slot", document.get("slot")))
                .isEqualTo(Arrays.copyOfRange(whole, 4, whole.length - 1));
    }

    @Test
    void valueTheLibraryCannotEncode_failsAsInTheLibrary() {
        Document document = new Document("_id", "x").append("bad", new Object());

        assertThatThrownBy(() -> StoredBson.encode(document)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> byLibrary(document)).isInstanceOf(IllegalArgumentException.class);
    }

    private static Document randomDocument(Random random, int depth) {
        Document document = new Document();
        int fields = random.nextInt(8);
        for (int field = 0; field < fields; field++) {
            document.put(randomText(random), randomValue(random, depth));
        }
        return document;
    }

    private static Object randomValue(Random random, int depth) {
        return switch (random.nextInt(depth < 3 ? 10 : 8)) {
            case 0 -> randomText(random);
            case 1 -> random.nextLong();
            case 2 -> random.nextInt();
            case 3 -> random.nextDouble();
            case 4 -> random.nextBoolean();
            case 5 -> null;
            case 6 -> Instant.ofEpochMilli(random.nextLong() >> 20);
            case 7 -> new ObjectId();
            case 8 -> randomDocument(random, depth + 1);
            default -> {
                List<Object> list = new ArrayList<>();
                int size = random.nextInt(6);
                for (int index = 0; index < size; index++) {
                    list.add(randomValue(random, depth + 1));
                }
                yield list;
            }
        };
    }

    private static String randomText(Random random) {
        String alphabet = "abcXYZ019_-:. äöüß€\uD83D\uDCB6";
        StringBuilder text = new StringBuilder();
        int size = random.nextInt(12);
        for (int index = 0; index < size; index++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }

    private static byte[] byLibrary(Document document) {
        ByteBuf buffer = Unpooled.buffer();
        try {
            BsonEncoder.encodeDocument(document, buffer);
            byte[] encoded = new byte[buffer.readableBytes()];
            buffer.readBytes(encoded);
            return encoded;
        } finally {
            buffer.release();
        }
    }
}
