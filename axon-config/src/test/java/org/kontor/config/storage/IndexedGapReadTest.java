package org.kontor.config.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.ScriptUtils;

class IndexedGapReadTest {

    private static final EventSchema SCHEMA = EventSchema.builder().build();

    private Connection connection;

    @BeforeEach
    void eventTable() throws SQLException {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:" + UUID.randomUUID() + EmbeddedStorageConfiguration.H2_SETTINGS);
        connection = dataSource.getConnection();
        ScriptUtils.executeSqlScript(connection, new ClassPathResource("db/embedded-schema.sql"));
    }

    @AfterEach
    void close() throws SQLException {
        connection.close();
    }

    @Test
    void tokenWithGaps_readsTheGapsAndTheNextBatchInOrderOfTheGlobalIndex() throws SQLException {
        storeEvents(20);

        List<Long> read = globalIndexes(new IndexedGapRead().build(connection, SCHEMA, 10, 5, List.of(3L, 7L)));

        assertThat(read).containsExactly(3L, 7L, 11L, 12L, 13L, 14L, 15L);
    }

    @Test
    void tokenWithGapsPastTheEnd_readsWhatIsThere() throws SQLException {
        storeEvents(12);

        List<Long> read = globalIndexes(new IndexedGapRead().build(connection, SCHEMA, 10, 5, List.of(9L, 40L)));

        assertThat(read).containsExactly(9L, 11L, 12L);
    }

    @Test
    void tokenWithoutGaps_readsTheNextBatch() throws SQLException {
        storeEvents(8);

        List<Long> read = globalIndexes(new IndexedGapRead().build(connection, SCHEMA, 5, 5, List.of()));

        assertThat(read).containsExactly(6L, 7L, 8L);
    }

    /** The reason the statement exists: Axon's {@code OR} form makes H2 scan the whole table. */
    @Test
    void plan_bothPartsReadThePrimaryKeyNotTheWholeTable() throws SQLException {
        storeEvents(20);

        String plan;
        try (PreparedStatement explain = connection.prepareStatement("EXPLAIN " + IndexedGapRead.sql(SCHEMA, 2))) {
            explain.setLong(1, 10);
            explain.setLong(2, 15);
            explain.setLong(3, 3);
            explain.setLong(4, 7);
            try (ResultSet result = explain.executeQuery()) {
                result.next();
                plan = result.getString(1).toUpperCase();
            }
        }

        assertThat(plan).containsPattern("PRIMARY_KEY_\\w+: GLOBALINDEX > \\?1\\s+AND GLOBALINDEX <= \\?2")
                .containsPattern("PRIMARY_KEY_\\w+: GLOBALINDEX IN\\(\\?3, \\?4\\)")
                .doesNotContain("TABLESCAN");
    }

    private void storeEvents(int count) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO DomainEventEntry (aggregateIdentifier,"
                + " sequenceNumber, type, eventIdentifier, payload, payloadType, timeStamp)"
                + " VALUES (?, 0, 'Test', ?, ?, 'test.Event', '2026-11-26T12:00:00Z')")) {
            for (int i = 0; i < count; i++) {
                insert.setString(1, UUID.randomUUID().toString());
                insert.setString(2, UUID.randomUUID().toString());
                insert.setBytes(3, "{}".getBytes());
                insert.executeUpdate();
            }
        }
    }

    private static List<Long> globalIndexes(PreparedStatement statement) throws SQLException {
        List<Long> indexes = new ArrayList<>();
        try (statement; ResultSet result = statement.executeQuery()) {
            while (result.next()) {
                indexes.add(result.getLong(SCHEMA.globalIndexColumn()));
            }
        }
        return indexes;
    }
}
