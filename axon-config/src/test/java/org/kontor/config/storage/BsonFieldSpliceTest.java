package org.kontor.config.storage;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.bson.Document;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BsonFieldSpliceTest {

    private static final Document BUCKET = new Document("_id", "4000:2025-03-07:0")
            .append("account", "4000")
            .append("date", "2025-03-07")
            .append("l", new Document("0", new Document("entryId", "e-1").append("debitMinor", 1250L))
                    .append("1", new Document("entryId", "e-2").append("creditMinor", 99L)));

    @Test
    void newSlotOfABucket_isAppendedAsTheDecodingPathWritesIt() {
        Document set = new Document("account", "4000").append("date", "2025-03-07")
                .append("l.2", new Document("entryId", "e-3").append("description", "rent").append("debitMinor", 7L));

        byte[] spliced = BsonFieldSplice.set(encode(BUCKET), set);

        assertThat(spliced).isEqualTo(encode(setTheDecodingWay(BUCKET, set)));
        assertThat(((Document) CompactMemoryBackend.decode(spliced).get("l")).keySet()).containsExactly("0", "1", "2");
    }

    @Test
    void slotSetAgainToWhatItHolds_leavesTheStoredBytesAlone() {
        byte[] stored = encode(BUCKET);
        Document set = new Document("account", "4000")
                .append("l.1", new Document("entryId", "e-2").append("creditMinor", 99L));

        assertThat(BsonFieldSplice.set(stored, set)).isSameAs(stored);
    }

    @Test
    void newFieldsAndNewSubDocuments_areAppendedInTheOrderSet() {
        Document set = new Document("closed", true).append("m.a", 1).append("l.5", "x").append("m.b", 2.5)
                .append("note", null);

        byte[] spliced = BsonFieldSplice.set(encode(BUCKET), set);

        assertThat(spliced).isEqualTo(encode(setTheDecodingWay(BUCKET, set)));
    }

    @Test
    void shapesTheSpliceDoesNotTake_goToTheDecodingPath() {
        byte[] stored = encode(BUCKET);

        assertThat(BsonFieldSplice.set(stored, new Document("account", "4001"))).as("a value changed").isNull();
        assertThat(BsonFieldSplice.set(stored, new Document("l.0", "other"))).as("a slot changed").isNull();
        assertThat(BsonFieldSplice.set(stored, new Document("account", 4000L))).as("same number, other type").isNull();
        assertThat(BsonFieldSplice.set(stored, new Document("date.x", 1))).as("through a string").isNull();
        assertThat(BsonFieldSplice.set(stored, new Document("l.0.memo", "m"))).as("three names deep").isNull();
        assertThat(BsonFieldSplice.set(stored, new Document("_id", "other"))).as("the id").isNull();
        assertThat(BsonFieldSplice.set(stored, new Document("$inc", 1))).as("an operator name").isNull();
        assertThat(BsonFieldSplice.set(stored, new Document("l..x", 1))).as("an empty name").isNull();
    }

    @Test
    void throughAnArray_goesToTheDecodingPath() {
        Document withArray = new Document("_id", "a").append("items", List.of(1, 2));

        assertThat(BsonFieldSplice.set(encode(withArray), new Document("items.0", 5))).isNull();
    }

    /**
     * Random documents of every common value type and random {@code $set}s of one and two names:
     * wherever the splice applies, its bytes are exactly those of decoding, setting and encoding.
     */
    @Test
    void randomDocumentsAndSets_splicedBytesEqualTheDecodingPaths() {
        Random random = new Random(20261127);
        int spliced = 0;
        int declined = 0;
        for (int round = 0; round < 5_000; round++) {
            Document stored = randomDocument(random);
            Document set = randomSet(random, stored);
            byte[] storedBytes = encode(stored);

            byte[] result = BsonFieldSplice.set(storedBytes, set);

            if (result == null) {
                declined++;
                continue;
            }
            spliced++;
            byte[] expected = encode(setTheDecodingWay(stored, set));
            assertThat(result).as("round %d: %s after %s", round, stored, set).isEqualTo(expected);
            assertThat(result == storedBytes).isEqualTo(java.util.Arrays.equals(expected, storedBytes));
        }
        assertThat(spliced).as("sets the splice took").isGreaterThan(2_000);
        assertThat(declined).as("sets the splice left to the decoding path").isGreaterThan(500);
    }

    private static Document randomDocument(Random random) {
        Document document = new Document("_id", "id-" + random.nextInt(1000));
        int fields = random.nextInt(6);
        for (int field = 0; field < fields; field++) {
            document.put("f" + random.nextInt(8), randomValue(random, 2));
        }
        return document;
    }

    private static Document randomSet(Random random, Document stored) {
        Document set = new Document();
        int fields = 1 + random.nextInt(4);
        List<String> names = List.copyOf(stored.keySet());
        for (int field = 0; field < fields; field++) {
            String first = random.nextInt(3) == 0 ? "f" + random.nextInt(8) : names.get(random.nextInt(names.size()));
            if (first.equals("_id")) {
                first = "g" + random.nextInt(3);
            }
            boolean twoNames = random.nextBoolean();
            String path = twoNames ? first + ".s" + random.nextInt(4) : first;
            if (set.keySet().stream().anyMatch(other -> other.equals(path) || other.startsWith(path + ".")
                    || path.startsWith(other + "."))) {
                continue; // conflicting paths are refused before the splice is asked
            }
            Object value = randomValue(random, 1);
            Object current = twoNames ? subValue(stored, first, path.substring(first.length() + 1)) : stored.get(first);
            if (current != null && random.nextBoolean()) {
                value = current; // the same value again: nothing to change
            }
            set.put(path, value);
        }
        return set;
    }

    private static Object subValue(Document stored, String first, String second) {
        return stored.get(first) instanceof Document child ? child.get(second) : null;
    }

    private static Object randomValue(Random random, int depth) {
        switch (random.nextInt(depth > 0 ? 9 : 7)) {
            case 0:
                return "text " + random.nextInt(5);
            case 1:
                return (long) random.nextInt(5);
            case 2:
                return random.nextInt(5);
            case 3:
                return random.nextInt(5) / 2.0;
            case 4:
                return random.nextBoolean();
            case 5:
                return null;
            case 6:
                return java.time.Instant.ofEpochMilli(1_700_000_000_000L + random.nextInt(5));
            case 7:
                return List.of(random.nextInt(3), "x");
            default: {
                Document child = new Document();
                int fields = random.nextInt(4);
                for (int field = 0; field < fields; field++) {
                    child.put("s" + random.nextInt(4), randomValue(random, depth - 1));
                }
                return child;
            }
        }
    }

    /** What the decoding path does with a {@code $set} of one- and two-name paths. */
    private static Document setTheDecodingWay(Document stored, Document set) {
        Document document = CompactMemoryBackend.decode(encode(stored));
        for (Map.Entry<String, Object> field : set.entrySet()) {
            String[] names = field.getKey().split("\\.");
            if (names.length == 1) {
                document.put(names[0], field.getValue());
            } else {
                Document child = (Document) document.computeIfAbsent(names[0], name -> new Document());
                child.put(names[1], field.getValue());
            }
        }
        return document;
    }

    private static byte[] encode(Document document) {
        return CompactMemoryBackend.encode(document);
    }
}
