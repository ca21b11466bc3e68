package org.kontor.config.storage;

import de.bwaldvogel.mongo.bson.Document;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;

/**
 * The encoded documents of one collection of the embedded read store, by position, in slabs of
 * direct memory outside the Java heap.
 *
 * <p>Why off the heap: at 1,000,000 journal lines the read models' BSON is about 400 MiB, most of
 * the server's live heap. With that much live in a 1 GiB heap G1 was above its threshold for
 * concurrent marking all the time: it marked the whole heap again every few seconds (one replay:
 * 48 cycles of about half a second of a core each), and every cycle ended with a remark pause of
 * 10 to 30 ms, which is what set the p99 of the reports at that size. These bytes are written once
 * per version of a document and never point anywhere, so the collector gains nothing by tracing
 * or copying them. A real MongoDB keeps them outside the JVM too.
 *
 * <p>How: documents are appended to the collection's current slab, and a position records the slab
 * and offset of its document (its length is the BSON's own first four bytes). A replaced or removed
 * document leaves dead bytes behind. When a slab other than the current one holds less than half
 * of it live, its live documents are copied to the current slab and the slab goes back to the
 * {@link SlabPool}, so dead bytes never exceed about the live ones. A collection's slabs grow with
 * it, from 64 KiB to 4 MiB, so a collection of a few documents holds a few KiB, not megabytes; a
 * document over 1 MiB gets a buffer of its own.
 *
 * <p>Not thread-safe: its collection calls it under the collection's lock, and every document read
 * is decoded into a fresh {@link Document} before the lock is released.
 */
final class DocumentSlabs {

    static final int MIN_SLAB_BYTES = 64 * 1024;
    static final int MAX_SLAB_BYTES = 4 * 1024 * 1024;
    /** Larger documents get a buffer of their own, which no other document shares. */
    static final int OWN_BUFFER_BYTES = MAX_SLAB_BYTES / 4;

    private static final long EMPTY = -1;

    private final SlabPool pool;
    /** Per position: {@code slab << 32 | offset}, or {@link #EMPTY}. */
    private long[] locations = new long[16];
    private int positions;
    private final List<ByteBuffer> slabs = new ArrayList<>();
    /** Per slab: the bytes of the documents that live in it. */
    private int[] liveBytes = new int[4];
    /** Slab numbers whose buffer went back to the pool, for the next slab. */
    private final Deque<Integer> unusedSlabNumbers = new ArrayDeque<>();
    private int current = -1;
    private int filled;
    private long storedBytes;
    private long movesDeferred;

    DocumentSlabs(SlabPool pool) {
        this.pool = pool;
    }

    /** Positions from 0 to this, occupied or not. */
    int positions() {
        return positions;
    }

    boolean occupied(int position) {
        return position < positions && locations[position] != EMPTY;
    }

    /** The sum of the stored documents' lengths. */
    long storedBytes() {
        return storedBytes;
    }

    /** The direct memory held by this collection's slabs, used or not. */
    long reservedBytes() {
        long reserved = 0;
        for (ByteBuffer slab : slabs) {
            reserved += slab == null ? 0 : slab.capacity();
        }
        return reserved;
    }

    /**
     * Stores {@code encoded} at {@code position} (at most {@link #positions()}), replacing what is
     * there. When no direct memory is left for a new slab, it throws the JVM's
     * {@link OutOfMemoryError} and stores nothing: what was stored reads as before.
     */
    void put(int position, byte[] encoded) {
        if (position > positions) {
            throw new IllegalArgumentException("position " + position + " after the last " + positions);
        }
        // First the bytes, the only step that takes memory: if it fails, nothing has changed.
        long location = append(ByteBuffer.wrap(encoded), 0, encoded.length);
        if (position == positions) {
            if (positions == locations.length) {
                locations = Arrays.copyOf(locations, positions * 2);
            }
            locations[positions++] = EMPTY;
        }
        long previous = locations[position];
        locations[position] = location;
        storedBytes += encoded.length;
        if (previous != EMPTY) {
            release(previous);
        }
    }

    void remove(int position) {
        long location = locations[position];
        if (location != EMPTY) {
            locations[position] = EMPTY;
            release(location);
        }
    }

    /** A copy of the document's bytes. */
    byte[] bytes(int position) {
        ByteBuffer stored = stored(position);
        byte[] copy = new byte[stored.remaining()];
        stored.get(copy);
        return copy;
    }

    /** Whether the stored document is exactly {@code encoded}, without copying it. */
    boolean holds(int position, byte[] encoded) {
        return stored(position).equals(ByteBuffer.wrap(encoded));
    }

    /** A fresh document decoded from the stored bytes. */
    Document decode(int position) {
        return CompactMemoryBackend.decode(stored(position));
    }

    /** A view of the document's bytes in its slab (their length is the BSON's first four bytes). */
    private ByteBuffer stored(int position) {
        long location = locations[position];
        ByteBuffer slab = slabs.get(slabOf(location));
        int offset = offsetOf(location);
        return slab.slice(offset, slab.getInt(offset));
    }

    /** Gives every slab back to the pool; the collection is empty afterwards. */
    void clear() {
        for (ByteBuffer slab : slabs) {
            if (slab != null) {
                pool.giveBack(slab);
            }
        }
        slabs.clear();
        unusedSlabNumbers.clear();
        liveBytes = new int[4];
        locations = new long[16];
        positions = 0;
        current = -1;
        filled = 0;
        storedBytes = 0;
    }

    /** Copies {@code length} bytes of {@code source} from {@code sourceOffset} into a slab; returns their location. */
    private long append(ByteBuffer source, int sourceOffset, int length) {
        int slab;
        int offset;
        if (length > OWN_BUFFER_BYTES) {
            slab = addSlab(pool.takeOwn(length));
            offset = 0;
        } else {
            if (current < 0 || filled + length > slabs.get(current).capacity()) {
                current = addSlab(pool.take(nextSlabBytes(length)));
                filled = 0;
            }
            slab = current;
            offset = filled;
            filled += length;
        }
        slabs.get(slab).put(offset, source, sourceOffset, length);
        liveBytes[slab] += length;
        return (long) slab << 32 | offset;
    }

    /**
     * A slab about a quarter of what the collection stores, so slabs are few at any size, and at
     * least large enough for the document that needs it ({@code length}, at most a quarter of the
     * largest slab).
     */
    private int nextSlabBytes(int length) {
        long wanted = Math.max(Math.max(MIN_SLAB_BYTES, length), Math.min(MAX_SLAB_BYTES, storedBytes / 4));
        return Integer.highestOneBit((int) wanted - 1) << 1;
    }

    private int addSlab(ByteBuffer buffer) {
        Integer unused = unusedSlabNumbers.poll();
        if (unused != null) {
            slabs.set(unused, buffer);
            liveBytes[unused] = 0;
            return unused;
        }
        slabs.add(buffer);
        if (slabs.size() > liveBytes.length) {
            liveBytes = Arrays.copyOf(liveBytes, liveBytes.length * 2);
        }
        return slabs.size() - 1;
    }

    private void release(long location) {
        int slab = slabOf(location);
        int length = slabs.get(slab).getInt(offsetOf(location));
        storedBytes -= length;
        liveBytes[slab] -= length;
        if (slab == current) {
            return;
        }
        if (liveBytes[slab] == 0) {
            dropSlab(slab);
        } else if (liveBytes[slab] < slabs.get(slab).capacity() / 2) {
            moveOut(slab);
        }
    }

    /**
     * Copies the live documents of {@code slab} to the current slab and frees it. Moving out is
     * housekeeping, done for the write that left the slab less than half live, and that write has
     * already succeeded: when no direct memory is left for a new slab (a rebuild of every read
     * model at once holds two copies of the read store), the documents not yet moved stay where
     * they are, every location still right, and the slab is moved out at a later release. Until
     * the JVM's limit was hit in a benchmark, a failed move here had already taken the document's
     * bytes off the slab's count, so the slab was later freed under a live document.
     */
    private void moveOut(int slab) {
        ByteBuffer from = slabs.get(slab);
        for (int position = 0; position < positions && liveBytes[slab] > 0; position++) {
            long location = locations[position];
            if (location != EMPTY && slabOf(location) == slab) {
                int offset = offsetOf(location);
                int length = from.getInt(offset);
                long moved;
                try {
                    moved = append(from, offset, length);
                } catch (OutOfMemoryError noDirectMemory) {
                    movesDeferred++;
                    return;
                }
                liveBytes[slab] -= length;
                locations[position] = moved;
            }
        }
        dropSlab(slab);
    }

    /** How many times moving a slab's documents out stopped for want of direct memory; for tests. */
    long movesDeferred() {
        return movesDeferred;
    }

    private void dropSlab(int slab) {
        pool.giveBack(slabs.set(slab, null));
        unusedSlabNumbers.add(slab);
    }

    private static int slabOf(long location) {
        return (int) (location >>> 32);
    }

    private static int offsetOf(long location) {
        return (int) location;
    }
}
