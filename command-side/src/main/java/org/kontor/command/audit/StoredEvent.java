package org.kontor.command.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.kontor.config.storage.StoredTimestamps;

/**
 * One row of Axon's {@code DomainEventEntry} table exactly as stored (payload and metadata as the
 * serialized bytes), with the hash of its chain link, {@code null} while it has none yet.
 */
record StoredEvent(long globalIndex, String eventIdentifier, String aggregateIdentifier, long sequenceNumber,
                   String aggregateType, String payloadType, String payloadRevision, String timestamp,
                   byte[] payload, byte[] metadata, String hash) {

    /** The columns {@link #from} reads; {@code e} is the event table, {@code hash} comes from the link. */
    static final String COLUMNS = "e.globalIndex, e.eventIdentifier, e.aggregateIdentifier, e.sequenceNumber, "
            + "e.type, e.payloadType, e.payloadRevision, e.timeStamp, e.payload, e.metaData";

    static StoredEvent from(ResultSet row) throws SQLException {
        return new StoredEvent(row.getLong("globalIndex"), row.getString("eventIdentifier"),
                row.getString("aggregateIdentifier"), row.getLong("sequenceNumber"), row.getString("type"),
                row.getString("payloadType"), row.getString("payloadRevision"), row.getString("timeStamp"),
                row.getBytes("payload"), row.getBytes("metaData"), row.getString("hash"));
    }

    /** Read without Axon's formatter: the chain reads every row once, at the head and in a replay. */
    Instant instant() {
        return StoredTimestamps.parse(timestamp);
    }

    /** The UTC day the event happened, which decides the daily digest it belongs to. */
    LocalDate day() {
        return instant().atOffset(ZoneOffset.UTC).toLocalDate();
    }
}
