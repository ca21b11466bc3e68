package org.kontor.config.storage;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;

/**
 * The H2 store (MVStore) behind the event store's pool. H2 has no SQL statement for what the
 * housekeeping and the group commit need, so they reach the store through its engine's own
 * classes, from a connection of the pool.
 */
final class EventStoreFile {

    private final DataSource dataSource;
    /** H2 closes the database when the pool's last connection closes, and a new connection opens a new store. */
    private volatile MVStore store;

    EventStoreFile(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The open store; opens the database again when H2 closed it. */
    MVStore open() {
        MVStore current = store;
        if (current != null && !current.isClosed()) {
            return current;
        }
        try (Connection connection = dataSource.getConnection()) {
            current = storeOf(connection);
            store = current;
            return current;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reach the H2 store of the event store", e);
        }
    }

    /** The store as last opened, or {@code null} when it is closed or was never opened: for gauges. */
    MVStore openOrNull() {
        MVStore current = store;
        return current == null || current.isClosed() ? null : current;
    }

    static MVStore storeOf(Connection connection) throws SQLException {
        SessionLocal session = (SessionLocal) connection.unwrap(JdbcConnection.class).getSession();
        return session.getDatabase().getStore().getMvStore();
    }
}
