package org.kontor.config.storage;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.axonframework.eventhandling.EventUtils;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;

/**
 * Axon's JDBC event storage engine, answering processors that ask for the same batch of events
 * with one query.
 *
 * <p>Why: every processor reads the store through a stream of its own. Axon shares one reader only
 * among processors that follow the head; in a replay (every start of the embedded profile, whose
 * read models live in memory) each of the 26 processors asks H2 for the same batches, one after the
 * other. In a flight recording of a replay, H2 answering those queries was about a fifth of the
 * server's CPU.
 *
 * <p>Why this is safe: a batch depends on the token it is read from (its position and its gaps),
 * on the rows committed when the query runs, and on the clock (Axon records a missing global index
 * as a gap only while the event after it is younger than its gap timeout, 60 s). Handing one
 * processor the batch another one read at most {@link #KEPT_FOR} earlier is what it would have got
 * had its own query taken that long, which Axon must survive anyway: a row committed in between is
 * a gap of that batch's token and is read later. Batches are kept by the token they were read
 * from, so a processor whose token differs in its gaps reads its own.
 *
 * <p>The processors of a replay move in step, so they mostly ask for a batch while another one's
 * query for it is still running: they wait for that query (at most {@link #LONGEST_WAIT}) instead
 * of running it again. Its answer is as old as a query of their own would be.
 *
 * <p>A kept batch is shared as messages too: the first reader that asks for it as messages
 * deserializes it, and every later one gets the same message objects, so an event's payload, metadata
 * and timestamp are decoded once, not once per processor that handles it. Axon's messages are
 * immutable and decode lazily and safely from any thread. The messages of a batch are made from its
 * events alone, which holds for single-event upcasters (every upcaster of this project is one).
 *
 * <p>Each row's timestamp is read once, without Axon's formatter ({@link StoredTimestamps}), and
 * the event keeps it: Axon's own entry parses the column again each time it is asked, and the
 * engine asks once per row to place gaps. {@link #getTrackedEventData} otherwise builds the event and
 * its token as Axon's engine does, with the gap settings set here.
 *
 * <p>The processors of a replay do not move at the same speed: one that skips most events would
 * run ahead of one that writes for each, and read batches that are no longer kept when the slow
 * one asks. Readers catching up (more than a quarter of the kept batches behind the store's head)
 * therefore keep within that quarter of each other ({@link ReaderPacing}); readers near the head
 * neither wait nor hold others back.
 *
 * <p>Only batches with events are kept once read: an empty batch means the reader is at the head,
 * and its next poll must see new events. At most {@code sharedBatches} are kept, the one first
 * read leaving first (a batch holds up to the engine's batch size of events, about 1 MiB at
 * 1,000).
 *
 * <p>Few are kept ({@link #DEFAULT_SHARED_BATCHES}) because a kept batch lives, with its bytes and
 * its decoded messages, until that many newer batches were read: with 32, about 1.7 s of a replay,
 * so every event outlived ten young collections, was copied each time and ended in the old
 * generation, which the collector then had to mark and clear. With 4, a batch lives about one
 * young collection, and the collector's CPU in a replay and a rebuild was about half
 * (docs/benchmarks.md). The readers of a replay then keep within one batch of each other.
 */
final class SharedBatchEventStorageEngine extends JdbcEventStorageEngine {

    /** Far below Axon's gap timeout (60 s); the processors of a replay ask for a batch within seconds. */
    static final Duration KEPT_FOR = Duration.ofSeconds(10);
    /** A query of 1,000 events takes milliseconds; a reader that waited this long reads for itself. */
    static final Duration LONGEST_WAIT = Duration.ofSeconds(30);

    /** Axon's defaults, set explicitly because {@link #getTrackedEventData} needs them too. */
    static final int GAP_TIMEOUT_MS = 60_000;
    static final int MAX_GAP_OFFSET = 10_000;
    static final long LOWEST_GLOBAL_SEQUENCE = 1;

    /** Batches kept unless {@code erp.event-store.shared-batches} says otherwise; why so few: above. */
    static final int DEFAULT_SHARED_BATCHES = 4;

    /**
     * Readers catching up stay within a quarter of the kept batches of the slowest one
     * ({@link ReaderPacing}), so that every batch is still kept when the slowest asks for it.
     */
    static final int PACED_LEAD_DIVISOR = 4;
    /** A reader that asked for no batch for this long (stopped, failing, backing off) holds no one back. */
    static final Duration LIVE_FOR = Duration.ofSeconds(3);
    /** The longest a reader ahead waits per batch; far below the time Axon gives a coordinator to stop. */
    static final Duration LONGEST_PAUSE = Duration.ofSeconds(1);
    /** How old the store's head may be when a reader is placed against it (one query a second at most). */
    static final Duration HEAD_READ_EVERY = Duration.ofSeconds(1);

    private final Map<BatchRequest, Kept> recentBatches;
    /** Null when no batches are kept: then there is nothing to wait for. */
    private final ReaderPacing pacing;
    /** Events a reader catching up may be ahead of the slowest; also how far behind the head "catching up" starts. */
    private final long pacedLead;
    /** Null until a reader was first placed against it. */
    private volatile StoreHead storeHead;
    private final LongSupplier nanoClock;
    private final EventArrivals arrivals;
    private volatile int gapTimeoutMs = GAP_TIMEOUT_MS;

    SharedBatchEventStorageEngine(JdbcEventStorageEngine.Builder builder, int sharedBatches) {
        this(builder, sharedBatches, System::nanoTime, null);
    }

    /** {@code arrivals}, if not null, hears of new events read for the processors at the head. */
    SharedBatchEventStorageEngine(JdbcEventStorageEngine.Builder builder, int sharedBatches, LongSupplier nanoClock,
                                  EventArrivals arrivals) {
        super(builder.gapTimeout(GAP_TIMEOUT_MS).maxGapOffset(MAX_GAP_OFFSET).lowestGlobalSequence(LOWEST_GLOBAL_SEQUENCE));
        this.nanoClock = nanoClock;
        this.arrivals = arrivals;
        if (sharedBatches < 0) {
            throw new IllegalArgumentException("sharedBatches must not be negative, not " + sharedBatches);
        }
        this.pacedLead = (long) sharedBatches / PACED_LEAD_DIVISOR * batchSize();
        this.pacing = pacedLead < 1 ? null : new ReaderPacing(pacedLead, LIVE_FOR, LONGEST_PAUSE);
        // In the order first read, not last asked for: a reader behind asking for an older batch must not
        // make a newer one, which it needs next, the first to go.
        this.recentBatches = new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<BatchRequest, Kept> eldest) {
                return size() > sharedBatches;
            }
        };
    }

    /** The pacing of readers catching up; null when no batches are kept. */
    ReaderPacing pacing() {
        return pacing;
    }

    @Override
    public void setGapTimeout(int gapTimeout) {
        super.setGapTimeout(gapTimeout);
        this.gapTimeoutMs = gapTimeout;
    }

    /**
     * A row as Axon's engine reads it, and the token after it: a missing global index before it is a
     * gap while the row is younger than the gap timeout. The one difference: the timestamp is read
     * once ({@link StoredTimestamps}) and kept by the event.
     */
    @Override
    protected TrackedEventData<?> getTrackedEventData(ResultSet row, GapAwareTrackingToken previousToken)
            throws SQLException {
        EventSchema schema = schema();
        long globalIndex = row.getLong(schema.globalIndexColumn());
        String aggregateIdentifier = row.getString(schema.aggregateIdentifierColumn());
        String eventIdentifier = row.getString(schema.eventIdentifierColumn());
        String storedTimestamp = readTimeStamp(row, schema.timestampColumn()).toString();
        Instant timestamp = StoredTimestamps.parse(storedTimestamp);
        TimestampedEntry<?> event = new TimestampedEntry<>(row.getString(schema.typeColumn()),
                // Axon stores an event without an aggregate under its own identifier.
                eventIdentifier.equals(aggregateIdentifier) ? null : aggregateIdentifier,
                row.getLong(schema.sequenceNumberColumn()), eventIdentifier, storedTimestamp, timestamp,
                row.getString(schema.payloadTypeColumn()), row.getString(schema.payloadRevisionColumn()),
                readPayload(row, schema.payloadColumn()), readPayload(row, schema.metaDataColumn()));
        boolean allowGaps = timestamp.isAfter(GenericEventMessage.clock.instant().minusMillis(gapTimeoutMs));
        GapAwareTrackingToken token;
        if (previousToken == null) {
            token = GapAwareTrackingToken.newInstance(globalIndex, allowGaps
                    ? LongStream.range(Math.min(LOWEST_GLOBAL_SEQUENCE, globalIndex), globalIndex).boxed()
                            .collect(Collectors.toCollection(TreeSet::new))
                    : Collections.emptySortedSet());
        } else {
            token = previousToken.advanceTo(globalIndex, allowGaps ? MAX_GAP_OFFSET : 0);
        }
        return new TrackedDomainEventData<>(token, event);
    }

    /** Axon's stored event, with its timestamp read once. */
    static final class TimestampedEntry<T> extends GenericDomainEventEntry<T> {

        private final Instant timestamp;

        TimestampedEntry(String type, String aggregateIdentifier, long sequenceNumber, String eventIdentifier,
                         String storedTimestamp, Instant timestamp, String payloadType, String payloadRevision,
                         T payload, T metaData) {
            super(type, aggregateIdentifier, sequenceNumber, eventIdentifier, storedTimestamp, payloadType,
                    payloadRevision, payload, metaData);
            this.timestamp = timestamp;
        }

        @Override
        public Instant getTimestamp() {
            return timestamp;
        }
    }

    @Override
    protected List<? extends TrackedEventData<?>> fetchTrackedEvents(TrackingToken lastToken, int batchSize) {
        return batchAfter(lastToken, batchSize, true).events();
    }

    /**
     * The events after {@code trackingToken} as Axon's engine reads them (batch by batch, to the
     * end of the store), each batch as the messages shared with other readers of it.
     */
    @Override
    public Stream<? extends TrackedEventMessage<?>> readEvents(TrackingToken trackingToken, boolean mayBlock) {
        // Only the embedded store's producer, which reads for every processor at the head, may block.
        SharedMessages messages = new SharedMessages(trackingToken, mayBlock, mayBlock ? arrivals : null);
        return StreamSupport.stream(messages, false).onClose(messages::close);
    }

    /**
     * The batch after {@code lastToken}: a kept one if another reader asked for it, else read now,
     * and kept for the next reader if {@code keep}.
     */
    private Batch batchAfter(TrackingToken lastToken, int batchSize, boolean keep) {
        BatchRequest request = new BatchRequest(lastToken, batchSize);
        Kept mine = new Kept(new CompletableFuture<>(), nanoClock.getAsLong());
        Kept theirs;
        synchronized (recentBatches) {
            theirs = recentBatches.get(request);
            if (theirs != null && nanoClock.getAsLong() - theirs.askedAtNanos() > KEPT_FOR.toNanos()) {
                recentBatches.remove(request);
                theirs = null;
            }
            if (theirs == null && keep) {
                recentBatches.put(request, mine);
            }
        }
        if (theirs != null) {
            Batch shared = awaitQuietly(theirs);
            return shared != null ? shared : new Batch(super.fetchTrackedEvents(lastToken, batchSize));
        }
        try {
            Batch fetched = new Batch(super.fetchTrackedEvents(lastToken, batchSize));
            mine.batch().complete(fetched);
            if (fetched.events().isEmpty()) {
                forget(request, mine);
            }
            return fetched;
        } catch (RuntimeException | Error e) {
            mine.batch().completeExceptionally(e);
            forget(request, mine);
            throw e;
        }
    }

    /** The other reader's answer, or {@code null} if its query failed or took too long. */
    private static Batch awaitQuietly(Kept kept) {
        try {
            return kept.batch().get(LONGEST_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (ExecutionException | TimeoutException e) {
            return null;
        }
    }

    private void forget(BatchRequest request, Kept kept) {
        synchronized (recentBatches) {
            recentBatches.remove(request, kept);
        }
    }

    /** One batch as read: its events as stored, and as messages once a reader asked for those. */
    private final class Batch {

        private final List<? extends TrackedEventData<?>> events;
        private volatile List<TrackedEventMessage<?>> messages;

        Batch(List<? extends TrackedEventData<?>> events) {
            this.events = List.copyOf(events);
        }

        List<? extends TrackedEventData<?>> events() {
            return events;
        }

        /** Two readers asking at once may both convert; either result is right, and one is kept. */
        List<TrackedEventMessage<?>> messages() {
            List<TrackedEventMessage<?>> converted = messages;
            if (converted == null) {
                converted = EventUtils.upcastAndDeserializeTrackedEvents(events.stream(), getEventSerializer(),
                        upcasterChain).toList();
                messages = converted;
            }
            return converted;
        }
    }

    /**
     * Axon's reading, batch by batch: the next batch starts after the last event of the one before,
     * and an empty batch ends the stream.
     */
    private final class SharedMessages extends Spliterators.AbstractSpliterator<TrackedEventMessage<?>> {

        private TrackingToken lastRead;
        private Iterator<TrackedEventMessage<?>> current = Collections.emptyIterator();
        private boolean endReached;
        private final ReaderPacing.Reader pace;
        /** Told when the events of a batch were taken; null unless this stream feeds the head. */
        private final EventArrivals arrivals;
        /**
         * Whether the batches it reads are kept for others: not those of the embedded store's
         * producer, which reads new events at the head for every processor that follows it. No
         * other reader asks for them (the processors at the head read the producer's), and with a
         * few batches kept, its reads while clients post would push out those of a rebuild.
         */
        private final boolean keepsBatches;
        private boolean handedSinceSignal;

        SharedMessages(TrackingToken after, boolean mayBlock, EventArrivals arrivals) {
            super(Long.MAX_VALUE, Spliterator.ORDERED | Spliterator.NONNULL);
            this.lastRead = after;
            this.arrivals = arrivals;
            this.keepsBatches = !mayBlock;
            // Placed against the head with its first batch, so that opening a stream runs no query.
            this.pace = pacing == null ? null : pacing.reader(positionOf(after), false);
        }

        @Override
        public boolean tryAdvance(Consumer<? super TrackedEventMessage<?>> action) {
            while (!current.hasNext()) {
                if (handedSinceSignal) {
                    // The reader took each event of the batch before asking for more: for the
                    // embedded store's producer, that means it has linked them for its consumers.
                    handedSinceSignal = false;
                    arrivals.signal();
                }
                if (endReached) {
                    return false;
                }
                if (pace != null) {
                    pace.awaitTurn();
                }
                Batch batch = batchAfter(lastRead, batchSize(), keepsBatches);
                List<? extends TrackedEventData<?>> events = batch.events();
                endReached = events.isEmpty();
                if (!endReached) {
                    lastRead = events.get(events.size() - 1).trackingToken();
                }
                if (pace != null) {
                    pace.advanced(positionOf(lastRead), isCatchingUp(positionOf(lastRead)));
                }
                current = batch.messages().iterator();
                handedSinceSignal = arrivals != null && !endReached;
            }
            action.accept(current.next());
            return true;
        }

        void close() {
            if (pace != null) {
                pace.close();
            }
        }
    }

    /**
     * More than the paced lead behind the store's head: a reader replaying, not one following the
     * head (whose lag under load is a few hundred events), which must never wait.
     */
    private boolean isCatchingUp(long position) {
        StoreHead head = storeHead;
        long now = nanoClock.getAsLong();
        if (head == null || now - head.readAtNanos() > HEAD_READ_EVERY.toNanos()) {
            head = new StoreHead(positionOf(createHeadToken()), now);
            storeHead = head;
        }
        return position < head.position() - pacedLead;
    }

    /** The highest global index in the store when last read, and when that was. */
    private record StoreHead(long position, long readAtNanos) {
    }

    /** A token's global index, for pacing; -1 before the first event. */
    private static long positionOf(TrackingToken token) {
        return token == null ? -1 : token.position().orElse(-1);
    }

    /** A batch being read or read: the batch once the query is done, and when it was asked for. */
    private record Kept(CompletableFuture<Batch> batch, long askedAtNanos) {
    }

    /**
     * A batch as a processor asks for it: at most {@code size} events after {@code after} ({@code
     * null} for the start of the store). Tokens are equal only with equal gaps.
     */
    private record BatchRequest(TrackingToken after, int size) {
    }
}
