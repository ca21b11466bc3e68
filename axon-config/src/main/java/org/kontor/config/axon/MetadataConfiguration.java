package org.kontor.config.axon;

import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Replaces Axon's default correlation data (which would overwrite {@code correlationId} with a
 * message id) by {@link RequestMetadata}. Kept apart from {@link AxonDefaults}, which needs the
 * Axon configuration this bean goes into.
 */
@Configuration(proxyBeanMethods = false)
public class MetadataConfiguration {

    @Bean
    CorrelationDataProvider requestMetadata() {
        return new RequestMetadata();
    }
}
