package org.kontor.config.axon;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * The events one pooled processor's coordinator has handed to its work package and no batch has
 * taken yet, so that the coordinator waits for room instead of filling the work package's queue.
 *
 * <p>Why: Axon 4.12.2's coordinator stops handing events to a work package that holds 1,024 of them
 * ({@code WorkPackage.BUFFER_SIZE}, a constant) and then runs again a fixed 100 ms later. Nothing
 * shortens that delay: Axon's own availability callback does nothing while it is pending. A work
 * package that handles 1,024 events in less than 100 ms then idles. In a replay of the benchmark's
 * store, {@code crm-timeline}'s work package handled events in only a third of the thread dumps
 * taken while the interactions replayed, and every other processor waited for it
 * ({@code ReaderPacing}): the machine was 0.7 to 1.0 of its 2 cores busy (docs/benchmarks.md).
 *
 * <p>How: the processor's stream ({@link SkippingMessageSource}) counts the events it hands over
 * whose type the processor has not said it skips ({@link #handed}). The work package's interceptor
 * ({@link #batchesTaken}) reports the position of each batch it takes, at the batch's first event,
 * when the batch's events are out of the queue. While {@link #LIMIT} counted events are handed and
 * not taken, the stream's {@code hasNextAvailable} waits for the next report ({@link #awaitRoom})
 * instead of answering. So the queue stays below Axon's limit, and the coordinator hands the next
 * events over the moment a batch is taken, while that batch is handled.
 *
 * <p>Bounds: a wait lasts at most {@code longestWait}. An event counted but never part of a batch
 * (the first event of a type the processor then says it skips, polled by the work package without
 * a batch) leaves the count too high until the next batch; if no batch is taken within the wait,
 * the stream stops waiting until one is, and the worst case is Axon's 100 ms. A waiting
 * coordinator handles nothing else, so a stop request waits at most {@code longestWait} too.
 *
 * <p>Threads: the processor's coordinator, one thread, calls {@link #restart}, {@link #handed} and
 * {@link #awaitRoom}; the work package threads call {@link #taken}.
 */
public final class HandOver {

    /**
     * Counted events handed and not taken at which the stream waits: Axon's 1,024 less room for the
     * events not counted (of types the processor skips, of which the stream passes on only the last
     * one before a pause) and for events of one upcast group, which the coordinator takes together.
     */
    static final int LIMIT = 1_000;
    /** Positions kept; above {@link #LIMIT} because a wait that gave up lets the count grow. */
    private static final int CAPACITY = 4_096;

    private final long longestWaitNanos;
    /** Positions of the counted events handed and not known to be taken, oldest first (a ring). */
    private final long[] handed = new long[CAPACITY];
    private int oldest;
    private int count;
    /** The highest position a batch has taken; every position up to it is out of the queue. */
    private volatile long takenUpTo = Long.MIN_VALUE;
    /** Batches reported; read under this object's lock. */
    private long batchesTaken;
    /** {@link #batchesTaken} when a wait last gave up: no waiting until another batch is taken. */
    private long gaveUpAt = -1;
    private final LongAdder waits = new LongAdder();
    private final LongAdder waitsGivenUp = new LongAdder();
    private final LongAdder streamsOpened = new LongAdder();

    HandOver(Duration longestWait) {
        if (longestWait.isNegative() || longestWait.isZero()) {
            throw new IllegalArgumentException("the longest wait must be positive, not " + longestWait);
        }
        this.longestWaitNanos = longestWait.toNanos();
    }

    /** A new stream is open: the events handed by the one before it went with its work packages. */
    void restart() {
        count = 0;
        oldest = 0;
        streamsOpened.increment();
    }

    /** The coordinator was handed a counted event at this position. */
    void handed(long position) {
        if (count == CAPACITY) {
            // Only after waits gave up: forget the oldest, which at worst lets Axon's limit apply.
            oldest = (oldest + 1) % CAPACITY;
            count--;
        }
        handed[(oldest + count) % CAPACITY] = position;
        count++;
    }

    /**
     * Returns once fewer than {@link #LIMIT} counted events are handed and not taken, or after the
     * longest wait, or at once if the last wait gave up and no batch was taken since.
     */
    void awaitRoom() throws InterruptedException {
        if (forgetTaken() < LIMIT) {
            return;
        }
        synchronized (this) {
            if (gaveUpAt == batchesTaken) {
                return;
            }
            waits.increment();
            long deadline = System.nanoTime() + longestWaitNanos;
            while (forgetTaken() >= LIMIT) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    gaveUpAt = batchesTaken;
                    waitsGivenUp.increment();
                    return;
                }
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
        }
    }

    /** A work package took a batch whose last event is at this position. */
    synchronized void taken(long position) {
        if (position > takenUpTo) {
            takenUpTo = position;
        }
        batchesTaken++;
        notifyAll();
    }

    /** Drops the positions taken; returns how many counted events are still handed and not taken. */
    private int forgetTaken() {
        long taken = takenUpTo;
        while (count > 0 && handed[oldest] <= taken) {
            oldest = (oldest + 1) % CAPACITY;
            count--;
        }
        return count;
    }

    /** The interceptor of the processor's batches that reports each batch taken. */
    MessageHandlerInterceptor<EventMessage<?>> batchesTaken() {
        return new BatchesTaken(this);
    }

    /** How many times the coordinator waited for room; for tests and diagnostics. */
    public long waits() {
        return waits.sum();
    }

    /** How many waits ended without room; for tests and diagnostics. */
    public long waitsGivenUp() {
        return waitsGivenUp.sum();
    }

    /** How many streams were opened with this hand-over; for tests and diagnostics. */
    public long streamsOpened() {
        return streamsOpened.sum();
    }

    /**
     * Reports a batch when its first event is handled: by then the work package has taken the
     * batch's events out of its queue. Copies of a processor for a rebuild leave it out, since it
     * reports to the live processor's hand-over.
     */
    public static final class BatchesTaken implements MessageHandlerInterceptor<EventMessage<?>> {

        private final HandOver handOver;

        private BatchesTaken(HandOver handOver) {
            this.handOver = handOver;
        }

        public HandOver handOver() {
            return handOver;
        }

        @Override
        public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain chain)
                throws Exception {
            if (unitOfWork.root() instanceof BatchingUnitOfWork<?> batch && batch.isFirstMessage()) {
                List<?> events = batch.getMessages();
                if (events.get(events.size() - 1) instanceof TrackedEventMessage<?> last) {
                    last.trackingToken().position().ifPresent(handOver::taken);
                }
            }
            return chain.proceed();
        }
    }
}
