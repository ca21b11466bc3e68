package org.kontor.query.projection;

import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.kontor.config.axon.ProcessingGroups;
import org.kontor.config.axon.ReadModels;
import org.kontor.config.axon.RequestMetadata;
import org.kontor.config.storage.ReadStoreConfiguration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Configuration;

/**
 * Every projection keeps its token in the read store, runs without a JDBC transaction, flushes its batch at the end and stops on an
 * error instead of skipping the event: a view that silently missed an event is worse than one that
 * is visibly behind (the processor retries, and its status shows the error).
 */
@Configuration(proxyBeanMethods = false)
class ProjectionConfiguration {

    private static final String QUERY_SIDE_PACKAGE = "org.kontor.query";

    @Autowired
    void configure(EventProcessingConfigurer processing, ApplicationContext context,
                   @Qualifier(ReadStoreConfiguration.READ_MODEL_TOKEN_STORE) TokenStore readModelTokenStore,
                   ReadModels readModels) {
        processing.registerDefaultHandlerInterceptor((configuration, processorName) -> new FlushAtEndOfBatch());
        processing.registerDefaultListenerInvocationErrorHandler(configuration -> PropagatingErrorHandler.instance());
        // Every processing group of the query side is a projection: its token lives beside its view.
        ProcessingGroups.in(context).forEach((group, type) -> {
            if (type.getPackageName().startsWith(QUERY_SIDE_PACKAGE)) {
                processing.registerTokenStore(group, configuration -> readModelTokenStore);
                // Nothing of a projection is in the event store's database: a JDBC transaction per
                // batch would only hold a pooled connection that postings wait for.
                processing.registerTransactionManager(group, configuration -> NoTransactionManager.instance());
                // ...and it only keeps a view, so an administrator may rebuild it while it serves.
                readModels.register(group);
                // A projection sends no message, so its batches need no correlation data.
                processing.registerHandlerInterceptor(group, configuration -> (unitOfWork, chain) -> {
                    RequestMetadata.sendsNothing(unitOfWork);
                    return chain.proceed();
                });
            }
        });
    }
}
