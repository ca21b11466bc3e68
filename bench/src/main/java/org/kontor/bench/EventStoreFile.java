package org.kontor.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Facts read straight from a stopped server's H2 event store: how many events it holds (what a
 * replay works through), how big its file is, and how big the journal posting events are (what the
 * storage reference writes). Only a stopped server's file can be opened: H2 locks it while the
 * server runs.
 */
record EventStoreFile(long events, long fileBytes, int postingPayloadBytes, int postingMetaDataBytes) {

    /** Sizes seen on this build when the data directory cannot be read (a server driven by URL). */
    static final EventStoreFile TYPICAL = new EventStoreFile(-1, -1, 330, 200);

    static EventStoreFile read(Path dataDirectory) throws SQLException, IOException {
        // Before the file is opened here: H2 compacts a file for a moment when it closes it.
        long fileBytes = Files.size(dataDirectory.toAbsolutePath().resolve("kontor.mv.db"));
        String url = "jdbc:h2:file:" + dataDirectory.toAbsolutePath().resolve("kontor") + ";MODE=PostgreSQL";
        try (Connection connection = DriverManager.getConnection(url, "sa", "");
             Statement statement = connection.createStatement()) {
            long events;
            try (ResultSet count = statement.executeQuery("SELECT COUNT(*) FROM DomainEventEntry")) {
                count.next();
                events = count.getLong(1);
            }
            try (ResultSet sizes = statement.executeQuery("SELECT AVG(LENGTH(payload)), AVG(LENGTH(metaData))"
                    + " FROM DomainEventEntry WHERE payloadType LIKE '%JournalEntryPosted'"
                    + " OR payloadType LIKE '%EntryRecordedInPeriod'")) {
                sizes.next();
                int payload = sizes.getInt(1);
                int metaData = sizes.getInt(2);
                return payload == 0 ? new EventStoreFile(events, fileBytes, TYPICAL.postingPayloadBytes,
                        TYPICAL.postingMetaDataBytes) : new EventStoreFile(events, fileBytes, payload, metaData);
            }
        }
    }
}
