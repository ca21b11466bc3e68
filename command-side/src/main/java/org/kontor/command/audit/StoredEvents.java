package org.kontor.command.audit;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.kontor.config.storage.AxonServerStorageConfiguration;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads Axon's event table directly over JDBC rather than through {@code EventStore.openStream}: the
 * audit trail shows (and hashes) the bytes as stored, before any upcaster, and the filters become
 * indexed SQL ({@code globalIndex} is the primary key, {@code (aggregateIdentifier, sequenceNumber)}
 * and {@code eventIdentifier} are unique). Every read has a row limit.
 */
@Component
@Profile("!" + AxonServerStorageConfiguration.PROFILE)
class StoredEvents {

    private static final String SELECT = "SELECT " + StoredEvent.COLUMNS + ", l.hash FROM DomainEventEntry e "
            + "LEFT JOIN AuditChainLink l ON l.globalIndex = e.globalIndex ";

    /** The most identifiers {@link #byEventIdentifiers} takes: the hash chain processor's batch size. */
    static final int MOST_IDENTIFIERS = 100;

    private final JdbcTemplate jdbc;

    StoredEvents(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    /**
     * Up to {@code limit} events after the global position {@code after}, in global order, of one
     * aggregate and one type when given. A type is the stored payload type, or its simple name.
     */
    List<StoredEvent> after(long after, String aggregateId, String type, int limit) {
        StringBuilder sql = new StringBuilder(SELECT).append("WHERE e.globalIndex > ?");
        List<Object> arguments = new ArrayList<>(List.of(after));
        if (aggregateId != null) {
            sql.append(" AND e.aggregateIdentifier = ?");
            arguments.add(aggregateId);
        }
        if (type != null) {
            sql.append(" AND (e.payloadType = ? OR e.payloadType LIKE ? OR e.payloadType LIKE ?)");
            arguments.add(type);
            arguments.add("%." + escapeLike(type));
            arguments.add("%$" + escapeLike(type));
        }
        sql.append(" ORDER BY e.globalIndex LIMIT ?");
        arguments.add(limit);
        return jdbc.query(sql.toString(), (row, number) -> StoredEvent.from(row), arguments.toArray());
    }

    /** Up to {@code limit} events of one aggregate after {@code afterSequence}, in its own order. */
    List<StoredEvent> history(String aggregateId, long afterSequence, int limit) {
        return jdbc.query(SELECT + "WHERE e.aggregateIdentifier = ? AND e.sequenceNumber > ? "
                        + "ORDER BY e.sequenceNumber LIMIT ?", (row, number) -> StoredEvent.from(row),
                aggregateId, afterSequence, limit);
    }

    Optional<StoredEvent> byEventIdentifier(String eventIdentifier) {
        return jdbc.query(SELECT + "WHERE e.eventIdentifier = ?", (row, number) -> StoredEvent.from(row),
                eventIdentifier).stream().findFirst();
    }

    /**
     * The stored events with these identifiers (at most {@value #MOST_IDENTIFIERS}), in one query by
     * the unique index on {@code eventIdentifier}; identifiers that are not stored are left out.
     */
    List<StoredEvent> byEventIdentifiers(Collection<String> eventIdentifiers) {
        if (eventIdentifiers.isEmpty()) {
            return List.of();
        }
        if (eventIdentifiers.size() > MOST_IDENTIFIERS) {
            throw new IllegalArgumentException("at most " + MOST_IDENTIFIERS + " identifiers per query, not "
                    + eventIdentifiers.size());
        }
        String placeholders = String.join(", ", Collections.nCopies(eventIdentifiers.size(), "?"));
        return jdbc.query(SELECT + "WHERE e.eventIdentifier IN (" + placeholders + ")",
                (row, number) -> StoredEvent.from(row), eventIdentifiers.toArray());
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
