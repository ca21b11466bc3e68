package org.kontor.config.axon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.Test;

class HandOverTest {

    private static final Duration NEVER_GIVES_UP = Duration.ofMinutes(5);

    @Test
    void belowTheLimit_theCoordinatorDoesNotWait() throws InterruptedException {
        HandOver handOver = new HandOver(NEVER_GIVES_UP);
        handOverPositions(handOver, 1, HandOver.LIMIT - 1);

        handOver.awaitRoom();

        assertThat(handOver.waits()).isZero();
    }

    @Test
    void atTheLimit_theCoordinatorWaits_untilTheWorkPackageTakesABatch() throws InterruptedException {
        HandOver handOver = new HandOver(NEVER_GIVES_UP);
        handOverPositions(handOver, 1, HandOver.LIMIT);
        Thread coordinator = new Thread(() -> {
            try {
                handOver.awaitRoom();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });

        coordinator.start();
        awaitState(coordinator, Thread.State.TIMED_WAITING);
        handOver.taken(400);
        coordinator.join(TimeUnit.SECONDS.toMillis(30));

        assertThat(coordinator.isAlive()).as("still waiting after a batch was taken").isFalse();
        assertThat(handOver.waits()).isOne();
        assertThat(handOver.waitsGivenUp()).isZero();
    }

    @Test
    void aWaitWithoutABatchTaken_givesUp_andTheNextWaitsOnlyOnceAnotherBatchIsTaken() throws InterruptedException {
        HandOver handOver = new HandOver(Duration.ofMillis(20));
        handOverPositions(handOver, 1, HandOver.LIMIT + 1);

        handOver.awaitRoom();
        handOver.awaitRoom();
        assertThat(handOver.waits()).as("the second call, without a batch taken in between").isOne();

        handOver.taken(1);
        handOver.awaitRoom();
        assertThat(handOver.waits()).isEqualTo(2);
        assertThat(handOver.waitsGivenUp()).isEqualTo(2);
    }

    @Test
    void aNewStream_forgetsWhatTheStreamBeforeItHanded() throws InterruptedException {
        HandOver handOver = new HandOver(NEVER_GIVES_UP);
        handOverPositions(handOver, 1, HandOver.LIMIT);

        handOver.restart();
        handOver.awaitRoom();

        assertThat(handOver.waits()).isZero();
        assertThat(handOver.streamsOpened()).isOne();
    }

    @Test
    void aLongestWaitThatIsNotPositive_isRefused() {
        assertThatThrownBy(() -> new HandOver(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theStream_countsWhatItHandsOver_andHasNothingAvailableAtTheLimitUntilTheLongestWait() throws InterruptedException {
        HandOver handOver = new HandOver(Duration.ofMillis(20));
        SkippingMessageSource.SkippingStream stream =
                new SkippingMessageSource.SkippingStream(new PausingStream(HandOver.LIMIT + 1, 0), handOver);

        int read = readAll(stream);

        assertThat(read).isEqualTo(HandOver.LIMIT + 1);
        assertThat(handOver.waits()).isOne();
    }

    @Test
    void theStream_doesNotCountEventsOfTypesTheProcessorSkips() throws InterruptedException {
        HandOver handOver = new HandOver(NEVER_GIVES_UP);
        SkippingMessageSource.SkippingStream stream =
                new SkippingMessageSource.SkippingStream(new PausingStream(0, 2 * HandOver.LIMIT), handOver);
        stream.skipMessagesWithPayloadTypeOf(tracked(0, "text"));

        int read = readAll(stream);

        assertThat(read).as("each is passed on: a pause follows it").isEqualTo(2 * HandOver.LIMIT);
        assertThat(handOver.waits()).isZero();
    }

    /**
     * The premise, against Axon's own processor: on a plain source its coordinator fills the work
     * package's queue and then schedules itself 100 ms later; with the hand-over it never does,
     * and every event is still handled once.
     */
    @Test
    void axonsCoordinator_sleeps100Milliseconds_whenItFillsTheQueue_butNotWithTheHandOver() throws InterruptedException {
        int events = 20_000;
        EmbeddedEventStore store = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
        for (int event = 0; event < events; event++) {
            store.publish(GenericEventMessage.asEventMessage(event));
        }

        ProcessorRun plain = run(store, events, new SkippingMessageSource(store), null);
        HandOver handOver = new HandOver(NEVER_GIVES_UP);
        ProcessorRun handedOver = run(store, events, new SkippingMessageSource(store, handOver), handOver);

        assertThat(plain.handled()).isEqualTo(events);
        assertThat(plain.delays()).as("the premise: Axon's coordinator sleeps when the queue is full").contains(100L);
        assertThat(handedOver.handled()).isEqualTo(events);
        assertThat(handedOver.delays()).doesNotContain(100L);
        assertThat(handOver.waits()).isPositive();
        assertThat(handOver.waitsGivenUp()).isZero();
    }

    private record ProcessorRun(int handled, List<Long> delays) {
    }

    private static ProcessorRun run(EmbeddedEventStore store, int events, SkippingMessageSource source, HandOver handOver)
            throws InterruptedException {
        AtomicInteger handled = new AtomicInteger();
        InMemoryTokenStore tokens = new InMemoryTokenStore();
        RecordingScheduler coordinator = new RecordingScheduler();
        ScheduledExecutorService workers = Executors.newScheduledThreadPool(2);
        PooledStreamingEventProcessor processor = PooledStreamingEventProcessor.builder()
                .name("numbers")
                .eventHandlerInvoker(SimpleEventHandlerInvoker.builder().eventHandlers(new Object() {
                    @EventHandler
                    void on(Integer number) {
                        // A handler slower than the coordinator, as every projection is.
                        long until = System.nanoTime() + 5_000;
                        while (System.nanoTime() < until) {
                            Thread.onSpinWait();
                        }
                        handled.incrementAndGet();
                    }
                }).build())
                .messageSource(source)
                .tokenStore(tokens)
                .transactionManager(NoTransactionManager.INSTANCE)
                .coordinatorExecutor(coordinator)
                .workerExecutor(workers)
                .initialSegmentCount(1)
                .batchSize(1_000)
                .build();
        if (handOver != null) {
            processor.registerHandlerInterceptor(handOver.batchesTaken());
        }
        try {
            processor.start();
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (System.nanoTime() < until && positionOf(tokens) < events - 1) {
                Thread.sleep(20);
            }
        } finally {
            processor.shutDown();
            coordinator.shutdownNow();
            workers.shutdownNow();
        }
        return new ProcessorRun(handled.get(), List.copyOf(coordinator.delays));
    }

    /** The coordinator's executor, keeping the delay of each task Axon schedules on it. */
    private static final class RecordingScheduler extends ScheduledThreadPoolExecutor {

        final List<Long> delays = new CopyOnWriteArrayList<>();

        RecordingScheduler() {
            super(1);
        }

        @Override
        public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
            delays.add(unit.toMillis(delay));
            return super.schedule(command, delay, unit);
        }
    }

    private static long positionOf(InMemoryTokenStore tokens) {
        TrackingToken token = tokens.fetchToken("numbers", 0);
        return token == null ? -1 : token.position().orElse(-1);
    }

    private static void handOverPositions(HandOver handOver, long first, long last) {
        for (long position = first; position <= last; position++) {
            handOver.handed(position);
        }
    }

    private static void awaitState(Thread thread, Thread.State state) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (thread.getState() != state && System.nanoTime() < until) {
            Thread.sleep(5);
        }
        assertThat(thread.getState()).isEqualTo(state);
    }

    private static int readAll(BlockingStream<TrackedEventMessage<?>> stream) throws InterruptedException {
        int read = 0;
        while (stream.hasNextAvailable()) {
            stream.nextAvailable();
            read++;
        }
        return read;
    }

    private static TrackedEventMessage<?> tracked(long position, Object payload) {
        return new GenericTrackedEventMessage<>(new GlobalSequenceTrackingToken(position),
                GenericEventMessage.asEventMessage(payload));
    }

    /**
     * Numbers, then texts, each alone in the stream when it is read: nothing is available after
     * it yet, so the skipping stream passes on even events of a type it skips.
     */
    private static final class PausingStream implements BlockingStream<TrackedEventMessage<?>> {

        private final int numbers;
        private final int total;
        private int position;

        PausingStream(int numbers, int texts) {
            this.numbers = numbers;
            this.total = numbers + texts;
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return Optional.empty();
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) {
            return position < total;
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() {
            position++;
            return tracked(position, position <= numbers ? (Object) position : "text " + position);
        }

        @Override
        public void close() {
        }
    }
}
