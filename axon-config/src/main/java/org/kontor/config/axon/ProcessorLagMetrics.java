package org.kontor.config.axon;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * How many events each streaming processor is behind the head of the event store
 * ({@code kontor.processor.lag.events}, tagged {@code processorName}). Axon's own
 * {@code eventProcessor_latency} tells how old the last handled event was; this tells how much work
 * is left, which is what a replay's progress and a {@code consistent=true} read wait on.
 */
@Component
class ProcessorLagMetrics {

    static final String METRIC = "kontor.processor.lag.events";

    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;
    private final MeterRegistry registry;

    ProcessorLagMetrics(EventProcessingConfiguration processing, EventStore eventStore, MeterRegistry registry) {
        this.processing = processing;
        this.eventStore = eventStore;
        this.registry = registry;
    }

    /** Processors exist once Axon has started, which is before the application is ready. */
    @EventListener(ApplicationReadyEvent.class)
    void registerGauges() {
        processing.eventProcessors().forEach((name, processor) -> {
            if (processor instanceof StreamingEventProcessor streaming) {
                Gauge.builder(METRIC, streaming, this::lag)
                        .tag("processorName", name)
                        .description("Events stored but not yet handled by the processor")
                        .register(registry);
            }
        });
    }

    private double lag(StreamingEventProcessor processor) {
        long head = position(eventStore.createHeadToken());
        long slowest = processor.processingStatus().values().stream()
                .mapToLong(status -> status.getCurrentPosition().orElse(-1))
                .min()
                .orElse(-1);
        return Math.max(0, head - slowest);
    }

    private static long position(TrackingToken token) {
        return token == null ? -1 : token.position().orElse(-1);
    }
}
