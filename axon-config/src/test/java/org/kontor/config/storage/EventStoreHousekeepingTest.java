package org.kontor.config.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kontor.config.storage.EventStoreHousekeeping.Round;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.ScriptUtils;

/**
 * Against H2 files with the product's settings. The rounds wait out the retention time (1 s): H2
 * only reuses a chunk's space that long after it stopped holding anything live.
 */
class EventStoreHousekeepingTest {

    private static final int ROUNDS = 4;
    private static final int COMMITS_PER_ROUND = 400;
    private static final long PAST_THE_RETENTION_MS = EmbeddedStorageConfiguration.RETENTION.toMillis() + 300;

    @TempDir
    Path directory;

    @Test
    void roundsBetweenCommits_keepTheFileFromGrowingByAChunkPerCommit() throws Exception {
        JdbcDataSource without = eventStore("without");
        JdbcDataSource with = eventStore("with");
        try (Connection plain = without.getConnection(); Connection kept = with.getConnection();
             EventStoreHousekeeping housekeeping = new EventStoreHousekeeping(with)) {
            appendPostings(plain, COMMITS_PER_ROUND);
            appendPostings(kept, COMMITS_PER_ROUND);
            long plainAfterFirst = fileSize("without");
            long keptAfterFirst = fileSize("with");
            int rewritingRounds = 0;
            for (int round = 1; round < ROUNDS; round++) {
                Thread.sleep(PAST_THE_RETENTION_MS);
                rewritingRounds += housekeeping.runOnce() == Round.REWROTE_CHUNKS ? 1 : 0;
                appendPostings(plain, COMMITS_PER_ROUND);
                appendPostings(kept, COMMITS_PER_ROUND);
            }

            long plainGrowth = fileSize("without") - plainAfterFirst;
            long keptGrowth = fileSize("with") - keptAfterFirst;
            assertThat(rewritingRounds).isEqualTo(ROUNDS - 1);
            assertThat(keptGrowth).isLessThan(plainGrowth / 3);
            assertThat(housekeeping.fileBytes()).isEqualTo(fileSize("with"));
            assertThat(rowCount(kept)).isEqualTo(2L * ROUNDS * COMMITS_PER_ROUND);
        }
    }

    @Test
    void aRound_raisesTheShareOfLiveBytesInTheChunks() throws Exception {
        JdbcDataSource dataSource = eventStore("fill");
        try (Connection connection = dataSource.getConnection();
             EventStoreHousekeeping housekeeping = new EventStoreHousekeeping(dataSource)) {
            appendPostings(connection, COMMITS_PER_ROUND);
            Thread.sleep(PAST_THE_RETENTION_MS);
            housekeeping.runOnce();
            int before = housekeeping.chunksFillPercent();

            Thread.sleep(PAST_THE_RETENTION_MS);
            housekeeping.runOnce();
            appendPostings(connection, 1);

            assertThat(before).isLessThan(EventStoreHousekeeping.TARGET_FILL_PERCENT);
            assertThat(housekeeping.chunksFillPercent()).isGreaterThan(before);
        }
    }

    @Test
    void roundsWithoutACommitSinceTheLastRound_doNothing() throws Exception {
        JdbcDataSource dataSource = eventStore("idle");
        try (Connection connection = dataSource.getConnection();
             EventStoreHousekeeping housekeeping = new EventStoreHousekeeping(dataSource)) {
            appendPostings(connection, 10);
            Thread.sleep(PAST_THE_RETENTION_MS);
            housekeeping.runOnce();
            long writesBefore = writes(connection);

            List<Round> later = new ArrayList<>();
            for (int round = 0; round < 20; round++) {
                later.add(housekeeping.runOnce());
            }

            assertThat(later).containsOnly(Round.IDLE);
            assertThat(writes(connection)).isEqualTo(writesBefore);
        }
    }

    /** More chunks to rewrite than one round may move, so that only the count of commits decides. */
    @Test
    void fewCommitsSinceTheLastRewrite_onlyForceTheFile() throws Exception {
        JdbcDataSource dataSource = eventStore("few");
        try (Connection connection = dataSource.getConnection();
             EventStoreHousekeeping housekeeping = new EventStoreHousekeeping(dataSource)) {
            appendPostings(connection, 8 * COMMITS_PER_ROUND); // about 5 MiB live, more than two rounds move
            Thread.sleep(PAST_THE_RETENTION_MS);
            Round first = housekeeping.runOnce();

            appendPostings(connection, 3);
            Round afterFewCommits = housekeeping.runOnce();
            appendPostings(connection, EventStoreHousekeeping.COMMITS_BETWEEN_COMPACTIONS);
            Round afterEnoughCommits = housekeeping.runOnce();

            assertThat(first).isEqualTo(Round.REWROTE_CHUNKS);
            assertThat(afterFewCommits).isEqualTo(Round.FORCED_ONLY);
            assertThat(afterEnoughCommits).isEqualTo(Round.REWROTE_CHUNKS);
        }
    }

    /** H2 closes a database when its last connection closes; the next connection opens a new store. */
    @Test
    void databaseClosedAndOpenedAgain_theNextRoundWorksOnTheNewStore() throws Exception {
        JdbcDataSource dataSource = eventStore("reopened");
        try (EventStoreHousekeeping housekeeping = new EventStoreHousekeeping(dataSource)) {
            try (Connection first = dataSource.getConnection()) {
                appendPostings(first, 10);
                housekeeping.runOnce();
            }
            assertThat(housekeeping.fileBytes()).isZero();

            try (Connection second = dataSource.getConnection()) {
                appendPostings(second, 10);
                housekeeping.runOnce();

                assertThat(housekeeping.fileBytes()).isEqualTo(fileSize("reopened"));
                assertThat(rowCount(second)).isEqualTo(40);
            }
        }
    }

    /**
     * As a file written before the housekeeping existed: no rounds, about 50 KiB a commit, and not
     * compacted on close (H2 spends up to 200 ms on that by default, which shrank this small file
     * on one machine; a file of gigabytes stays as it is).
     */
    @Test
    void largeFileOfMostlyDeadChunks_isCompactedBeforeTheStart() throws Exception {
        JdbcDataSource dataSource = eventStore("dead");
        JdbcDataSource withoutCompactionOnClose = new JdbcDataSource();
        withoutCompactionOnClose.setURL(dataSource.getURL() + ";MAX_COMPACT_TIME=0");
        withoutCompactionOnClose.setUser("sa");
        long commits = 0;
        try (Connection connection = withoutCompactionOnClose.getConnection()) {
            // How much file a commit leaves depends on how much space H2 could reuse meanwhile (its
            // retention time is 1 s), so on the machine's speed: 6 rounds left 61 MiB in one CI
            // run and more than 64 MiB in the others. More rounds follow until the file is past it.
            for (int round = 0; round < 24; round++) {
                if (round >= 6 && fileSize("dead") > EventStoreHousekeeping.MOSTLY_DEAD_FILE_BYTES) {
                    break;
                }
                appendPostings(connection, COMMITS_PER_ROUND);
                commits += COMMITS_PER_ROUND;
            }
        }
        long before = fileSize("dead");

        boolean compacted = EventStoreHousekeeping.compactIfMostlyDead(dataSource.getURL());

        assertThat(before).isGreaterThan(EventStoreHousekeeping.MOSTLY_DEAD_FILE_BYTES);
        assertThat(compacted).isTrue();
        assertThat(fileSize("dead")).isLessThan(before / 10);
        try (Connection connection = dataSource.getConnection()) {
            assertThat(rowCount(connection)).isEqualTo(2L * commits);
        }
    }

    @Test
    void smallFile_isLeftAsItIs() throws Exception {
        JdbcDataSource dataSource = eventStore("small");
        try (Connection connection = dataSource.getConnection()) {
            appendPostings(connection, 10);
        }

        assertThat(EventStoreHousekeeping.compactIfMostlyDead(dataSource.getURL())).isFalse();
    }

    @Test
    void intervalNotShorterThanTheRetention_isRefused() {
        JdbcDataSource dataSource = eventStore("refused");

        assertThatThrownBy(() -> EventStoreHousekeeping.start(dataSource, Duration.ofSeconds(1),
                Duration.ofSeconds(1), new SimpleMeterRegistry()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("erp.event-store.housekeeping-interval");
    }

    @Test
    void started_reportsTheFileSizeAndTheFillRate() throws Exception {
        JdbcDataSource dataSource = eventStore("gauges");
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (Connection connection = dataSource.getConnection();
             EventStoreHousekeeping ignored = EventStoreHousekeeping.start(dataSource, Duration.ofMillis(100),
                     EmbeddedStorageConfiguration.RETENTION, registry)) {
            appendPostings(connection, 10);

            assertThat(registry.get(EventStoreHousekeeping.FILE_SIZE_METRIC).gauge().value())
                    .isEqualTo((double) fileSize("gauges"));
            assertThat(registry.get(EventStoreHousekeeping.FILL_RATE_METRIC).gauge().value()).isBetween(1.0, 100.0);
        }
    }

    private JdbcDataSource eventStore(String name) {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:file:" + directory.resolve(name) + EmbeddedStorageConfiguration.H2_SETTINGS);
        dataSource.setUser("sa"); // as the server's pool
        try (Connection connection = dataSource.getConnection()) {
            ScriptUtils.executeSqlScript(connection, new ClassPathResource("db/embedded-schema.sql"));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return dataSource;
    }

    /**
     * As postings do: one transaction with two event rows of the sizes the benchmark measured, each
     * acknowledged after its own write of the file, as one client posting after the other is.
     */
    private static void appendPostings(Connection connection, int commits) throws SQLException {
        connection.setAutoCommit(false);
        byte[] payload = new byte[337];
        byte[] metaData = new byte[334];
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO DomainEventEntry (aggregateIdentifier,"
                + " sequenceNumber, type, eventIdentifier, metaData, payload, payloadType, timeStamp)"
                + " VALUES (?, ?, 'JournalEntry', ?, ?, ?, 'Posted', '2026-11-26T00:00:00Z')")) {
            for (int commit = 0; commit < commits; commit++) {
                String aggregate = UUID.randomUUID().toString();
                for (int sequence = 0; sequence < 2; sequence++) {
                    insert.setString(1, aggregate);
                    insert.setLong(2, sequence);
                    insert.setString(3, UUID.randomUUID().toString());
                    insert.setBytes(4, metaData);
                    insert.setBytes(5, payload);
                    insert.addBatch();
                }
                insert.executeBatch();
                connection.commit();
                EventStoreFile.storeOf(connection).commit();
            }
        }
    }

    private static long rowCount(Connection connection) throws SQLException {
        try (var count = connection.createStatement().executeQuery("SELECT COUNT(*) FROM DomainEventEntry")) {
            count.next();
            return count.getLong(1);
        }
    }

    /** How many times H2 has written to the file since it was opened. */
    private static long writes(Connection connection) throws SQLException {
        return ((org.h2.engine.SessionLocal) connection.unwrap(org.h2.jdbc.JdbcConnection.class).getSession())
                .getDatabase().getStore().getMvStore().getFileStore().getWriteCount();
    }

    private long fileSize(String name) throws Exception {
        return Files.size(directory.resolve(name + ".mv.db"));
    }
}
