package org.kontor.config.axon;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Every event processor reports through a {@link ProcessorMonitor}. Axon's Micrometer module stays
 * in charge of the command, query and event buses: a monitor registered for the type
 * {@code EventProcessor} takes precedence over its default for every processor.
 */
@Configuration(proxyBeanMethods = false)
public class ProcessorMonitoring {

    @Bean
    ConfigurerModule processorMonitors(MeterRegistry registry) {
        return configurer -> configurer.configureMessageMonitor(EventProcessor.class,
                (configuration, componentType, processorName) ->
                        new ProcessorMonitor(processorName, registry, Clock.systemUTC()));
    }
}
