package org.kontor.config.storage;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongSupplier;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
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
 * <p>Only batches with events are kept once read: an empty batch means the reader is at the head,
 * and its next poll must see new events. At most {@code sharedBatches} are kept, the least
 * recently asked for leaving first (a batch holds up to the engine's batch size of events, about
 * 1 MiB at 1,000).
 */
final class SharedBatchEventStorageEngine extends JdbcEventStorageEngine {

    /** Far below Axon's gap timeout (60 s); the processors of a replay ask for a batch within seconds. */
    static final Duration KEPT_FOR = Duration.ofSeconds(10);
    /** A query of 1,000 events takes milliseconds; a reader that waited this long reads for itself. */
    static final Duration LONGEST_WAIT = Duration.ofSeconds(30);

    private final Map<BatchRequest, Batch> recentBatches;
    private final LongSupplier nanoClock;

    SharedBatchEventStorageEngine(JdbcEventStorageEngine.Builder builder, int sharedBatches) {
        this(builder, sharedBatches, System::nanoTime);
    }

    SharedBatchEventStorageEngine(JdbcEventStorageEngine.Builder builder, int sharedBatches, LongSupplier nanoClock) {
        super(builder);
        this.nanoClock = nanoClock;
        if (sharedBatches < 0) {
            throw new IllegalArgumentException("sharedBatches must not be negative, not " + sharedBatches);
        }
        this.recentBatches = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<BatchRequest, Batch> eldest) {
                return size() > sharedBatches;
            }
        };
    }

    @Override
    protected List<? extends TrackedEventData<?>> fetchTrackedEvents(TrackingToken lastToken, int batchSize) {
        BatchRequest request = new BatchRequest(lastToken, batchSize);
        Batch mine = new Batch(new CompletableFuture<>(), nanoClock.getAsLong());
        Batch theirs;
        synchronized (recentBatches) {
            theirs = recentBatches.get(request);
            if (theirs != null && nanoClock.getAsLong() - theirs.askedAtNanos() > KEPT_FOR.toNanos()) {
                recentBatches.remove(request);
                theirs = null;
            }
            if (theirs == null) {
                recentBatches.put(request, mine);
            }
        }
        if (theirs != null) {
            List<? extends TrackedEventData<?>> shared = awaitQuietly(theirs);
            if (shared != null) {
                return shared;
            }
            return super.fetchTrackedEvents(lastToken, batchSize);
        }
        try {
            List<? extends TrackedEventData<?>> fetched = List.copyOf(super.fetchTrackedEvents(lastToken, batchSize));
            mine.events().complete(fetched);
            if (fetched.isEmpty()) {
                forget(request, mine);
            }
            return fetched;
        } catch (RuntimeException | Error e) {
            mine.events().completeExceptionally(e);
            forget(request, mine);
            throw e;
        }
    }

    /** The other reader's answer, or {@code null} if its query failed or took too long. */
    private static List<? extends TrackedEventData<?>> awaitQuietly(Batch batch) {
        try {
            return batch.events().get(LONGEST_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (ExecutionException | TimeoutException e) {
            return null;
        }
    }

    private void forget(BatchRequest request, Batch batch) {
        synchronized (recentBatches) {
            recentBatches.remove(request, batch);
        }
    }

    /** A batch being read or read: its events once the query is done, and when it was asked for. */
    private record Batch(CompletableFuture<List<? extends TrackedEventData<?>>> events, long askedAtNanos) {
    }

    /**
     * A batch as a processor asks for it: at most {@code size} events after {@code after} ({@code
     * null} for the start of the store). Tokens are equal only with equal gaps.
     */
    private record BatchRequest(TrackingToken after, int size) {
    }
}
