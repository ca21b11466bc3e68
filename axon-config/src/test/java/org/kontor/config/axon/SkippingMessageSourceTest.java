package org.kontor.config.axon;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
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
import org.axonframework.monitoring.NoOpMessageMonitorCallback;
import org.junit.jupiter.api.Test;
import org.kontor.config.storage.EventArrivals;

class SkippingMessageSourceTest {

    @Test
    void beforeAnyTypeIsSkipped_everyEventIsPassedOn() throws InterruptedException {
        SkippingMessageSource.SkippingStream stream = streamOf(text(1), text(2), number(3));

        assertThat(positionsRead(stream)).containsExactly(1L, 2L, 3L);
    }

    @Test
    void skippedType_isSteppedOverWhileAnotherEventIsAvailable_andTheLastOneBeforeAPauseIsPassedOn()
            throws InterruptedException {
        SkippingMessageSource.SkippingStream stream = streamOf(text(1), text(2), number(3), text(4), text(5));
        stream.skipMessagesWithPayloadTypeOf(text(0));

        // 1 and 2 are covered by 3's token; 4 by 5's, which is passed on because nothing follows it yet
        assertThat(positionsRead(stream)).containsExactly(3L, 5L);
    }

    @Test
    void eventsWithEqualTokens_areNeverSteppedOver() throws InterruptedException {
        SkippingMessageSource.SkippingStream stream = streamOf(text(1), text(2), text(2), number(3));
        stream.skipMessagesWithPayloadTypeOf(text(0));

        assertThat(positionsRead(stream)).containsExactly(2L, 2L, 3L);
    }

    @Test
    void oneCall_takesAtMostTheLongestRun() throws InterruptedException {
        int events = SkippingMessageSource.LONGEST_RUN + 10;
        SkippingMessageSource.SkippingStream stream = streamOf(IntStream.rangeClosed(1, events)
                .mapToObj(SkippingMessageSourceTest::text).toArray(TrackedEventMessage[]::new));
        stream.skipMessagesWithPayloadTypeOf(text(0));

        assertThat(positionsRead(stream)).containsExactly((long) SkippingMessageSource.LONGEST_RUN, (long) events);
    }

    @Test
    void withoutACallbackOfItsDelegate_theStreamOffersOneThroughTheArrivals_untilItIsClosed() {
        try (EventArrivals arrivals = new EventArrivals(Duration.ZERO)) {
            SkippingMessageSource.SkippingStream stream = new SkippingMessageSource.SkippingStream(new ListStream(), null,
                    arrivals, "crm-timeline");

            assertThat(stream.setOnAvailableCallback(() -> { })).isTrue();
            assertThat(arrivals.listeners()).isOne();
            stream.close();
            assertThat(arrivals.listeners()).isZero();
        }
    }

    @Test
    void theStreamListensAsItsProcessor_theNameAReadWaitingForItHurriesItBy() {
        try (EventArrivals arrivals = new EventArrivals(Duration.ofHours(1))) {
            SkippingMessageSource.SkippingStream stream = new SkippingMessageSource.SkippingStream(new ListStream(), null,
                    arrivals, "crm-timeline");

            stream.setOnAvailableCallback(() -> { });

            assertThat(arrivals.listeners("crm-timeline")).isOne();
            assertThat(arrivals.listeners("crm-customers")).isZero();
        }
    }

    @Test
    void aDelegateWithACallbackOfItsOwn_keepsIt() {
        try (EventArrivals arrivals = new EventArrivals(Duration.ZERO)) {
            SkippingMessageSource.SkippingStream stream = new SkippingMessageSource.SkippingStream(new ListStream() {
                @Override
                public boolean setOnAvailableCallback(Runnable callback) {
                    return true;
                }
            }, null, arrivals, "crm-timeline");

            assertThat(stream.setOnAvailableCallback(() -> { })).isTrue();
            assertThat(arrivals.listeners()).isZero();
        }
    }

    @Test
    void withoutArrivals_aDelegateWithoutACallbackHasNone() {
        SkippingMessageSource.SkippingStream stream = new SkippingMessageSource.SkippingStream(new ListStream(), null);

        assertThat(stream.setOnAvailableCallback(() -> { })).isFalse();
    }

    /**
     * The premise, against Axon's own processor: it names the types it cannot handle, still handles
     * every event it can, and its token reaches the head although the last events are skipped.
     */
    @Test
    void pooledProcessorOnTheSource_handlesEveryEventItCanAndItsTokenReachesTheHead() throws InterruptedException {
        EmbeddedEventStore store = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
        for (int event = 0; event < 300; event++) {
            store.publish(GenericEventMessage.asEventMessage(event % 3 == 0 ? (Object) event : "text " + event));
        }
        List<Integer> handled = new CopyOnWriteArrayList<>();
        AtomicInteger delivered = new AtomicInteger();
        InMemoryTokenStore tokens = new InMemoryTokenStore();
        ScheduledExecutorService coordinator = Executors.newSingleThreadScheduledExecutor();
        ScheduledExecutorService workers = Executors.newScheduledThreadPool(2);
        PooledStreamingEventProcessor processor = PooledStreamingEventProcessor.builder()
                .name("numbers")
                .eventHandlerInvoker(SimpleEventHandlerInvoker.builder().eventHandlers(new Object() {
                    @EventHandler
                    void on(Integer number) {
                        handled.add(number);
                    }
                }).build())
                .messageSource(new SkippingMessageSource(store))
                .tokenStore(tokens)
                .transactionManager(NoTransactionManager.INSTANCE)
                .coordinatorExecutor(coordinator)
                .workerExecutor(workers)
                .initialSegmentCount(1)
                .messageMonitor(message -> {
                    delivered.incrementAndGet();
                    return NoOpMessageMonitorCallback.INSTANCE;
                })
                .build();
        try {
            processor.start();
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (System.nanoTime() < until && positionOf(tokens) < 299) {
                Thread.sleep(20);
            }
        } finally {
            processor.shutDown();
            coordinator.shutdownNow();
            workers.shutdownNow();
        }

        assertThat(handled).hasSize(100).doesNotHaveDuplicates();
        assertThat(positionOf(tokens)).isEqualTo(299);
        assertThat(delivered.get()).as("events the processor was handed").isLessThan(300);
    }

    private static long positionOf(InMemoryTokenStore tokens) {
        TrackingToken token = tokens.fetchToken("numbers", 0);
        return token == null ? -1 : token.position().orElse(-1);
    }

    private static List<Long> positionsRead(BlockingStream<TrackedEventMessage<?>> stream) throws InterruptedException {
        List<Long> positions = new ArrayList<>();
        while (stream.hasNextAvailable()) {
            positions.add(stream.nextAvailable().trackingToken().position().orElseThrow());
        }
        return positions;
    }

    private static TrackedEventMessage<?> text(long position) {
        return tracked(position, "text " + position);
    }

    private static TrackedEventMessage<?> number(long position) {
        return tracked(position, position);
    }

    private static TrackedEventMessage<?> tracked(long position, Object payload) {
        return new GenericTrackedEventMessage<>(new GlobalSequenceTrackingToken(position),
                GenericEventMessage.asEventMessage(payload));
    }

    @SafeVarargs
    private static SkippingMessageSource.SkippingStream streamOf(TrackedEventMessage<?>... events) {
        return new SkippingMessageSource.SkippingStream(new ListStream(events), null);
    }

    /** The events already in a stream, all available at once. */
    private static class ListStream implements BlockingStream<TrackedEventMessage<?>> {

        private final Deque<TrackedEventMessage<?>> events;

        ListStream(TrackedEventMessage<?>... events) {
            this.events = new ArrayDeque<>(List.of(events));
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return Optional.ofNullable(events.peek());
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) {
            return !events.isEmpty();
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() {
            return events.poll();
        }

        @Override
        public void close() {
        }
    }
}
