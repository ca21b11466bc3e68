package org.kontor.config.axon;

import org.axonframework.config.Configuration;
import org.axonframework.config.EventProcessingConfigurer.PooledStreamingProcessorConfiguration;
import org.axonframework.config.EventProcessingModule;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.StreamableMessageSource;

/**
 * Axon's event processing module, building every pooled processor around a
 * {@link SettledHandlerInvoker}. Every pooled processor, whichever way it was registered, is built
 * by the method overridden here; Axon's Spring Boot configuration uses this module because the
 * application defines one ({@link AxonDefaults#eventProcessing()}).
 */
final class SettledProcessingModule extends EventProcessingModule {

    @Override
    protected EventProcessor pooledStreamingEventProcessor(String name, EventHandlerInvoker eventHandlerInvoker,
                                                           Configuration config,
                                                           StreamableMessageSource<TrackedEventMessage<?>> messageSource,
                                                           PooledStreamingProcessorConfiguration processorConfiguration) {
        return super.pooledStreamingEventProcessor(name, SettledHandlerInvoker.of(eventHandlerInvoker), config,
                messageSource, processorConfiguration);
    }
}
