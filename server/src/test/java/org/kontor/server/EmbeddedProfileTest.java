package org.kontor.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.kagkarlsson.scheduler.Scheduler;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineManager;
import org.axonframework.eventhandling.async.SequentialPolicy;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.modelling.saga.repository.SagaStore;
import org.axonframework.modelling.saga.repository.jdbc.JdbcSagaStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kontor.config.http.CommandDurability;
import org.kontor.config.storage.ReadStoreConfiguration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Without a profile Kontor needs nothing installed: events, sagas and the sagas' tokens in an H2 file
 * database under {@code erp.data-dir}; read models and the projections' tokens in the
 * MongoDB-protocol server in this JVM.
 */
@SpringBootTest(classes = KontorServer.class, properties = "server.port=0")
@DirtiesContext // closes H2 before JUnit deletes the data directory
class EmbeddedProfileTest {

    /** The processing groups of the query side's views. */
    static final List<String> PROJECTIONS = List.of("crm-customers", "crm-timeline", "crm-leads",
            "crm-opportunities", "crm-activities", "crm-cases", "crm-pipeline", "crm-campaigns", "crm-sales-days",
            "sales-orders");

    @TempDir
    static Path dataDirectory;

    @DynamicPropertySource
    static void dataDirectory(DynamicPropertyRegistry registry) {
        registry.add("erp.data-dir", () -> dataDirectory.toString());
    }

    @Autowired
    ApplicationContext context;

    @Test
    void events_are_stored_by_axon_jdbc_engine_in_an_h2_file_under_the_data_directory() throws SQLException {
        assertThat(context.getBean(EventStore.class)).isInstanceOf(EmbeddedEventStore.class);
        assertThat(context.getBean(EventStorageEngine.class)).isInstanceOf(JdbcEventStorageEngine.class);
        try (Connection connection = context.getBean(DataSource.class).getConnection()) {
            DatabaseMetaData database = connection.getMetaData();
            assertThat(database.getDatabaseProductName()).isEqualTo("H2");
            assertThat(database.getURL()).startsWith("jdbc:h2:file:" + dataDirectory.toAbsolutePath());
        }
    }

    @Test
    void sagas_and_their_tokens_share_the_event_database() {
        assertThat(context.getBean(SagaStore.class)).isInstanceOf(JdbcSagaStore.class);
        assertThat(context.getBean(TokenStore.class)).as("the primary token store, used by sagas")
                .isInstanceOf(JdbcTokenStore.class);
        assertThat(context.getBean(EventProcessingConfiguration.class).tokenStore("sales-order-fulfilment"))
                .as("the order fulfilment saga's token store").isInstanceOf(JdbcTokenStore.class);
    }

    /**
     * H2 writes commits in groups; an HTTP command is answered once the write holding its commit is
     * in the file (GroupCommitTest has the rules).
     */
    @Test
    void http_commands_are_answered_after_a_group_commit_of_the_event_database() throws SQLException {
        assertThat(context.getBean(CommandDurability.class)).isNotSameAs(CommandDurability.AT_COMMIT)
                .extracting(durability -> durability.getClass().getSimpleName()).isEqualTo("GroupCommit");
        try (Connection connection = context.getBean(DataSource.class).getConnection();
             var settings = connection.createStatement().executeQuery(
                     "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'WRITE_DELAY'")) {
            assertThat(settings.next()).isTrue();
            assertThat(settings.getString(1)).as("ms a commit may stay in memory").isEqualTo("100");
        }
        MeterRegistry registry = context.getBean(MeterRegistry.class);
        assertThat(registry.get("kontor.event_store.group_commit.commands").functionCounter()).isNotNull();
        assertThat(registry.get("kontor.event_store.group_commit.writes").functionCounter()).isNotNull();
    }

    /** Spring Security's per-filter observations cost CPU on every request and feed nothing. */
    @Test
    void requests_are_observed_but_not_each_filter_of_the_security_chain() {
        ObservationRegistry observations = context.getBean(ObservationRegistry.class);

        assertThat(Observation.createNotStarted("spring.security.filterchains", observations).isNoop()).isTrue();
        assertThat(Observation.createNotStarted("http.server.requests", observations).isNoop()).isFalse();
    }

    /** One segment: the hash chain's processor needs no customer from the payload to place an event. */
    @Test
    void the_hash_chain_takes_every_event_in_one_sequence() {
        assertThat(context.getBean(EventProcessingConfiguration.class).sequencingPolicy("audit-hash-chain"))
                .isInstanceOf(SequentialPolicy.class);
    }

    @Test
    void deadlines_are_rows_in_the_event_database() {
        assertThat(context.getBean(DeadlineManager.class)).isInstanceOf(DbSchedulerDeadlineManager.class);
        assertThat(context.getBean(Scheduler.class)).isNotNull();
    }

    @Test
    void projections_keep_their_tokens_beside_the_read_models() {
        EventProcessingConfiguration processing = context.getBean(EventProcessingConfiguration.class);
        for (String projection : PROJECTIONS) {
            assertThat(processing.tokenStore(projection)).as("token store of %s", projection)
                    .isInstanceOf(MongoTokenStore.class)
                    .isSameAs(context.getBean(ReadStoreConfiguration.READ_MODEL_TOKEN_STORE));
        }
    }
}
