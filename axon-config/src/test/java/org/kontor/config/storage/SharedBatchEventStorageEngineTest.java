package org.kontor.config.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventhandling.TrackingEventStream;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.json.JacksonSerializer;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.ScriptUtils;

class SharedBatchEventStorageEngineTest {

    private static final int BATCH_SIZE = 10;

    /** Kept open so the in-memory database lives as long as the test. */
    private Connection keepAlive;
    private JdbcDataSource dataSource;
    private final AtomicInteger eventQueries = new AtomicInteger();
    /** Runs as a counted query is prepared, on the reading thread. */
    private volatile Runnable beforeEventQuery = () -> { };

    @BeforeEach
    void eventStore() throws SQLException {
        dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:" + UUID.randomUUID() + EmbeddedStorageConfiguration.H2_SETTINGS);
        keepAlive = dataSource.getConnection();
        ScriptUtils.executeSqlScript(keepAlive, new ClassPathResource("db/embedded-schema.sql"));
    }

    @AfterEach
    void close() throws SQLException {
        keepAlive.close();
    }

    @Test
    void secondProcessorReadingTheSameBatches_getsEveryEventAndTokenWithoutQueryingThemAgain() {
        SharedBatchEventStorageEngine engine = engine(32);
        append(engine, 25);

        TwoReaders readers = twoReadersFromTheStart(engine, () -> { });

        assertThat(readers.first()).hasSize(25).isEqualTo(readAll(plainEngine(), null));
        assertThat(readers.second()).isEqualTo(readers.first());
        // three batches with events (10, 10, 5) were shared; only the look past the end is asked again
        assertThat(readers.queriesOfTheSecond()).isEqualTo(readers.queriesOfTheFirst() - 3);
    }

    @Test
    void theReaderThatMayBlock_signalsArrivalsForEachBatchItTook_andOtherReadersNever() {
        try (EventArrivals arrivals = new EventArrivals(Duration.ZERO)) {
            SharedBatchEventStorageEngine engine =
                    new SharedBatchEventStorageEngine(builder(countingConnections()), 32, System::nanoTime, arrivals);
            append(engine, 25);

            try (var events = engine.readEvents(null, false)) {
                assertThat(events.count()).isEqualTo(25);
            }
            assertThat(arrivals.signals()).as("a processor's own reading").isZero();
            try (var events = engine.readEvents(null, true)) {
                assertThat(events.count()).isEqualTo(25);
            }
            assertThat(arrivals.signals()).as("batches of 10, 10 and 5").isEqualTo(3);
        }
    }

    /**
     * The premise, against Axon's embedded store: its producer reads for the processors at the
     * head, and by the time it signals, a processor's stream at the head can read the new event.
     */
    @Test
    void whenArrivalsAreSignalled_aStreamAtTheHeadOfTheEmbeddedStoreCanReadTheNewEvent() throws Exception {
        try (EventArrivals arrivals = new EventArrivals(Duration.ZERO)) {
            SharedBatchEventStorageEngine engine =
                    new SharedBatchEventStorageEngine(builder(dataSource::getConnection), 32, System::nanoTime, arrivals);
            EmbeddedEventStore store = EmbeddedEventStore.builder().storageEngine(engine).build();
            try {
                store.publish(GenericEventMessage.asEventMessage("before"));
                TrackingEventStream stream = store.openStream(null);
                assertThat(stream.nextAvailable().getPayload()).isEqualTo("before");
                assertThat(stream.hasNextAvailable()).as("at the head: the stream now follows the producer").isFalse();
                CompletableFuture<Boolean> readableWhenSignalled = new CompletableFuture<>();
                arrivals.listen("ledger-lines", () -> readableWhenSignalled.complete(stream.hasNextAvailable()));

                store.publish(GenericEventMessage.asEventMessage("after"));

                assertThat(readableWhenSignalled.get(30, TimeUnit.SECONDS)).isTrue();
                assertThat(stream.nextAvailable().getPayload()).isEqualTo("after");
            } finally {
                store.shutDown();
            }
        }
    }

    @Test
    void secondReaderOfAKeptBatch_getsTheSameMessageObjects_soEachEventIsDecodedOnce() {
        SharedBatchEventStorageEngine engine = engine(32);
        append(engine, 15);

        List<TrackedEventMessage<?>> first = messages(engine);
        List<TrackedEventMessage<?>> second = messages(engine);

        assertThat(second).hasSize(15);
        for (int event = 0; event < 15; event++) {
            assertThat(second.get(event)).isSameAs(first.get(event));
        }
        assertThat(second.get(14).getPayload()).isEqualTo("event 14");
    }

    /**
     * While clients post, the embedded store's producer reads a small batch at the head many times
     * a second. With four batches kept, keeping those would push out a rebuild's batches before its
     * slower processors ask for them.
     */
    @Test
    void batchesOfTheReaderThatMayBlock_areNotKept_soAReplaysBatchesStayForItsOtherReaders() {
        SharedBatchEventStorageEngine engine = engine(SharedBatchEventStorageEngine.DEFAULT_SHARED_BATCHES);
        append(engine, 45);
        List<Read> replay = readAll(engine, null);
        TrackingToken afterFirstBatch = replay.get(8).token();
        int before = eventQueries.get();
        assertThat(readAll(engine, afterFirstBatch)).isEqualTo(replay.subList(9, 45));
        int queriesWhileKept = eventQueries.get() - before;

        try (var producer = engine.readEvents(replay.get(4).token(), true)) {
            assertThat(producer.count()).as("four batches of its own").isEqualTo(40);
        }

        before = eventQueries.get();
        assertThat(readAll(engine, afterFirstBatch)).isEqualTo(replay.subList(9, 45));
        assertThat(eventQueries.get() - before).isEqualTo(queriesWhileKept);
    }

    @Test
    void readerAtTheHead_seesEventsAppendedAfterAnEmptyBatch() {
        SharedBatchEventStorageEngine engine = engine(32);
        append(engine, 5);
        List<Read> before = readAll(engine, null);
        TrackingToken head = before.get(before.size() - 1).token();
        assertThat(readAll(engine, head)).isEmpty();

        append(engine, 3);

        assertThat(readAll(engine, head)).hasSize(3);
    }

    @Test
    void noSharedBatches_everyReaderQueriesItself() {
        SharedBatchEventStorageEngine engine = engine(0);
        append(engine, 25);

        TwoReaders readers = twoReadersFromTheStart(engine, () -> { });

        assertThat(readers.queriesOfTheSecond()).isEqualTo(readers.queriesOfTheFirst());
    }

    @Test
    void readerMoreBatchesBehindThanAreKept_readsEveryBatchItself() {
        SharedBatchEventStorageEngine engine = engine(2);
        append(engine, 25);

        TwoReaders readers = twoReadersFromTheStart(engine, () -> { });

        // three batches, two kept: each batch the second reader reads pushes out the one it needs next
        assertThat(readers.queriesOfTheSecond()).isEqualTo(readers.queriesOfTheFirst());
    }

    /**
     * A replay: two processors read at once, one of them slowly. With the batches kept by default
     * (four), a reader running ahead stays within one batch of the slow one, so each batch is read
     * from H2 once. Without pacing the fast reader finishes first and the slow one finds the first
     * batches gone.
     */
    @Test
    void readersOfAReplayAtDifferentSpeeds_readEachBatchOnce() throws Exception {
        SharedBatchEventStorageEngine engine = engine(SharedBatchEventStorageEngine.DEFAULT_SHARED_BATCHES);
        append(engine, 100);
        int before = eventQueries.get();

        ExecutorService processors = Executors.newFixedThreadPool(2);
        try {
            Future<List<Read>> slow = processors.submit(() -> readAll(engine, null, () -> sleep(2)));
            Future<List<Read>> fast = processors.submit(() -> readAll(engine, null, () -> { }));

            List<Read> expected = readAll(plainEngine(), null);
            assertThat(fast.get(30, TimeUnit.SECONDS)).isEqualTo(expected);
            assertThat(slow.get(30, TimeUnit.SECONDS)).isEqualTo(expected);
        } finally {
            processors.shutdownNow();
        }
        // 11 batches (Axon reads ranges of global indexes, which start at 1: the first holds 9 events),
        // and each reader's look past the end, which is never kept: a range and the next index after it
        // (shared instead if both readers looked at the same moment)
        assertThat(eventQueries.get() - before).isBetween(11 + 2, 11 + 2 * 2);
    }

    /** A processor following the head is not held back while another view is rebuilt from the start. */
    @Test
    void readerNearTheHead_doesNotWaitForAReaderRebuildingFromTheStart() throws Exception {
        SharedBatchEventStorageEngine engine = engine(4);
        append(engine, 100);
        List<Read> all = readAll(plainEngine(), null);
        CountDownLatch nearTheHeadDone = new CountDownLatch(1);
        ExecutorService processors = Executors.newFixedThreadPool(1);
        try {
            // the rebuild reads its first batch, then holds (a slow handler), asking for nothing more
            Future<List<Read>> rebuild = processors.submit(() -> readAll(engine, null, () -> await(nearTheHeadDone)));
            awaitQueries(1);

            List<Read> nearTheHead = readAll(engine, all.get(94).token());
            nearTheHeadDone.countDown();

            assertThat(nearTheHead).isEqualTo(all.subList(95, 100));
            assertThat(engine.pacing().pauses()).isZero();
            assertThat(rebuild.get(30, TimeUnit.SECONDS)).isEqualTo(all);
        } finally {
            processors.shutdownNow();
        }
    }

    @Test
    void batchOlderThanItIsKeptFor_isReadAgain() {
        AtomicLong nanos = new AtomicLong();
        SharedBatchEventStorageEngine engine =
                new SharedBatchEventStorageEngine(builder(countingConnections()), 32, nanos::get, null);
        append(engine, 25);

        TwoReaders readers = twoReadersFromTheStart(engine,
                () -> nanos.addAndGet(SharedBatchEventStorageEngine.KEPT_FOR.toNanos() + 1));

        assertThat(readers.queriesOfTheSecond()).isEqualTo(readers.queriesOfTheFirst());
    }

    @Test
    void readerAskingWhileAnotherOnesQueryForTheBatchRuns_waitsForItsAnswerInsteadOfQuerying() throws Exception {
        SharedBatchEventStorageEngine engine = engine(32);
        append(engine, 5);
        CountDownLatch firstQueryRunning = new CountDownLatch(1);
        CountDownLatch releaseFirstQuery = new CountDownLatch(1);
        beforeEventQuery = () -> {
            firstQueryRunning.countDown();
            await(releaseFirstQuery);
        };
        int before = eventQueries.get();
        CompletableFuture<List<Read>> first = CompletableFuture.supplyAsync(() -> readAll(engine, null));
        assertThat(firstQueryRunning.await(5, TimeUnit.SECONDS)).isTrue();
        beforeEventQuery = () -> { };

        AtomicReference<List<Read>> secondRead = new AtomicReference<>();
        Thread second = new Thread(() -> secondRead.set(readAll(engine, null)));
        second.start();
        Thread.State waiting = awaitWaitingOrDone(second);

        assertThat(waiting).as("the second reader waits for the first one's query").isEqualTo(Thread.State.TIMED_WAITING);
        assertThat(eventQueries.get() - before).as("queries run while the first one runs").isEqualTo(1);
        releaseFirstQuery.countDown();
        second.join(5_000);
        assertThat(secondRead.get()).hasSize(5).isEqualTo(first.get(5, TimeUnit.SECONDS));
    }

    /**
     * Rows older and younger than the gap timeout, with global indexes missing among both: the engine
     * reads every event, timestamp and token as Axon's own engine does, also from a token with gaps.
     */
    @Test
    void rowsWithGapsOlderAndYoungerThanTheGapTimeout_areReadAsAxonsEngineReadsThem() throws SQLException {
        SharedBatchEventStorageEngine engine = engine(0);
        Clock clock = GenericEventMessage.clock;
        try {
            GenericEventMessage.clock = Clock.fixed(Instant.now().minus(Duration.ofHours(2)), ZoneOffset.UTC);
            append(engine, 6);
        } finally {
            GenericEventMessage.clock = clock;
        }
        append(engine, 6);
        try (var delete = keepAlive.createStatement()) {
            delete.executeUpdate("DELETE FROM DomainEventEntry WHERE globalIndex IN (3, 8, 9)");
        }

        List<Detail> ours = details(engine, null);

        assertThat(ours).hasSize(9).isEqualTo(details(plainEngine(), null));
        GapAwareTrackingToken last = (GapAwareTrackingToken) ours.get(ours.size() - 1).token();
        assertThat(last.getGaps()).as("young rows keep their gaps, old ones do not").containsExactly(8L, 9L);
        TrackingToken withGaps = ours.get(6).token();
        assertThat(details(engine, withGaps)).hasSize(2).isEqualTo(details(plainEngine(), withGaps));
    }

    /** Axon's own entry parses the stored text each time it is asked; this one read it once. */
    @Test
    void storedEvent_keepsTheTimestampItReadOnce() {
        SharedBatchEventStorageEngine engine = engine(0);
        append(engine, 2);

        var stored = engine.fetchTrackedEvents(null, BATCH_SIZE).get(0);

        assertThat(stored.getTimestamp()).isSameAs(stored.getTimestamp());
    }

    private static List<Detail> details(JdbcEventStorageEngine engine, TrackingToken after) {
        try (var events = engine.readEvents(after, false)) {
            return events.map(event -> {
                DomainEventMessage<?> domainEvent = (DomainEventMessage<?>) event;
                return new Detail(event.getIdentifier(), event.trackingToken(), event.getTimestamp(),
                        domainEvent.getAggregateIdentifier(), domainEvent.getSequenceNumber(), domainEvent.getType(),
                        event.getPayload());
            }).toList();
        }
    }

    private record Detail(String identifier, TrackingToken token, Instant timestamp, String aggregateIdentifier,
                          long sequenceNumber, String type, Object payload) {
    }

    private static Thread.State awaitWaitingOrDone(Thread thread) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < until) {
            Thread.State state = thread.getState();
            if (state == Thread.State.TIMED_WAITING || state == Thread.State.TERMINATED) {
                return state;
            }
            Thread.sleep(10);
        }
        return thread.getState();
    }

    private void awaitQueries(int atLeast) throws InterruptedException {
        for (int attempt = 0; attempt < 500 && eventQueries.get() < atLeast; attempt++) {
            Thread.sleep(10);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private record Read(String identifier, TrackingToken token) {
    }

    private record TwoReaders(List<Read> first, int queriesOfTheFirst, List<Read> second, int queriesOfTheSecond) {
    }

    /** Two readers of the whole store, one after the other, with {@code between} run in between. */
    private TwoReaders twoReadersFromTheStart(SharedBatchEventStorageEngine engine, Runnable between) {
        int before = eventQueries.get();
        List<Read> first = readAll(engine, null);
        int afterFirst = eventQueries.get();
        between.run();
        List<Read> second = readAll(engine, null);
        return new TwoReaders(first, afterFirst - before, second, eventQueries.get() - afterFirst);
    }

    private static List<Read> readAll(JdbcEventStorageEngine engine, TrackingToken after) {
        return readAll(engine, after, () -> { });
    }

    /** Reads every event after {@code after}, running {@code perEvent} after each (a handler's work). */
    private static List<Read> readAll(JdbcEventStorageEngine engine, TrackingToken after, Runnable perEvent) {
        try (var events = engine.readEvents(after, false)) {
            return events.map(event -> {
                perEvent.run();
                return read(event);
            }).toList();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static List<TrackedEventMessage<?>> messages(JdbcEventStorageEngine engine) {
        try (var events = engine.readEvents(null, false)) {
            return events.<TrackedEventMessage<?>>map(event -> event).toList();
        }
    }

    private static Read read(TrackedEventMessage<?> event) {
        return new Read(event.getIdentifier(), event.trackingToken());
    }

    private static void append(JdbcEventStorageEngine engine, int count) {
        String aggregate = UUID.randomUUID().toString();
        List<DomainEventMessage<?>> events = IntStream.range(0, count)
                .<DomainEventMessage<?>>mapToObj(sequence -> new GenericDomainEventMessage<>("Test", aggregate, sequence,
                        "event " + sequence))
                .toList();
        engine.appendEvents(events);
    }

    private SharedBatchEventStorageEngine engine(int sharedBatches) {
        return new SharedBatchEventStorageEngine(builder(countingConnections()), sharedBatches);
    }

    private JdbcEventStorageEngine plainEngine() {
        return builder(dataSource::getConnection).build();
    }

    private JdbcEventStorageEngine.Builder builder(ConnectionProvider connections) {
        JacksonSerializer serializer = JacksonSerializer.defaultSerializer();
        return JdbcEventStorageEngine.builder()
                .connectionProvider(connections)
                .transactionManager(NoTransactionManager.INSTANCE)
                .snapshotSerializer(serializer)
                .eventSerializer(serializer)
                .batchSize(BATCH_SIZE)
                .readEventDataWithGaps(new IndexedGapRead());
    }

    /** Connections that count the statements reading events by global index (the processors' reads). */
    private ConnectionProvider countingConnections() {
        return () -> {
            Connection connection = dataSource.getConnection();
            return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                    (proxy, method, arguments) -> {
                        if (method.getName().equals("prepareStatement") && arguments[0] instanceof String sql
                                && sql.contains("globalIndex >")) {
                            eventQueries.incrementAndGet();
                            beforeEventQuery.run();
                        }
                        try {
                            return method.invoke(connection, arguments);
                        } catch (java.lang.reflect.InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        };
    }
}
