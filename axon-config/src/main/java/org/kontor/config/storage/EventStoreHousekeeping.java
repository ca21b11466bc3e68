package org.kontor.config.storage;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.h2.api.ErrorCode;
import org.h2.mvstore.FileStore;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the embedded event store's file from growing without bound, and commits from slowing down
 * as it grows.
 *
 * <p>H2 keeps its data as an append-only log of chunks (its MVStore). Every write of the file is a
 * chunk of its own, 40 to 50 KiB for a posting written alone (the changed pages of the event table,
 * of its two unique indexes and of the store's own layout); {@link GroupCommit} writes the commits of
 * concurrent commands together, but under load there is still a write every few commands. H2's own
 * background thread, which could rewrite the few live pages of old chunks so that their space can be
 * reused, is kept from doing so ({@code AUTO_COMPACT_FILL_RATE=0}): its rounds are not bounded the way
 * waiting commands need. Without housekeeping, on H2 2.3.232 with a write per commit, the file grew by
 * about 50 KiB a commit (8 GiB after 150,000 commits of two rows; 2 GiB for 100,000 events of a
 * benchmark run) and commits got slower as the list of chunks grew (about 3,000 a second at first,
 * 1,400 after 150,000).
 *
 * <p>This task does that housekeeping on a schedule: after commits it forces the file to disk, then
 * lets H2 rewrite the emptiest chunks ({@link MVStore#compact}); see {@link #runOnce()}. H2 reuses
 * the space of a chunk that holds nothing live once {@code RETENTION_TIME} has passed (see {@link EmbeddedStorageConfiguration}), and
 * that must be longer than the interval between two forced writes: a chunk is only overwritten after
 * the chunks that replaced it reached the disk, which is H2's own condition for a file that still
 * opens after a power loss.
 */
final class EventStoreHousekeeping implements AutoCloseable {

    static final String FILE_SIZE_METRIC = "kontor.event_store.file.size";
    static final String FILL_RATE_METRIC = "kontor.event_store.chunks.fill";
    /** Chunks are rewritten while less than this share of the chunks' bytes is live. */
    static final int TARGET_FILL_PERCENT = 90;
    /**
     * At most this many live bytes are moved per round: commits wait while a round rewrites. With 16
     * clients committing as fast as H2 allows, 16 MiB rounds took 24 ms (median) and raised the
     * commits' p99 from 7 to 30 ms; 2 MiB rounds took 10 ms, for a p99 of 13 ms, and still kept up.
     */
    static final int MOST_BYTES_MOVED_PER_RUN = 2 << 20;
    /**
     * Commits between two rewrites, counted as versions of the store: a posting is one, a batch of a
     * policy or of the hash chain one; the first commit after a rewrite counts one more.
     */
    static final int COMMITS_BETWEEN_COMPACTIONS = 8;
    /** A file at least this large with less than {@link #MOSTLY_DEAD_FILL_PERCENT} live is compacted at start. */
    static final long MOSTLY_DEAD_FILE_BYTES = 64L << 20;
    static final int MOSTLY_DEAD_FILL_PERCENT = 50;

    private static final Logger LOG = LoggerFactory.getLogger(EventStoreHousekeeping.class);

    private final EventStoreFile file;
    private final ScheduledExecutorService schedule;
    private volatile boolean failing;
    /** Where the last round left the store: a store still there means no commit happened since. */
    private MVStore storeOfLastRound;
    private long versionAfterLastRound;
    private long commitsSinceCompaction;

    EventStoreHousekeeping(DataSource dataSource) {
        this.file = new EventStoreFile(dataSource);
        this.schedule = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "event-store-housekeeping");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Starts the housekeeping of the H2 database behind {@code dataSource}, every {@code interval},
     * which must be shorter than the database's retention time.
     */
    static EventStoreHousekeeping start(DataSource dataSource, Duration interval, Duration retention,
                                        MeterRegistry registry) {
        if (interval.isZero() || interval.isNegative() || interval.compareTo(retention) >= 0) {
            throw new IllegalArgumentException("erp.event-store.housekeeping-interval must be more than 0 and less"
                    + " than the event store's retention time of " + retention.toMillis() + " ms, not " + interval);
        }
        EventStoreHousekeeping housekeeping = new EventStoreHousekeeping(dataSource);
        housekeeping.file.open();
        Gauge.builder(FILE_SIZE_METRIC, housekeeping, EventStoreHousekeeping::fileBytes)
                .baseUnit("bytes")
                .description("Size of the embedded event store's file, free space included")
                .register(registry);
        Gauge.builder(FILL_RATE_METRIC, housekeeping, EventStoreHousekeeping::chunksFillPercent)
                .baseUnit("percent")
                .description("Share of the event store's chunk bytes that is live; housekeeping rewrites chunks below "
                        + TARGET_FILL_PERCENT)
                .register(registry);
        long millis = interval.toMillis();
        housekeeping.schedule.scheduleWithFixedDelay(housekeeping::runOnce, millis, millis, TimeUnit.MILLISECONDS);
        return housekeeping;
    }

    /**
     * One round: the file forced to disk when something was committed since the last round, and the
     * emptiest chunks rewritten once {@value #COMMITS_BETWEEN_COMPACTIONS} commits have come since
     * the last rewrite. Under load that is every round; an idle server commits a token claim now and
     * then, and H2 cannot always fill a file's chunks further: on a file written before this
     * housekeeping existed (80 % live), a rewrite every round rewrote the same pages again, about
     * 0.6 MiB a second for nothing. A failure is logged (once until a round succeeds again) and
     * never stops the schedule: housekeeping is worth retrying, and a commit never depends on it.
     */
    Round runOnce() {
        try {
            MVStore current = file.open();
            long committed = current == storeOfLastRound
                    ? current.getCurrentVersion() - versionAfterLastRound : COMMITS_BETWEEN_COMPACTIONS;
            if (committed == 0) {
                return Round.IDLE;
            }
            current.sync();
            commitsSinceCompaction += committed;
            boolean rewritten = false;
            if (commitsSinceCompaction >= COMMITS_BETWEEN_COMPACTIONS) {
                rewritten = current.compact(TARGET_FILL_PERCENT, MOST_BYTES_MOVED_PER_RUN);
                commitsSinceCompaction = 0;
            }
            storeOfLastRound = current;
            versionAfterLastRound = current.getCurrentVersion();
            failing = false;
            return rewritten ? Round.REWROTE_CHUNKS : Round.FORCED_ONLY;
        } catch (RuntimeException e) {
            if (!failing) {
                LOG.warn("Event store housekeeping failed; it is tried again in the next round", e);
            }
            failing = true;
            return Round.FAILED;
        }
    }

    /**
     * Compacts the file once, before the server opens it, when it is large and mostly dead chunks:
     * a file written before this housekeeping existed (about 20 KiB an event). Rewriting such a
     * file's chunks while the server runs does not fill them (one stayed at 80 % live, and every
     * rewrite wrote its pages again); {@code SHUTDOWN COMPACT} copies the live data into a new file
     * instead (2.0 GiB of 103,857 events became 46 MiB in 3 s). Returns whether it compacted.
     */
    static boolean compactIfMostlyDead(String jdbcUrl) {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, "sa", "")) {
            MVStore store = EventStoreFile.storeOf(connection);
            FileStore<?> file = store.getFileStore();
            if (file == null || file.size() < MOSTLY_DEAD_FILE_BYTES
                    || file.getChunksFillRate() >= MOSTLY_DEAD_FILL_PERCENT) {
                return false;
            }
            LOG.info("The event store file is {} MiB with {} % of its chunks live; compacting it before the start",
                    file.size() >> 20, file.getChunksFillRate());
            try (Statement statement = connection.createStatement()) {
                statement.execute("SHUTDOWN COMPACT");
            }
            return true;
        } catch (SQLException e) {
            if (e.getErrorCode() == ErrorCode.DATABASE_IS_CLOSED) {
                return true; // closing the connection after SHUTDOWN
            }
            throw new IllegalStateException("cannot open the event store to check its file", e);
        }
    }

    /** What a round did. */
    enum Round {
        /** Nothing committed since the last round: nothing to force, nothing new to rewrite. */
        IDLE,
        /** Forced the file to disk; too few commits since the last rewrite, or no chunk to rewrite. */
        FORCED_ONLY,
        /** Forced the file to disk and rewrote chunks. */
        REWROTE_CHUNKS,
        FAILED
    }

    long fileBytes() {
        MVStore current = file.openOrNull();
        return current == null || current.getFileStore() == null ? 0 : current.getFileStore().size();
    }

    int chunksFillPercent() {
        MVStore current = file.openOrNull();
        return current == null || current.getFileStore() == null ? 0 : current.getFileStore().getChunksFillRate();
    }

    /** Stops the schedule; a round in progress ends first (it is bounded by the bytes it may move). */
    @Override
    public void close() {
        schedule.shutdown();
        try {
            if (!schedule.awaitTermination(10, TimeUnit.SECONDS)) {
                schedule.shutdownNow();
            }
        } catch (InterruptedException e) {
            schedule.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
