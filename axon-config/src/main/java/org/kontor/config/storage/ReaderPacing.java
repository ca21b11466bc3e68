package org.kontor.config.storage;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * Keeps the readers of a replay within a few batches of each other, so that a batch one of them
 * reads is still kept when the slowest one asks for it ({@link SharedBatchEventStorageEngine}).
 *
 * <p>Why: in a replay the processors move at different speeds. A processor that skips most events
 * runs ahead of one that writes a document per event, and without pacing the batches the leader
 * read are gone (the engine keeps a few dozen) by the time the followers ask: in a replay of 111,000
 * events, 26 processors queried H2 663 times for 113 batches, and each query's events were decoded
 * again by the processors that handle them. A leader that waits costs nothing, because the replay
 * is only done when its slowest processor is, and the CPU it would spend reading again goes to that
 * processor instead.
 *
 * <p>Who waits, and for how long: a reader that is catching up (the engine says so when it is
 * far behind the store's head) and more than {@code leadEvents} ahead of the slowest reader that is
 * also catching up waits until it no longer is, at most {@code longestPause} per batch. A reader
 * counts only while it asks for batches (within {@code liveFor}): a processor that stopped, failed
 * or is backing off holds no one back. A reader near the head neither waits nor is waited for, so
 * live processors keep their latency while one view is rebuilt.
 */
final class ReaderPacing {

    private final long leadEvents;
    private final long liveForNanos;
    private final long longestPauseNanos;
    private final Set<Reader> readers = ConcurrentHashMap.newKeySet();
    private final LongAdder pauses = new LongAdder();
    /**
     * Above this many known readers, quiet ones are forgotten at the next ask. A reader catching up
     * is known from its first ask until it is closed, found quiet or near the head; 26 processors
     * and a rebuild's copy stay below.
     */
    static final int PRUNE_ABOVE = 64;

    ReaderPacing(long leadEvents, Duration liveFor, Duration longestPause) {
        if (leadEvents < 1) {
            throw new IllegalArgumentException("leadEvents must be positive, not " + leadEvents);
        }
        this.leadEvents = leadEvents;
        this.liveForNanos = liveFor.toNanos();
        this.longestPauseNanos = longestPause.toNanos();
    }

    /** A new reader, about to ask for the batch after {@code position}. */
    Reader reader(long position, boolean catchingUp) {
        return new Reader(position, catchingUp);
    }

    /** How many times a reader waited; for tests and diagnostics. */
    long pauses() {
        return pauses.sum();
    }

    /** Readers that asked for nothing within their live time; streams nobody closed leave this way. */
    private void forgetQuietReaders(long now) {
        readers.removeIf(reader -> !reader.isLive(now));
    }

    /** How many readers are known, live or not yet forgotten; for tests. */
    int knownReaders() {
        return readers.size();
    }

    private synchronized void signal() {
        notifyAll();
    }

    /** The lowest position of the live readers catching up, other than {@code self}; MAX_VALUE if none. */
    private long slowestOtherThan(Reader self, long now) {
        long slowest = Long.MAX_VALUE;
        for (Reader reader : readers) {
            if (reader != self && reader.catchingUp && reader.isLive(now)) {
                slowest = Math.min(slowest, reader.position);
            } else if (!reader.isLive(now)) {
                readers.remove(reader); // it rejoins when it asks again
            }
        }
        return slowest;
    }

    /** One stream of batches: where it is, and whether it is catching up (far behind the head). */
    final class Reader implements AutoCloseable {

        private volatile long position;
        private volatile boolean catchingUp;
        private volatile long lastAskedNanos;
        /** Whether it was added to the readers; changed by the thread that reads its stream (asks, gets, closes). */
        private boolean known;

        private Reader(long position, boolean catchingUp) {
            this.position = position;
            this.catchingUp = catchingUp;
        }

        /**
         * Called before asking for the next batch: returns at once, or once this reader is no more
         * than the lead ahead of the slowest other reader catching up, or after the longest pause.
         */
        void awaitTurn() {
            lastAskedNanos = System.nanoTime();
            if (!catchingUp) {
                // Near the head it neither waits nor holds anyone back, so it is not kept among the
                // readers. Streams that follow the head come and go often: Axon's event producer
                // opens one per fetch and drops it unclosed, and keeping those made every ask walk
                // hundreds of them (a tenth of a recording's samples while clients posted).
                if (known) {
                    known = false;
                    readers.remove(this);
                }
                return;
            }
            known = true;
            readers.add(this);
            if (readers.size() > PRUNE_ABOVE) {
                forgetQuietReaders(lastAskedNanos);
            }
            long pauseEnds = lastAskedNanos + longestPauseNanos;
            synchronized (ReaderPacing.this) {
                long now = System.nanoTime();
                boolean paused = false;
                while (position - slowestOtherThan(this, now) > leadEvents && now < pauseEnds) {
                    if (!paused) {
                        paused = true;
                        pauses.increment();
                    }
                    try {
                        // Woken when a reader moves; the slowest one's live time can also run out.
                        TimeUnit.NANOSECONDS.timedWait(ReaderPacing.this, Math.min(pauseEnds - now, liveForNanos));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                    now = System.nanoTime();
                }
            }
            lastAskedNanos = System.nanoTime();
        }

        /** Called with the batch it got: the position after it, and whether that is catching up. */
        void advanced(long newPosition, boolean catchingUp) {
            position = newPosition;
            this.catchingUp = catchingUp;
            lastAskedNanos = System.nanoTime();
            if (catchingUp) {
                // Known from now, not from its next ask: while it handles this batch, the others
                // must already wait for it.
                known = true;
                readers.add(this);
            }
            if (known) {
                signal(); // only a known reader can be the one others wait for
            }
        }

        @Override
        public void close() {
            known = false;
            readers.remove(this);
            signal();
        }

        private boolean isLive(long now) {
            return now - lastAskedNanos < liveForNanos;
        }
    }
}
