package org.kontor.config.axon;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
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

    private final ProcessorStatuses statuses;
    private final MeterRegistry registry;

    ProcessorLagMetrics(ProcessorStatuses statuses, MeterRegistry registry) {
        this.statuses = statuses;
        this.registry = registry;
    }

    /** Processors exist once Axon has started, which is before the application is ready. */
    @EventListener(ApplicationReadyEvent.class)
    void registerGauges() {
        statuses.streamingProcessors().forEach((name, processor) ->
                Gauge.builder(METRIC, processor, statuses::lag)
                        .tag("processorName", name)
                        .description("Events stored but not yet handled by the processor")
                        .register(registry));
    }
}
