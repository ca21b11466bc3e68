package org.kontor.query.projection;

import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;

/**
 * Every projection flushes its batch at the end and stops on an error instead of skipping the
 * event: a view that silently missed an event is worse than one that is visibly behind (the
 * processor retries, and its status shows the error).
 */
@Configuration(proxyBeanMethods = false)
class ProjectionConfiguration {

    @Autowired
    void configure(EventProcessingConfigurer processing) {
        processing.registerDefaultHandlerInterceptor((configuration, processorName) -> new FlushAtEndOfBatch());
        processing.registerDefaultListenerInvocationErrorHandler(configuration -> PropagatingErrorHandler.instance());
    }
}
