package org.kontor.config.axon;

import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.kontor.config.error.BusinessRuleViolation;
import org.kontor.config.http.NotFoundException;
import org.kontor.config.storage.ReadModelCollections;
import org.kontor.config.storage.ReadStoreConfiguration;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Rebuilds read models, one rebuild at a time for each ({@code POST /api/admin/projections/{name}/replay}),
 * and remembers the latest rebuild of each for the status list. Only {@link ReadModels} may be rebuilt.
 */
@Component
public class ReadModelRebuilds {

    private final EventProcessingConfiguration processing;
    private final TokenStore readModelTokens;
    private final EventStore eventStore;
    private final ReadModelCollections collections;
    private final RebuildSettings settings;
    private final ReadModels readModels;
    private final Map<String, ReadModelRebuild> latest = new ConcurrentHashMap<>();
    private final ExecutorService runner = Executors.newCachedThreadPool(RebuildThreads.named("read-model-rebuild"));

    ReadModelRebuilds(EventProcessingConfiguration processing,
                      @Qualifier(ReadStoreConfiguration.READ_MODEL_TOKEN_STORE) TokenStore readModelTokens,
                      EventStore eventStore, ReadModelCollections collections, ReadModels readModels,
                      @Value("${erp.processors.batch-size:1000}") int batchSize,
                      @Value("${erp.rebuild.max-build:PT1H}") Duration maxBuild,
                      @Value("${erp.rebuild.switch-timeout:PT30S}") Duration switchTimeout,
                      @Value("${erp.rebuild.old-copy-grace:PT1S}") Duration oldCopyGrace) {
        this.processing = processing;
        this.readModelTokens = readModelTokens;
        this.eventStore = eventStore;
        this.collections = collections;
        this.readModels = readModels;
        this.settings = new RebuildSettings(batchSize, maxBuild, switchTimeout, oldCopyGrace);
    }

    /** Starts rebuilding the read model in the background and answers the rebuild. */
    public ReadModelRebuild start(String name) {
        ReadModelRebuild rebuild = begin(name);
        runner.execute(rebuild::run);
        return rebuild;
    }

    /**
     * Reserves a rebuild of the read model without starting it: the caller runs its steps (the
     * tests do, to append events between them).
     */
    public synchronized ReadModelRebuild begin(String name) {
        EventProcessor processor = processing.eventProcessors().get(name);
        if (processor == null) {
            throw new NotFoundException("projection", name);
        }
        if (!readModels.contains(name) || !(processor instanceof PooledStreamingEventProcessor live)) {
            throw new BusinessRuleViolation(ProjectionRule.NOT_A_READ_MODEL,
                    name + " is not a read model: replaying it would act on past events again.");
        }
        ReadModelRebuild running = latest.get(name);
        if (running != null && running.isActive()) {
            throw new BusinessRuleViolation(ProjectionRule.REBUILD_IN_PROGRESS,
                    name + " is being rebuilt already (" + running.state() + ").");
        }
        ReadModelRebuild rebuild = new ReadModelRebuild(name, live, readModelTokens, eventStore, collections, settings,
                Clock.systemUTC(), running == null ? null : running.oldCopyGone());
        latest.put(name, rebuild);
        return rebuild;
    }

    /** The latest rebuild of the processor, running or finished, if there was one since start. */
    public Optional<ReadModelRebuild> latestOf(String name) {
        return Optional.ofNullable(latest.get(name));
    }

    /** The application stops: a rebuild that has not switched is given up, the old copy serves on. */
    @PreDestroy
    void stop() {
        // Axon has stopped the processors by now: the rebuilds must not restart them.
        latest.values().forEach(ReadModelRebuild::abandonOnShutdown);
        runner.shutdownNow();
    }
}
