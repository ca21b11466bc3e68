package org.kontor.config.storage;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import javax.sql.DataSource;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurationScopeAwareProvider;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.kontor.config.http.CommandDurability;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.context.annotation.Profile;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.DatabasePopulatorUtils;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/**
 * The embedded default: nothing to install. The event store is Axon's JDBC engine on an H2 file
 * database (built below, from the {@link DataSource} below); read models live
 * in a MongoDB-protocol server in this JVM, reached through the official driver like a real MongoDB.
 */
@Configuration(proxyBeanMethods = false)
@Profile("!" + AxonServerStorageConfiguration.PROFILE)
public class EmbeddedStorageConfiguration {

    /**
     * How long H2 keeps the space of a chunk that holds nothing live before it writes over it. H2's
     * default (45 s) held 45 s of commits' chunks, more than 1 GiB while postings ran; one second is
     * enough because {@link EventStoreHousekeeping} forces the file to disk within its interval of a
     * commit (250 ms by default, and always under this second).
     */
    static final Duration RETENTION = Duration.ofSeconds(1);

    static final String GROUP_COMMIT_CALLERS_METRIC = "kontor.event_store.group_commit.commands";
    static final String GROUP_COMMIT_WRITES_METRIC = "kontor.event_store.group_commit.writes";

    /**
     * How long a commit may stay in memory before H2's own writer writes it to the file. Commands
     * answered over HTTP do not wait for it: {@link GroupCommit} writes their commits, together,
     * before they are acknowledged. This bounds the others: tokens, sagas, the hash chain.
     */
    static final Duration WRITE_DELAY = Duration.ofMillis(100);

    /**
     * {@code WRITE_DELAY} above: commits are written in groups ({@link GroupCommit}), not one chunk
     * per commit as with {@code WRITE_DELAY=0}. {@code AUTO_COMPACT_FILL_RATE=0}: H2's writer does not
     * rewrite chunks; {@link EventStoreHousekeeping} does, in rounds bounded so that commits wait little.
     */
    static final String H2_SETTINGS = ";MODE=PostgreSQL;WRITE_DELAY=" + WRITE_DELAY.toMillis()
            + ";AUTO_COMPACT_FILL_RATE=0;RETENTION_TIME=" + RETENTION.toMillis() + ";DB_CLOSE_ON_EXIT=FALSE";

    @Bean(destroyMethod = "close")
    DataSource dataSource(@Value("${erp.data-dir:./data}") String dataDirectory,
                          @Value("${erp.h2.pool-size:10}") int poolSize) {
        Path directory = createDirectory(dataDirectory);
        HikariConfig config = new HikariConfig();
        config.setPoolName("event-store");
        String url = "jdbc:h2:file:" + directory.resolve("kontor") + H2_SETTINGS;
        EventStoreHousekeeping.compactIfMostlyDead(url);
        config.setJdbcUrl(url);
        config.setUsername("sa");
        config.setPassword("");
        config.setMaximumPoolSize(poolSize);
        HikariDataSource dataSource = new HikariDataSource(config);
        createTablesIfMissing(dataSource);
        return dataSource;
    }

    /** Without it the file grows by about 50 KiB a commit, and commits slow down as it grows. */
    @Bean(destroyMethod = "close")
    EventStoreHousekeeping eventStoreHousekeeping(DataSource dataSource, MeterRegistry registry,
                                                  @Value("${erp.event-store.housekeeping-interval:250ms}")
                                                  Duration interval) {
        return EventStoreHousekeeping.start(dataSource, interval, RETENTION, registry);
    }

    /**
     * HTTP commands are acknowledged once the chunk holding their commit is written. The two
     * counters give the commands per write: how much the grouping saves.
     */
    @Bean
    CommandDurability commandDurability(DataSource dataSource, MeterRegistry registry) {
        GroupCommit groupCommit = GroupCommit.of(new EventStoreFile(dataSource));
        FunctionCounter.builder(GROUP_COMMIT_CALLERS_METRIC, groupCommit, GroupCommit::callers)
                .description("HTTP commands that waited for the event store's file").register(registry);
        FunctionCounter.builder(GROUP_COMMIT_WRITES_METRIC, groupCommit, GroupCommit::writes)
                .description("Writes of the event store's file that HTTP commands waited for").register(registry);
        return groupCommit;
    }

    /**
     * Axon's JDBC engine as its auto-configuration builds it, but reading {@code batchSize} events
     * per query instead of 100: a replay reads the whole store once per processor, and the fewer
     * round trips, the faster it goes. The events of one aggregate are read in the same batches.
     * A token with gaps reads through {@link IndexedGapRead}, which H2 answers from its index.
     * Processors asking for the same batch share one query ({@link SharedBatchEventStorageEngine}).
     */
    @Bean
    EventStorageEngine eventStorageEngine(Serializer serializer, @Qualifier("eventSerializer") Serializer eventSerializer,
                                          PersistenceExceptionResolver persistenceExceptionResolver,
                                          org.axonframework.config.Configuration configuration,
                                          ConnectionProvider connectionProvider, TransactionManager transactionManager,
                                          @Value("${erp.event-store.batch-size:1000}") int batchSize,
                                          @Value("${erp.event-store.shared-batches:" + SharedBatchEventStorageEngine.DEFAULT_SHARED_BATCHES
                                                  + "}") int sharedBatches,
                                          EventArrivals arrivals) {
        JdbcEventStorageEngine.Builder engine = JdbcEventStorageEngine.builder()
                .snapshotSerializer(serializer)
                .upcasterChain(configuration.upcasterChain())
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .eventSerializer(eventSerializer)
                .snapshotFilter(configuration.snapshotFilter())
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .batchSize(batchSize)
                .readEventDataWithGaps(new IndexedGapRead());
        return new SharedBatchEventStorageEngine(engine, sharedBatches, System::nanoTime, arrivals);
    }

    /**
     * Wakes the processors at the head when new events can be read, at most once per
     * {@code erp.processors.head-wake-interval} each unless a read waits for one (see
     * {@link EventArrivals}).
     */
    @Bean
    EventArrivals eventArrivals(@Value("${erp.processors.head-wake-interval:500ms}") Duration interval) {
        return new EventArrivals(interval);
    }

    /**
     * The primary token store: sagas keep their tokens in the event store's database, so a saga's
     * state, its token and the deadlines it schedules commit in one transaction (exactly once).
     */
    @Bean
    @Primary
    TokenStore tokenStore(ConnectionProvider connectionProvider, Serializer serializer) {
        return JdbcTokenStore.builder().connectionProvider(connectionProvider).serializer(serializer).build();
    }

    /**
     * Durable deadlines in {@code scheduled_tasks}: Axon's auto-configured db-scheduler deadline
     * manager cannot schedule with the db-scheduler version on the class path (see
     * {@link DurableDeadlineManager}); this one replaces it and Axon's auto-configuration backs off.
     */
    @Bean
    DeadlineManager deadlineManager(Scheduler scheduler, org.axonframework.config.Configuration axon,
                                    @Qualifier("eventSerializer") Serializer serializer,
                                    TransactionManager transactionManager) {
        return new DurableDeadlineManager(scheduler, new ConfigurationScopeAwareProvider(axon), serializer,
                transactionManager);
    }

    static final String READ_STORE_DIRECT_MEMORY_METRIC = "kontor.read_store.direct_memory";

    /** The gauge: the read store's documents are outside the heap, so heap figures alone do not show them. */
    @Bean(destroyMethod = "close")
    EmbeddedReadStoreServer embeddedMongoServer(MeterRegistry registry) {
        CompactMemoryBackend backend = new CompactMemoryBackend();
        Gauge.builder(READ_STORE_DIRECT_MEMORY_METRIC, backend, CompactMemoryBackend::directMemoryBytes)
                .baseUnit("bytes")
                .description("Direct memory of the read store's documents, in use or free for reuse")
                .register(registry);
        return EmbeddedReadStoreServer.start(backend);
    }

    @Bean(destroyMethod = "close")
    MongoClient mongoClient(EmbeddedReadStoreServer embeddedMongoServer) {
        InetSocketAddress address = embeddedMongoServer.address();
        return MongoClients.create(
                DocumentWriting.settings("mongodb://" + address.getHostString() + ":" + address.getPort()));
    }

    private static Path createDirectory(String dataDirectory) {
        Path directory = Path.of(dataDirectory).toAbsolutePath().normalize();
        try {
            return Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data directory " + directory, e);
        }
    }

    /** Axon creates no tables itself; every statement here is idempotent, so a restart is harmless. */
    private static void createTablesIfMissing(DataSource dataSource) {
        ResourceDatabasePopulator populator =
                new ResourceDatabasePopulator(new ClassPathResource("db/embedded-schema.sql"));
        DatabasePopulatorUtils.execute(populator, dataSource);
    }
}
