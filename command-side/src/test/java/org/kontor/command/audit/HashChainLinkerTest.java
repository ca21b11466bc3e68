package org.kontor.command.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.RollbackConfigurationType;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.init.ScriptUtils;

/** The linker against H2 with the embedded schema, fed batches the way its tracking processor feeds them. */
class HashChainLinkerTest {

    private final List<String> statements = new ArrayList<>();
    private Connection keepOpen;
    private DataSource dataSource;
    private JdbcTemplate jdbc;
    private StoredEvents events;
    private HashChainLinker linker;

    @BeforeEach
    void eventDatabase() throws SQLException {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";MODE=PostgreSQL");
        keepOpen = h2.getConnection();
        ScriptUtils.executeSqlScript(keepOpen, new ClassPathResource("db/embedded-schema.sql"));
        dataSource = countingStatements(h2);
        jdbc = new JdbcTemplate(h2);
        events = new StoredEvents(dataSource);
        linker = new HashChainLinker(events, dataSource);
    }

    @AfterEach
    void close() throws SQLException {
        keepOpen.close();
    }

    @Test
    void batch_linksItsEventsInOrderReadingTheirRowsAndTheLastLinkOnce() {
        List<EventMessage<?>> batch = store("e1", "e2", "e3", "e4", "e5");
        List<StoredEvent> unlinked = rows("e1", "e2", "e3", "e4", "e5");

        handle(batch);

        String previous = ChainHash.GENESIS;
        List<Map<String, Object>> links = links();
        assertThat(links).hasSize(5);
        for (int i = 0; i < 5; i++) {
            String expected = ChainHash.link(unlinked.get(i), previous);
            assertThat(links.get(i)).containsEntry("CHAINPOSITION", (long) i + 1)
                    .containsEntry("GLOBALINDEX", unlinked.get(i).globalIndex())
                    .containsEntry("HASH", expected);
            previous = expected;
        }
        assertThat(statements).filteredOn(sql -> sql.contains("FROM DomainEventEntry")).hasSize(1);
        assertThat(statements).filteredOn(sql -> sql.contains("ORDER BY chainPosition DESC")).hasSize(1);
    }

    @Test
    void nextBatch_continuesTheChainFromTheStoredLastLink() {
        handle(store("e1", "e2", "e3"));
        String third = (String) links().get(2).get("HASH");

        handle(store("e4", "e5"));

        List<Map<String, Object>> links = links();
        assertThat(links).extracting(link -> link.get("CHAINPOSITION")).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(links.get(3)).containsEntry("HASH", ChainHash.link(rows("e4").get(0), third));
    }

    @Test
    void redeliveredBatch_addsNoLink() {
        List<EventMessage<?>> batch = store("e1", "e2", "e3");
        handle(batch);
        List<Map<String, Object>> before = links();

        handle(batch);

        assertThat(links()).isEqualTo(before);
    }

    /** A redelivery may overlap: the linked part is skipped, the rest continues the chain. */
    @Test
    void batchPartlyLinkedBefore_linksOnlyTheRest() {
        handle(store("e1", "e2"));
        List<EventMessage<?>> overlapping = new ArrayList<>(messages("e1", "e2"));
        overlapping.addAll(store("e3"));

        handle(overlapping);

        assertThat(links()).extracting(link -> link.get("GLOBALINDEX")).containsExactly(1L, 2L, 3L);
    }

    /** The linker hashes the stored row: it links events whose payload no class of this version reads. */
    @Test
    void eventsWhosePayloadCannotBeRead_areLinked() {
        List<EventMessage<?>> unreadable = store("e1", "e2").stream().map(HashChainLinkerTest::withUnreadablePayload)
                .toList();

        handle(unreadable);

        assertThat(links()).extracting(link -> link.get("GLOBALINDEX")).containsExactly(1L, 2L);
    }

    private static EventMessage<?> withUnreadablePayload(EventMessage<?> message) {
        return (EventMessage<?>) Proxy.newProxyInstance(EventMessage.class.getClassLoader(),
                new Class<?>[] {EventMessage.class}, (proxy, method, arguments) -> {
                    if (method.getName().equals("getPayload")) {
                        throw new IllegalStateException("payload of " + message.getIdentifier() + " cannot be read");
                    }
                    try {
                        return method.invoke(message, arguments);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private void handle(List<EventMessage<?>> batch) {
        statements.clear();
        BatchingUnitOfWork<EventMessage<?>> unitOfWork = new BatchingUnitOfWork<>(batch);
        unitOfWork.executeWithResult(() -> {
            linker.on(unitOfWork.getMessage());
            return null;
        }, RollbackConfigurationType.ANY_THROWABLE);
    }

    /** Stores one event row per identifier, as Axon's engine would, and returns their messages. */
    private List<EventMessage<?>> store(String... identifiers) {
        for (String identifier : identifiers) {
            jdbc.update("INSERT INTO DomainEventEntry (aggregateIdentifier, sequenceNumber, type, eventIdentifier,"
                            + " metaData, payload, payloadType, timeStamp) VALUES (?, 0, 'Customer', ?, ?, ?, 'Registered',"
                            + " '2026-11-26T10:00:00Z')",
                    "customer-" + identifier, identifier, "{}".getBytes(), ("{\"id\":\"" + identifier + "\"}").getBytes());
        }
        return messages(identifiers);
    }

    private static List<EventMessage<?>> messages(String... identifiers) {
        List<EventMessage<?>> messages = new ArrayList<>();
        for (String identifier : identifiers) {
            messages.add(new GenericEventMessage<>(identifier, "payload of " + identifier, Map.of(),
                    java.time.Instant.parse("2026-11-26T10:00:00Z")));
        }
        return messages;
    }

    private List<StoredEvent> rows(String... identifiers) {
        List<StoredEvent> rows = new ArrayList<>();
        for (String identifier : identifiers) {
            rows.add(events.byEventIdentifier(identifier).orElseThrow());
        }
        return rows;
    }

    private List<Map<String, Object>> links() {
        return jdbc.queryForList("SELECT chainPosition, globalIndex, hash FROM AuditChainLink ORDER BY chainPosition");
    }

    /** Notes the SQL of every statement prepared through it. */
    private DataSource countingStatements(JdbcDataSource target) {
        return (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, arguments) -> {
                    Object result = invoke(method, target, arguments);
                    return result instanceof Connection connection ? counting(connection) : result;
                });
    }

    private Connection counting(Connection connection) {
        return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, arguments) -> {
                    if (method.getName().startsWith("prepare") && arguments != null && arguments[0] instanceof String sql) {
                        statements.add(sql);
                    }
                    Object result = invoke(method, connection, arguments);
                    return method.getName().equals("createStatement") ? counting((Statement) result) : result;
                });
    }

    /** A query without parameters runs through a plain statement. */
    private Statement counting(Statement statement) {
        return (Statement) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Statement.class},
                (proxy, method, arguments) -> {
                    if (method.getName().startsWith("execute") && arguments != null && arguments[0] instanceof String sql) {
                        statements.add(sql);
                    }
                    return invoke(method, statement, arguments);
                });
    }

    private static Object invoke(java.lang.reflect.Method method, Object target, Object[] arguments) throws Throwable {
        try {
            return method.invoke(target, arguments);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
