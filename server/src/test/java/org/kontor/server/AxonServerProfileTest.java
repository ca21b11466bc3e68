package org.kontor.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.ServerAddress;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.axonframework.axonserver.connector.command.AxonServerCommandBus;
import org.axonframework.axonserver.connector.event.axon.AxonServerEventStore;
import org.axonframework.axonserver.connector.query.AxonServerQueryBus;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.extensions.mongo.eventhandling.saga.repository.MongoSagaStore;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.modelling.saga.repository.SagaStore;
import org.axonframework.queryhandling.QueryBus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.kontor.config.storage.AxonServerStorageConfiguration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The {@code axonserver} profile switches the wiring, not the code: events and message routing
 * through Axon Server, tokens and sagas in the external MongoDB, no SQL database at all. Neither
 * Axon Server nor MongoDB runs here: Axon's connector connects lazily (it is pointed at a port
 * nobody listens on), and a MongoDB-protocol server in this JVM stands in for the replica set.
 */
@SpringBootTest(classes = KontorServer.class, properties = {
        "axon.axonserver.servers=localhost:1",
        // Creating the first administrator needs a reachable Axon Server.
        "erp.security.create-administrator=false",
        "server.port=0"})
@ActiveProfiles(AxonServerStorageConfiguration.PROFILE)
@DirtiesContext // closes the context (and its connection attempts) before the MongoDB stand-in stops
class AxonServerProfileTest {

    private static final String DATABASE = "kontor-profile-test";
    private static final MongoServer MONGO = new MongoServer(new MemoryBackend());
    private static final InetSocketAddress MONGO_ADDRESS = bindToFreeLoopbackPort(MONGO);

    /** Stops the MongoDB stand-in when the class is done, after Spring closed the context. */
    @RegisterExtension
    static final BeforeAllCallback STOP_MONGO_LAST = context -> context.getStore(ExtensionContext.Namespace.GLOBAL)
            .put(AxonServerProfileTest.class, (ExtensionContext.Store.CloseableResource) MONGO::shutdownNow);

    @DynamicPropertySource
    static void externalMongo(DynamicPropertyRegistry registry) {
        registry.add("erp.mongodb.uri", () -> "mongodb://127.0.0.1:" + MONGO_ADDRESS.getPort());
        registry.add("erp.mongodb.database", () -> DATABASE);
    }

    @Autowired
    ApplicationContext context;

    /**
     * A pooled streaming processor that finds no tokens for itself asks the event store for the
     * tail of the stream while the application starts, which would need a running Axon Server.
     * Starting the (empty) views from the beginning needs no such call; the rest connects lazily.
     */
    @TestConfiguration(proxyBeanMethods = false)
    static class NoAxonServerNeededToStart {

        @Autowired
        void startProcessorsFromTheBeginning(EventProcessingConfigurer processing) {
            processing.registerPooledStreamingEventProcessorConfiguration(
                    (configuration, builder) -> builder.initialToken(source -> null));
        }
    }

    private static InetSocketAddress bindToFreeLoopbackPort(MongoServer server) {
        server.bind("127.0.0.1", 0);
        return server.getLocalAddress();
    }

    @Test
    void events_commands_and_queries_go_through_axon_server() {
        assertThat(context.getBean(EventStore.class)).isInstanceOf(AxonServerEventStore.class);
        assertThat(context.getBean(CommandBus.class)).isInstanceOf(AxonServerCommandBus.class);
        assertThat(context.getBean(QueryBus.class)).isInstanceOf(AxonServerQueryBus.class);
    }

    @Test
    void tokens_and_sagas_live_in_mongodb_and_there_is_no_sql_database() {
        assertThat(context.getBean(TokenStore.class)).as("the primary token store, used by sagas")
                .isInstanceOf(MongoTokenStore.class);
        assertThat(context.getBean(SagaStore.class)).isInstanceOf(MongoSagaStore.class);
        EventProcessingConfiguration processing = context.getBean(EventProcessingConfiguration.class);
        for (String projection : EmbeddedProfileTest.PROJECTIONS) {
            assertThat(processing.tokenStore(projection)).as("token store of %s", projection)
                    .isInstanceOf(MongoTokenStore.class);
        }
        assertThat(context.getBeanNamesForType(DataSource.class)).isEmpty();
    }

    @Test
    void the_read_store_is_the_mongodb_named_by_erp_mongodb_uri() {
        List<ServerAddress> hosts = context.getBean(MongoClient.class).getClusterDescription()
                .getClusterSettings().getHosts();
        assertThat(hosts).containsExactly(new ServerAddress("127.0.0.1", MONGO_ADDRESS.getPort()));
        assertThat(context.getBean(MongoDatabase.class).getName()).isEqualTo(DATABASE);

        // The token store made its indexes at start-up: proof that the context really talked to it.
        try (MongoClient direct = MongoClients.create("mongodb://127.0.0.1:" + MONGO_ADDRESS.getPort())) {
            List<String> collections = direct.getDatabase(DATABASE).listCollectionNames().into(new ArrayList<>());
            assertThat(collections).contains("trackingtokens");
        }
    }
}
