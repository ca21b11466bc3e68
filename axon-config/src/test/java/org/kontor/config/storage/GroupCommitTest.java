package org.kontor.config.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each caller returns only after a write that began after its call, and callers that arrive while a
 * write runs share the next one. The last tests run on H2 files: a copy of the file taken when the
 * call returned stands for the file a {@code kill -9} at that moment leaves behind.
 */
class GroupCommitTest {

    private static final int WAITING_CALLERS = 10;

    private final ExecutorService callers = Executors.newFixedThreadPool(WAITING_CALLERS + 1);

    @TempDir
    Path directory;

    @AfterEach
    void stopCallers() {
        callers.shutdownNow();
    }

    @Test
    void callersArrivingDuringAWrite_shareTheNextWrite() throws Exception {
        BlockingWriter writer = new BlockingWriter();
        GroupCommit commit = new GroupCommit(writer);
        Future<?> first = callers.submit(commit::awaitDurable);
        writer.awaitStart();

        List<Future<?>> waiting = new ArrayList<>();
        for (int caller = 0; caller < WAITING_CALLERS; caller++) {
            waiting.add(callers.submit(commit::awaitDurable));
        }
        awaitQueued(commit, WAITING_CALLERS);
        writer.finishOne();
        writer.awaitStart();
        writer.finishOne();
        first.get(5, TimeUnit.SECONDS);
        for (Future<?> caller : waiting) {
            caller.get(5, TimeUnit.SECONDS);
        }

        assertThat(writer.writes.get()).isEqualTo(2);
        assertThat(commit.writes()).isEqualTo(2);
        assertThat(commit.callers()).isEqualTo(WAITING_CALLERS + 1);
    }

    @Test
    void callerArrivingDuringAWrite_doesNotReturnWithThatWrite() throws Exception {
        BlockingWriter writer = new BlockingWriter();
        GroupCommit commit = new GroupCommit(writer);
        Future<?> first = callers.submit(commit::awaitDurable);
        writer.awaitStart();
        Future<?> later = callers.submit(commit::awaitDurable);
        awaitQueued(commit, 1);

        writer.finishOne();
        first.get(5, TimeUnit.SECONDS);
        writer.awaitStart();

        assertThat(later).as("its commit may not be in the write that was running").isNotDone();
        writer.finishOne();
        later.get(5, TimeUnit.SECONDS);
        assertThat(writer.writes.get()).isEqualTo(2);
    }

    @Test
    void callsOneAfterTheOther_eachWrite() {
        AtomicInteger writes = new AtomicInteger();
        GroupCommit commit = new GroupCommit(writes::incrementAndGet);

        commit.awaitDurable();
        commit.awaitDurable();

        assertThat(writes.get()).isEqualTo(2);
    }

    @Test
    void failedWrite_failsTheCaller_andTheNextCallerWritesAgain() {
        AtomicInteger attempts = new AtomicInteger();
        GroupCommit commit = new GroupCommit(() -> {
            if (attempts.incrementAndGet() == 1) {
                throw new IllegalStateException("disk full");
            }
        });

        assertThatThrownBy(commit::awaitDurable).hasMessage("disk full");
        commit.awaitDurable();

        assertThat(attempts.get()).isEqualTo(2);
        assertThat(commit.writes()).isEqualTo(1);
    }

    /**
     * H2's writer is held off (a long {@code WRITE_DELAY}) so that only the group commit can have
     * written the row: without it the row is not in the file, with it, it is.
     */
    @Test
    void committedRow_isInTheFileOnceTheCallReturns() throws Exception {
        JdbcDataSource dataSource = database("held", ";WRITE_DELAY=60000");
        try (Connection connection = dataSource.getConnection()) {
            createAndCommitRow(connection, "not yet written");
            assertThat(rowsInCopy("held", "before")).as("committed, not written").isEmpty();

            GroupCommit.of(new EventStoreFile(dataSource)).awaitDurable();

            assertThat(rowsInCopy("held", "after")).containsExactly("not yet written");
        }
    }

    /** The product's settings: an acknowledged commit is in the file at once. */
    @Test
    void withTheProductSettings_anAcknowledgedRowIsInTheFile() throws Exception {
        JdbcDataSource dataSource = database("product", EmbeddedStorageConfiguration.H2_SETTINGS);
        GroupCommit commit = GroupCommit.of(new EventStoreFile(dataSource));
        try (Connection connection = dataSource.getConnection()) {
            createAndCommitRow(connection, "acknowledged");
            commit.awaitDurable();

            assertThat(rowsInCopy("product", "copy")).containsExactly("acknowledged");
        }
    }

    private JdbcDataSource database(String name, String settings) {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:file:" + directory.resolve(name) + settings);
        dataSource.setUser("sa");
        return dataSource;
    }

    private static void createAndCommitRow(Connection connection, String value) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE entry (text VARCHAR(100))");
            // Written now: the table must be in the file, so that only the row is missing from it.
            EventStoreFile.storeOf(connection).commit();
            connection.setAutoCommit(false);
            statement.executeUpdate("INSERT INTO entry VALUES ('" + value + "')");
            connection.commit();
        }
    }

    /** Copies the file as it is now and reads the table from the copy, as H2 would after a crash. */
    private List<String> rowsInCopy(String name, String copyName) throws Exception {
        Files.copy(directory.resolve(name + ".mv.db"), directory.resolve(copyName + ".mv.db"));
        List<String> rows = new ArrayList<>();
        try (Connection copy = database(copyName, "").getConnection();
             Statement statement = copy.createStatement();
             ResultSet result = statement.executeQuery("SELECT text FROM entry")) {
            while (result.next()) {
                rows.add(result.getString(1));
            }
        }
        return rows;
    }

    private static void awaitQueued(GroupCommit commit, int callers) throws InterruptedException {
        for (int poll = 0; poll < 500 && commit.queuedCallers() < callers; poll++) {
            Thread.sleep(10);
        }
        assertThat(commit.queuedCallers()).isEqualTo(callers);
    }

    /** Holds every write until the test lets it finish, and tells when one started. */
    private static final class BlockingWriter implements GroupCommit.Writer {

        final AtomicInteger writes = new AtomicInteger();
        private final Semaphore started = new Semaphore(0);
        private final Semaphore finishes = new Semaphore(0);

        @Override
        public void writeCommitted() {
            writes.incrementAndGet();
            started.release();
            try {
                finishes.tryAcquire(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        void awaitStart() throws InterruptedException {
            assertThat(started.tryAcquire(5, TimeUnit.SECONDS)).as("a write started").isTrue();
        }

        void finishOne() {
            finishes.release();
        }
    }
}
