package org.kontor.config.storage;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.bson.Document;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DocumentSlabsTest {

    private final SlabPool pool = new SlabPool();
    private final DocumentSlabs slabs = new DocumentSlabs(pool);

    @Test
    void documentsPutReplacedAndRemoved_eachPositionReadsItsLastDocument() {
        slabs.put(0, bucket("1000:2025-03:0", 1));
        slabs.put(1, bucket("1100:2025-03:0", 2));
        slabs.put(0, bucket("1000:2025-03:0", 3));
        slabs.remove(1);

        assertThat(slabs.decode(0)).isEqualTo(decoded(bucket("1000:2025-03:0", 3)));
        assertThat(slabs.bytes(0)).isEqualTo(bucket("1000:2025-03:0", 3));
        assertThat(slabs.holds(0, bucket("1000:2025-03:0", 3))).isTrue();
        assertThat(slabs.holds(0, bucket("1000:2025-03:0", 1))).isFalse();
        assertThat(slabs.occupied(1)).isFalse();
        assertThat(slabs.positions()).isEqualTo(2);
        assertThat(slabs.storedBytes()).isEqualTo(bucket("1000:2025-03:0", 3).length);
    }

    /**
     * Random puts and removes of documents of random sizes, some larger than a slab's share, checked
     * against a map after every step: whatever slabs are emptied, moved out and reused on the way,
     * every position reads exactly its last document.
     */
    @Test
    void manyRandomWrites_everyPositionReadsItsLastDocumentAndDeadBytesStayBounded() {
        Random random = new Random(20261127);
        Map<Integer, byte[]> expected = new HashMap<>();
        for (int step = 0; step < 60_000; step++) {
            int position = random.nextInt(Math.min(slabs.positions() + 1, 2_000));
            if (random.nextInt(10) == 0 && slabs.occupied(position)) {
                slabs.remove(position);
                expected.remove(position);
            } else {
                int padding = random.nextInt(1_000) == 0 ? DocumentSlabs.OWN_BUFFER_BYTES : random.nextInt(3_000);
                byte[] document = padded("doc-" + position + "-" + step, padding);
                slabs.put(position, document);
                expected.put(position, document);
            }
            if (step % 997 == 0) {
                assertHolds(expected);
            }
        }
        assertHolds(expected);
        long stored = expected.values().stream().mapToLong(document -> document.length).sum();
        assertThat(slabs.storedBytes()).isEqualTo(stored);
        // a slab other than the current one is at least half live, or it is moved out
        assertThat(slabs.reservedBytes()).isLessThanOrEqualTo(2 * stored + 2L * DocumentSlabs.MAX_SLAB_BYTES);
    }

    /**
     * Direct memory running out, as at the JVM's limit when a rebuild of every read model at once
     * holds two copies of the read store: a write that cannot get a slab fails and changes nothing,
     * moving documents out of a slab stops where it is, and every position still reads its last
     * stored document. Before, a move that failed had already taken its document off the slab's
     * count, the slab was freed under it later, and reading it failed for good.
     */
    @Test
    void withoutDirectMemoryForANewSlab_writesFailCleanly_andEveryPositionReadsItsLastDocument() {
        DocumentSlabs limited = new DocumentSlabs(new SlabPool(2L * 1024 * 1024));
        Random random = new Random(20261127);
        Map<Integer, byte[]> expected = new HashMap<>();
        int refused = 0;
        for (int step = 0; step < 40_000; step++) {
            // up to 3,000 documents of up to 3 KB: more than the pool's 2 MiB can hold
            int position = Math.min(random.nextInt(3_000), limited.positions());
            byte[] document = padded("doc-" + position + "-" + step, random.nextInt(3_000));
            try {
                limited.put(position, document);
                expected.put(position, document);
            } catch (OutOfMemoryError noSlab) {
                refused++;
            }
            if (step % 499 == 0) {
                assertHolds(limited, expected);
            }
        }

        assertHolds(limited, expected);
        assertThat(refused).as("writes refused for want of a slab").isPositive();
        assertThat(limited.storedBytes()).isEqualTo(expected.values().stream().mapToLong(bytes -> bytes.length).sum());
    }

    /**
     * Two slabs and no memory for a third: the first slab full, the second filled until a write is
     * refused, then most of the first slab's documents removed. Moving the rest out needs a third
     * slab; it stops, and every document still reads as stored.
     */
    @Test
    void movingOutWithoutDirectMemoryForANewSlab_stops_andEveryDocumentStaysReadable() {
        DocumentSlabs limited = new DocumentSlabs(new SlabPool(2L * DocumentSlabs.MIN_SLAB_BYTES));
        Map<Integer, byte[]> expected = new HashMap<>();
        int position = 0;
        int firstOfSecondSlab = -1;
        while (position < 1_000) {
            byte[] document = padded("doc-" + position, 1_000);
            long reserved = limited.reservedBytes();
            try {
                limited.put(position, document);
            } catch (OutOfMemoryError noThirdSlab) {
                break;
            }
            expected.put(position, document);
            if (firstOfSecondSlab < 0 && reserved > 0 && limited.reservedBytes() > reserved) {
                firstOfSecondSlab = position;
            }
            position++;
        }
        assertThat(firstOfSecondSlab).as("a second slab was taken").isPositive();

        for (int removed = 0; removed < firstOfSecondSlab * 3 / 4; removed++) {
            limited.remove(removed);
            expected.remove(removed);
        }

        assertThat(limited.movesDeferred()).isPositive();
        assertHolds(limited, expected);
    }

    /**
     * Buckets rewritten round after round, a tenth of them left alone after each round (as full
     * buckets are): every slab keeps a few live documents, so only moving them out frees it.
     */
    @Test
    void documentsLeftAloneAmongRewrittenOnes_areMovedOutAndTheSlabsReused() {
        boolean[] settled = new boolean[3_000];
        for (int round = 0; round < 15; round++) {
            for (int position = 0; position < settled.length; position++) {
                if (!settled[position]) {
                    slabs.put(position, padded("bucket-" + position + "-" + round, 2_000));
                    settled[position] = position % 10 == round % 10;
                }
            }
        }

        long live = slabs.storedBytes();
        assertThat(pool.allocatedBytes()).isLessThanOrEqualTo(2 * live + 2L * DocumentSlabs.MAX_SLAB_BYTES);
        assertThat(slabs.decode(0).get("_id")).isEqualTo("bucket-0-0");
        assertThat(slabs.decode(2_999).get("_id")).isEqualTo("bucket-2999-9");
    }

    @Test
    void fewSmallDocuments_holdOneSmallSlab() {
        slabs.put(0, bucket("books", 1));

        assertThat(slabs.reservedBytes()).isEqualTo(DocumentSlabs.MIN_SLAB_BYTES);
    }

    @Test
    void documentLargerThanTheNextSlabOfASmallCollection_getsASlabItFits() {
        byte[] book = padded("book:customer-1", 300_000);

        slabs.put(0, bucket("books", 1));
        slabs.put(1, book);

        assertThat(slabs.bytes(1)).isEqualTo(book);
        assertThat(slabs.reservedBytes()).isEqualTo(DocumentSlabs.MIN_SLAB_BYTES + 512 * 1024);
    }

    @Test
    void cleared_theSlabsGoBackToThePoolAndTheNextDocumentsReuseThem() {
        for (int position = 0; position < 2_000; position++) {
            slabs.put(position, padded("entry-" + position, 500));
        }
        long allocated = pool.allocatedBytes();

        slabs.clear();
        DocumentSlabs next = new DocumentSlabs(pool);
        for (int position = 0; position < 2_000; position++) {
            next.put(position, padded("entry-" + position, 500));
        }

        assertThat(slabs.positions()).isZero();
        assertThat(slabs.storedBytes()).isZero();
        assertThat(pool.allocatedBytes()).isEqualTo(allocated);
        assertThat(next.decode(1_999).get("_id")).isEqualTo("entry-1999");
    }

    @Test
    void documentLargerThanASlabsShare_getsABufferOfItsOwnThatThePoolDoesNotKeep() {
        byte[] large = padded("book:customer-1", DocumentSlabs.OWN_BUFFER_BYTES + 1);

        slabs.put(0, large);
        slabs.put(0, bucket("book:customer-1", 2));

        assertThat(pool.allocatedBytes()).isLessThan(DocumentSlabs.OWN_BUFFER_BYTES);
        assertThat(pool.freeBytes()).isZero();
        assertThat(slabs.decode(0)).isEqualTo(decoded(bucket("book:customer-1", 2)));
    }

    private void assertHolds(Map<Integer, byte[]> expected) {
        assertHolds(slabs, expected);
    }

    private static void assertHolds(DocumentSlabs slabs, Map<Integer, byte[]> expected) {
        for (int position = 0; position < slabs.positions(); position++) {
            byte[] document = expected.get(position);
            assertThat(slabs.occupied(position)).as("position %d", position).isEqualTo(document != null);
            if (document != null) {
                assertThat(slabs.bytes(position)).as("position %d", position).isEqualTo(document);
            }
        }
    }

    private static byte[] bucket(String id, long version) {
        return CompactMemoryBackend.encode(new Document("_id", id).append("version", version));
    }

    private static byte[] padded(String id, int padding) {
        return CompactMemoryBackend.encode(new Document("_id", id).append("padding", "x".repeat(padding)));
    }

    private static Document decoded(byte[] encoded) {
        return CompactMemoryBackend.decode(encoded);
    }
}
