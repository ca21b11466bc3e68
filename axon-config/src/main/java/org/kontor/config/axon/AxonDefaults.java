package org.kontor.config.axon;

import java.time.Duration;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.config.EventProcessingModule;
import org.axonframework.eventhandling.async.SequentialPerAggregatePolicy;
import org.kontor.config.error.RuleViolationInterceptor;
import org.kontor.config.storage.EventArrivals;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Defaults for every processor: pooled streaming, with batches large enough that a projection
 * writes once per batch, not once per event.
 *
 * <p>Not to be tuned under {@code axon.eventhandling.processors.<name>.*}: Axon's Spring Boot
 * configuration then registers that processor by itself, a tracking processor with batches of one
 * event unless {@code mode=pooled} is given, and with 16 segments and batches of one when it is.
 *
 * <p>One segment each by default. Axon's coordinator hands every event to every segment of its
 * processor, also the events the segment ignores, and checks each segment's queue size (a walk of
 * up to 1,024 entries) per event; with 26 processors a second segment made a full replay cost 15 %
 * more CPU (docs/benchmarks.md), and the processors already keep both cores busy.
 */
@Configuration(proxyBeanMethods = false)
public class AxonDefaults {

    /**
     * The longest a coordinator waits for its work package to take a batch. A batch that takes
     * longer has work queued for the whole wait, so giving up then costs little (Axon's 100 ms).
     */
    static final Duration HAND_OVER_LONGEST_WAIT = Duration.ofMillis(250);

    /**
     * The module that builds the processors; Axon's Spring Boot configuration makes a plain one
     * unless the application has its own. Ours settles once what Axon asks of every handler for
     * every event ({@link SettledHandlerInvoker}). Static, because this class's own autowired
     * methods take the module as their configurer.
     */
    @Bean
    static EventProcessingModule eventProcessing() {
        return new SettledProcessingModule();
    }

    @Autowired
    void interceptRuleViolations(CommandBus commandBus) {
        commandBus.registerHandlerInterceptor(new RuleViolationInterceptor());
    }

    @Autowired
    void configureProcessors(EventProcessingConfigurer processing, ApplicationContext context,
                             ObjectProvider<EventArrivals> eventArrivals,
                             @Value("${erp.processors.batch-size:1000}") int batchSize,
                             @Value("${erp.processors.segments:1}") int segments) {
        processing.usingPooledStreamingEventProcessors(
                (configuration, builder) -> builder.batchSize(batchSize).initialSegmentCount(segments));
        // On the embedded store, a processor at the head is woken when new events can be read, and
        // at once when a read waits for it (EventArrivals); Axon Server's streams do that themselves.
        EventArrivals arrivals = eventArrivals.getIfAvailable();
        // Each processor steps over the runs of events it has no handler for in one go...
        processing.configureDefaultStreamableMessageSource(
                configuration -> new SkippingMessageSource(configuration.eventStore(), null, arrivals, null));
        // ...and its coordinator waits for its work package to take a batch rather than fill the
        // work package's queue, which makes Axon's coordinator sleep 100 ms (HandOver). The stream
        // and the interceptor that reports the batches meet by the processor's name.
        ProcessingGroups.in(context).keySet().forEach(processor -> {
            HandOver handOver = new HandOver(HAND_OVER_LONGEST_WAIT);
            processing.registerPooledStreamingEventProcessorConfiguration(processor, (configuration, builder) ->
                    builder.messageSource(new SkippingMessageSource(configuration.eventStore(), handOver, arrivals,
                            processor)));
            processing.registerHandlerInterceptor(processor, configuration -> handOver.batchesTaken());
        });
        // Events about one customer come from many aggregates (interactions, orders, invoices);
        // keeping them in one sequence lets a customer's views apply them in order.
        processing.registerDefaultSequencingPolicy(configuration -> new CustomerSequencingPolicy(
                SequentialPerAggregatePolicy.instance()));
    }
}
