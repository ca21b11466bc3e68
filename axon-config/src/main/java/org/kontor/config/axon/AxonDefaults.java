package org.kontor.config.axon;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.async.SequentialPerAggregatePolicy;
import org.kontor.config.error.RuleViolationInterceptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;

/**
 * Defaults for every processor: pooled streaming, with batches large enough that a projection
 * writes once per batch, not once per event. A processor is tuned by name under
 * {@code axon.eventhandling.processors.<name>.*}.
 *
 * <p>One segment each by default. Axon's coordinator hands every event to every segment of its
 * processor, also the events the segment ignores, and checks each segment's queue size (a walk of
 * up to 1,024 entries) per event; with 26 processors a second segment made a full replay cost 15 %
 * more CPU (docs/benchmarks.md), and the processors already keep both cores busy.
 */
@Configuration(proxyBeanMethods = false)
public class AxonDefaults {

    @Autowired
    void interceptRuleViolations(CommandBus commandBus) {
        commandBus.registerHandlerInterceptor(new RuleViolationInterceptor());
    }

    @Autowired
    void configureProcessors(EventProcessingConfigurer processing,
                             @Value("${erp.processors.batch-size:1000}") int batchSize,
                             @Value("${erp.processors.segments:1}") int segments) {
        processing.usingPooledStreamingEventProcessors(
                (configuration, builder) -> builder.batchSize(batchSize).initialSegmentCount(segments));
        // Each processor steps over the runs of events it has no handler for in one go.
        processing.configureDefaultStreamableMessageSource(
                configuration -> new SkippingMessageSource(configuration.eventStore()));
        // Events about one customer come from many aggregates (interactions, orders, invoices);
        // keeping them in one sequence lets a customer's views apply them in order.
        processing.registerDefaultSequencingPolicy(configuration -> new CustomerSequencingPolicy(
                SequentialPerAggregatePolicy.instance()));
    }
}
