package org.kontor.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * What the storage itself can do: rows shaped like Axon's {@code DomainEventEntry} inserted over
 * JDBC into a fresh H2 file database, single-threaded, each commit written to the file before the
 * next ({@code WRITE_DELAY=0}: what a command acknowledged on its own costs; the server writes the
 * commits of concurrent commands together). Rows come in
 * pairs like a journal posting: a new entry aggregate at sequence 0 and the next sequence of one of
 * twelve period aggregates, so the unique indexes see the same shape of keys.
 */
final class StorageReferenceRun {

    static final int BATCH_ROWS = 100;
    private static final long MAX_ROWS = 5_000_000;
    static final String SETTINGS = ";MODE=PostgreSQL;WRITE_DELAY=0;RETENTION_TIME=1000;DB_CLOSE_ON_EXIT=FALSE";

    static String url(Path directory, String name) {
        return "jdbc:h2:file:" + directory.toAbsolutePath().resolve(name) + SETTINGS;
    }
    private static final String TABLE = """
            CREATE TABLE DomainEventEntry (
                globalIndex BIGSERIAL NOT NULL,
                aggregateIdentifier VARCHAR(255) NOT NULL,
                sequenceNumber BIGINT NOT NULL,
                type VARCHAR(255),
                eventIdentifier VARCHAR(255) NOT NULL,
                metaData BYTEA,
                payload BYTEA NOT NULL,
                payloadRevision VARCHAR(255),
                payloadType VARCHAR(255) NOT NULL,
                timeStamp VARCHAR(255) NOT NULL,
                PRIMARY KEY (globalIndex),
                UNIQUE (aggregateIdentifier, sequenceNumber),
                UNIQUE (eventIdentifier)
            )""";
    private static final String INSERT = "INSERT INTO DomainEventEntry (aggregateIdentifier, sequenceNumber, type,"
            + " eventIdentifier, metaData, payload, payloadRevision, payloadType, timeStamp)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final byte[] payload;
    private final byte[] metaData;
    private final long[] periodSequences = new long[12];
    private long pairs;

    /**
     * Both runs (batches of 100, then a commit every 2 rows) and the product's append rate, two
     * events a posting, as a fraction of the first.
     */
    static BenchReport.StorageReference measure(Path directory, EventStoreFile sizes, double entriesPerSecond,
                                                Duration duration) throws SQLException {
        Log.info("phase 6: storage reference, payload " + sizes.postingPayloadBytes() + " B, metadata "
                + sizes.postingMetaDataBytes() + " B");
        StorageReferenceRun run = new StorageReferenceRun(sizes.postingPayloadBytes(), sizes.postingMetaDataBytes());
        String url = url(directory, "reference");
        BenchReport.InsertRun batched = run.insert(url, BATCH_ROWS, duration);
        BenchReport.InsertRun pairs = run.insert(url(directory, "reference-pairs"), 2, duration);
        Log.info("storage reference: " + batched.rowsPerSecond() + " rows/s batched, " + pairs.rowsPerSecond()
                + " rows/s two per commit");
        double productEvents = entriesPerSecond * 2;
        return new BenchReport.StorageReference(url, sizes.postingPayloadBytes(), sizes.postingMetaDataBytes(),
                List.of(batched, pairs), ClosedLoopLoad.round(productEvents),
                Math.round(productEvents / batched.rowsPerSecond() * 10_000) / 10_000.0);
    }

    StorageReferenceRun(int payloadBytes, int metaDataBytes) {
        this.payload = filler(payloadBytes);
        this.metaData = filler(metaDataBytes);
    }

    /** Rows per second with a commit after every {@code rowsPerCommit} rows, for {@code duration}. */
    BenchReport.InsertRun insert(String url, int rowsPerCommit, Duration duration) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, "sa", "")) {
            try (Statement statement = connection.createStatement()) {
                statement.execute(TABLE);
            }
            connection.setAutoCommit(false);
            long rows = 0;
            long started = System.nanoTime();
            long stopAt = started + duration.toNanos();
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                while (System.nanoTime() < stopAt && rows < MAX_ROWS) {
                    for (int row = 0; row < rowsPerCommit; row += 2) {
                        addPair(insert);
                    }
                    insert.executeBatch();
                    connection.commit();
                    rows += rowsPerCommit;
                }
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            return new BenchReport.InsertRun(rowsPerCommit, rows, ClosedLoopLoad.round(seconds),
                    ClosedLoopLoad.round(rows / seconds));
        }
    }

    private void addPair(PreparedStatement insert) throws SQLException {
        int month = (int) (pairs++ % periodSequences.length);
        add(insert, UUID.randomUUID().toString(), 0, "JournalEntry",
                "org.kontor.events.ledger.JournalEntryEvent$JournalEntryPosted");
        add(insert, "period:2025-" + String.format("%02d", month + 1), periodSequences[month]++, "LedgerPeriod",
                "org.kontor.events.ledger.LedgerPeriodEvent$EntryRecordedInPeriod");
    }

    private void add(PreparedStatement insert, String aggregate, long sequence, String type, String payloadType)
            throws SQLException {
        insert.setString(1, aggregate);
        insert.setLong(2, sequence);
        insert.setString(3, type);
        insert.setString(4, UUID.randomUUID().toString());
        insert.setBytes(5, metaData);
        insert.setBytes(6, payload);
        insert.setString(7, "1");
        insert.setString(8, payloadType);
        insert.setString(9, Instant.now().toString());
        insert.addBatch();
    }

    /** JSON-like ASCII of the given length (H2 does not compress by default, so the length is what is stored). */
    private static byte[] filler(int length) {
        byte[] bytes = new byte[Math.max(1, length)];
        byte[] pattern = "{\"account\":\"4000\",\"debitMinor\":12345,\"creditMinor\":0},"
                .getBytes(StandardCharsets.US_ASCII);
        for (int index = 0; index < bytes.length; index++) {
            bytes[index] = pattern[index % pattern.length];
        }
        return Arrays.copyOf(bytes, bytes.length);
    }
}
