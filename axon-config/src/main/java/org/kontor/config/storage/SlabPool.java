package org.kontor.config.storage;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * The direct memory of the embedded read store's {@link DocumentSlabs}: slabs of a power of two
 * bytes, from {@link DocumentSlabs#MIN_SLAB_BYTES} to {@link DocumentSlabs#MAX_SLAB_BYTES}, kept
 * for reuse when a collection frees them.
 *
 * <p>Why keep them: direct memory goes back to the system only when the collector finds its buffer
 * unreachable, and a slab that lived long is found only by a concurrent marking cycle, which the
 * read store being off the heap makes rare. Until then it would count against the JVM's limit on
 * direct memory (by default the maximum heap), and at that limit the JVM forces a full collection.
 * Kept here, the direct memory in use never exceeds the most the read store ever held.
 */
final class SlabPool {

    private final Map<Integer, Deque<ByteBuffer>> free = new HashMap<>();
    /** The most direct memory this pool allocates; the JVM's own limit applies below it. */
    private final long limitBytes;
    private long allocatedBytes;
    private long freeBytes;

    SlabPool() {
        this(Long.MAX_VALUE);
    }

    /** A pool that allocates at most {@code limitBytes}, failing beyond as the JVM does at its limit; for tests. */
    SlabPool(long limitBytes) {
        this.limitBytes = limitBytes;
    }

    static boolean isSlabSize(int bytes) {
        return Integer.bitCount(bytes) == 1
                && bytes >= DocumentSlabs.MIN_SLAB_BYTES && bytes <= DocumentSlabs.MAX_SLAB_BYTES;
    }

    /** A slab of {@code bytes}, a slab size: a freed one if there is one, else a new one. */
    synchronized ByteBuffer take(int bytes) {
        if (!isSlabSize(bytes)) {
            throw new IllegalArgumentException(bytes + " is not a slab size");
        }
        Deque<ByteBuffer> ofThatSize = free.get(bytes);
        ByteBuffer reused = ofThatSize == null ? null : ofThatSize.poll();
        if (reused != null) {
            freeBytes -= bytes;
            return reused;
        }
        return allocate(bytes);
    }

    /** A buffer of exactly {@code bytes} for one large document; {@link #giveBack} forgets it. */
    synchronized ByteBuffer takeOwn(int bytes) {
        return allocate(bytes);
    }

    /** Counted only once allocated: at the JVM's limit, {@code allocateDirect} throws {@link OutOfMemoryError}. */
    private ByteBuffer allocate(int bytes) {
        if (allocatedBytes + bytes > limitBytes) {
            throw new OutOfMemoryError("Cannot reserve " + bytes + " bytes of direct buffer memory (allocated: "
                    + allocatedBytes + ", limit: " + limitBytes + ")");
        }
        ByteBuffer buffer = ByteBuffer.allocateDirect(bytes).order(ByteOrder.LITTLE_ENDIAN);
        allocatedBytes += bytes;
        return buffer;
    }

    /**
     * A slab is kept for reuse; a large document's own buffer of another size is left to the
     * collector, which frees its memory once the buffer is unreachable (they are rare).
     */
    synchronized void giveBack(ByteBuffer buffer) {
        if (!isSlabSize(buffer.capacity())) {
            allocatedBytes -= buffer.capacity();
            return;
        }
        free.computeIfAbsent(buffer.capacity(), size -> new ArrayDeque<>()).push(buffer);
        freeBytes += buffer.capacity();
    }

    /** Direct memory of every slab made, in use or free, and of the large documents' own buffers. */
    synchronized long allocatedBytes() {
        return allocatedBytes;
    }

    /** Direct memory of the slabs waiting for reuse. */
    synchronized long freeBytes() {
        return freeBytes;
    }
}
