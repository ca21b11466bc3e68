package org.kontor.command.audit;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import javax.sql.DataSource;
import org.kontor.config.storage.AxonServerStorageConfiguration;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.ResultSetExtractor;
import org.springframework.stereotype.Component;

/**
 * Recomputes the hash chain from the stored rows and compares it with the links: a changed payload
 * or metadata, a row deleted, rows swapped or renumbered all change a recomputed hash, and the
 * first link that differs names the event ({@code position} = its global position). Each recomputed
 * hash feeds the next, so rewriting one link to match an altered event breaks the one after it;
 * rewriting all links from there on is what the exported daily digests catch.
 *
 * <p>The walk streams the links in chain order (constant memory, {@value #FETCH_SIZE} rows a fetch)
 * and stops at the first mismatch.
 */
@Component
@Profile("!" + AxonServerStorageConfiguration.PROFILE)
class ChainVerification {

    private static final int FETCH_SIZE = 1000;

    private final JdbcTemplate jdbc;

    ChainVerification(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.jdbc.setFetchSize(FETCH_SIZE);
    }

    /** The links of the events from global position {@code from} to {@code to} (both inclusive, optional). */
    Verification verify(Long from, Long to) {
        Long firstLink = jdbc.queryForObject("SELECT MIN(chainPosition) FROM AuditChainLink WHERE globalIndex >= ?",
                Long.class, from == null ? Long.MIN_VALUE : from);
        Long lastLink = jdbc.queryForObject("SELECT MAX(chainPosition) FROM AuditChainLink WHERE globalIndex <= ?",
                Long.class, to == null ? Long.MAX_VALUE : to);
        if (firstLink == null || lastLink == null || firstLink > lastLink) {
            return new Verification(true, null, 0);
        }
        String previousHash = firstLink == 1 ? ChainHash.GENESIS : jdbc.queryForObject(
                "SELECT hash FROM AuditChainLink WHERE chainPosition = ?", String.class, firstLink - 1);
        return jdbc.query("SELECT l.chainPosition, l.globalIndex AS linkedIndex, l.hash, " + StoredEvent.COLUMNS
                        + " FROM AuditChainLink l LEFT JOIN DomainEventEntry e ON e.globalIndex = l.globalIndex"
                        + " WHERE l.chainPosition BETWEEN ? AND ? ORDER BY l.chainPosition",
                (ResultSetExtractor<Verification>) rows -> walk(rows, previousHash), firstLink, lastLink);
    }

    /** Per UTC day, the day's events and the hash of its last link: what an auditor exports and keeps. */
    List<DayDigest> digests(LocalDate from, LocalDate to, int limit) {
        return jdbc.query("SELECT d.eventDay, d.firstPosition, d.lastPosition, d.events, l.chainPosition, l.hash"
                        + " FROM (SELECT eventDay, MIN(globalIndex) AS firstPosition, MAX(globalIndex) AS lastPosition,"
                        + " COUNT(*) AS events, MAX(chainPosition) AS lastLink FROM AuditChainLink"
                        + " WHERE eventDay >= ? AND eventDay <= ? GROUP BY eventDay ORDER BY eventDay LIMIT ?) d"
                        + " JOIN AuditChainLink l ON l.chainPosition = d.lastLink ORDER BY d.eventDay",
                (row, number) -> new DayDigest(row.getDate("eventDay").toLocalDate(), row.getLong("firstPosition"),
                        row.getLong("lastPosition"), row.getLong("events"), row.getLong("chainPosition"),
                        row.getString("hash")),
                Date.valueOf(from), Date.valueOf(to), limit);
    }

    private static Verification walk(ResultSet rows, String previousHash) throws SQLException {
        String previous = previousHash;
        long checked = 0;
        while (rows.next()) {
            long position = rows.getLong("linkedIndex");
            String expected = rows.getString("hash");
            rows.getLong("globalIndex");
            String actual = rows.wasNull() ? null : ChainHash.link(StoredEvent.from(rows), previous);
            if (!expected.equals(actual)) {
                return new Verification(false, new Mismatch(position, expected, actual), checked);
            }
            previous = actual;
            checked++;
        }
        return new Verification(true, null, checked);
    }

    /** {@code firstMismatch} is {@code null} when every checked link matched. */
    record Verification(boolean verified, Mismatch firstMismatch, long checkedEvents) {
    }

    /** {@code actual} is {@code null} when the event the link covers is no longer stored. */
    record Mismatch(long position, String expected, String actual) {
    }

    record DayDigest(LocalDate day, long firstPosition, long lastPosition, long events, long chainPosition,
                     String hash) {
    }
}
