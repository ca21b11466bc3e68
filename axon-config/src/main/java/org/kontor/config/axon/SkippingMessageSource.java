package org.kontor.config.axon;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.Registration;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.StreamableMessageSource;
import org.kontor.config.storage.EventArrivals;

/**
 * The event store as one processor reads it, without the events the processor cannot handle that
 * are followed by another event already available.
 *
 * <p>Why: every processor reads every event. A pooled processor's coordinator offers each one to
 * its work package, which queues it, wakes its thread and advances the token, also for an event
 * no handler of the processor takes. With 26 processors that was about a quarter of the CPU of a
 * replay, most of it spent on events that 20 of the processors only step over.
 *
 * <p>How: when no handler of a processor takes an event's type, Axon's coordinator tells the stream
 * ({@link BlockingStream#skipMessagesWithPayloadTypeOf}); Axon Server's stream then stops sending
 * that type, the embedded store's stream ignores the hint. This stream remembers the type. When the
 * next event is of a remembered type and another event is already available after it, it takes the
 * next one instead, up to {@link #LONGEST_RUN} events in one call. So the processor gets the events
 * it handles, and of the ones it does not, only the last before a pause in the stream.
 *
 * <p>Why this is safe: an event's tracking token covers every event before it in the stream, so
 * the event passed on advances the processor's token exactly as far as stepping over each one
 * before it would have, and no handler of the processor would have taken those. Only events
 * already in the stream are taken, so a processor at the head still reaches the head. Events with
 * equal tokens (one stored event upcast into several) are never stepped over: the coordinator may
 * have peeked at one of them to hand them over together.
 *
 * <p>What it buys besides the work saved: a work package's queue (1,024 events in Axon) holds only
 * events its processor handles, so its batches are as large as configured.
 *
 * <p>What changes for operators: {@code eventProcessor.ingestedCounter} and {@code ignoredCounter}
 * count only the events a processor was handed.
 *
 * <p>With a {@link HandOver}, the stream also tells it what it hands over, and has nothing available
 * while the processor's work package holds nearly as many events as Axon lets it (see there).
 */
final class SkippingMessageSource implements StreamableMessageSource<TrackedEventMessage<?>> {

    /** Bounds the events one call takes, so that a processor still notices a stop request soon. */
    static final int LONGEST_RUN = 1_000;

    private final StreamableMessageSource<TrackedEventMessage<?>> delegate;
    /** The processor's hand-over, or null where no interceptor of the processor reports its batches. */
    private final HandOver handOver;

    /** Null where the delegate's streams say themselves when events arrive (Axon Server's do). */
    private final EventArrivals arrivals;
    /** The processor reading, by which a read that waits for it hurries its wake-up; may be null. */
    private final String processor;

    /** A source for a processor whose batches nobody reports: it skips, and never waits. */
    SkippingMessageSource(StreamableMessageSource<TrackedEventMessage<?>> delegate) {
        this(delegate, null, null, null);
    }

    /** The source of the one processor whose batches are reported to {@code handOver}. */
    SkippingMessageSource(StreamableMessageSource<TrackedEventMessage<?>> delegate, HandOver handOver) {
        this(delegate, handOver, null, null);
    }

    /**
     * As above; its streams offer Axon's availability callback through {@code arrivals} where the
     * delegate's streams do not, listening as {@code processor}.
     */
    SkippingMessageSource(StreamableMessageSource<TrackedEventMessage<?>> delegate, HandOver handOver,
                          EventArrivals arrivals, String processor) {
        this.delegate = delegate;
        this.handOver = handOver;
        this.arrivals = arrivals;
        this.processor = processor;
    }

    @Override
    public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken trackingToken) {
        if (handOver != null) {
            handOver.restart();
        }
        return new SkippingStream(delegate.openStream(trackingToken), handOver, arrivals, processor);
    }

    @Override
    public TrackingToken createTailToken() {
        return delegate.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return delegate.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return delegate.createTokenAt(dateTime);
    }

    @Override
    public TrackingToken createTokenSince(Duration duration) {
        return delegate.createTokenSince(duration);
    }

    /** One processor's stream, used by its coordinator, which runs one task at a time. */
    static final class SkippingStream implements BlockingStream<TrackedEventMessage<?>> {

        private final BlockingStream<TrackedEventMessage<?>> delegate;
        private final HandOver handOver;
        private final EventArrivals arrivals;
        private final String processor;
        /** Payload types no handler of the processor takes. */
        private final Set<Class<?>> skipped = new HashSet<>();
        private TrackingToken lastPassedOn;
        private Registration listening;

        SkippingStream(BlockingStream<TrackedEventMessage<?>> delegate, HandOver handOver) {
            this(delegate, handOver, null, null);
        }

        SkippingStream(BlockingStream<TrackedEventMessage<?>> delegate, HandOver handOver, EventArrivals arrivals,
                       String processor) {
            this.delegate = delegate;
            this.handOver = handOver;
            this.arrivals = arrivals;
            this.processor = processor;
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            TrackedEventMessage<?> next = delegate.nextAvailable();
            if (!next.trackingToken().equals(lastPassedOn)) {
                for (int taken = 1; taken < LONGEST_RUN && isSkipped(next); taken++) {
                    Optional<TrackedEventMessage<?>> after = delegate.peek();
                    if (after.isEmpty() || after.get().trackingToken().equals(next.trackingToken())) {
                        break;
                    }
                    next = delegate.nextAvailable();
                }
            }
            lastPassedOn = next.trackingToken();
            if (handOver != null && !isSkipped(next)) {
                next.trackingToken().position().ifPresent(handOver::handed);
            }
            return next;
        }

        @Override
        public void skipMessagesWithPayloadTypeOf(TrackedEventMessage<?> message) {
            skipped.add(message.getPayloadType());
            delegate.skipMessagesWithPayloadTypeOf(message);
        }

        private boolean isSkipped(TrackedEventMessage<?> message) {
            return !skipped.isEmpty() && skipped.contains(message.getPayloadType());
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return delegate.peek();
        }

        /** Axon's coordinator asks this before it hands each event over. */
        @Override
        public boolean hasNextAvailable() {
            if (!delegate.hasNextAvailable()) {
                return false;
            }
            try {
                awaitRoom();
            } catch (InterruptedException e) {
                // The coordinator learns of the stop request when it reads the next event.
                Thread.currentThread().interrupt();
            }
            return true;
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            if (!delegate.hasNextAvailable(timeout, unit)) {
                return false;
            }
            awaitRoom();
            return true;
        }

        private void awaitRoom() throws InterruptedException {
            if (handOver != null) {
                handOver.awaitRoom();
            }
        }

        /**
         * With a callback, Axon's coordinator that finds no event waits for it (and looks again
         * after 5 s at the latest); without, it looks again after a fixed 500 ms.
         */
        @Override
        public boolean setOnAvailableCallback(Runnable callback) {
            if (delegate.setOnAvailableCallback(callback)) {
                return true;
            }
            if (arrivals == null) {
                return false;
            }
            if (listening != null) {
                listening.cancel();
            }
            listening = arrivals.listen(processor, callback);
            return true;
        }

        @Override
        public void close() {
            if (listening != null) {
                listening.cancel();
            }
            delegate.close();
        }
    }
}
