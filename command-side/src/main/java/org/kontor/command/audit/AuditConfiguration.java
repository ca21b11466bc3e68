package org.kontor.command.audit;

import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.async.SequentialPolicy;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.kontor.config.axon.RequestMetadata;
import org.kontor.config.storage.AxonServerStorageConfiguration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Profile;

/**
 * The hash chain's processor: a tracking processor with one thread and one segment, so events are
 * linked one after the other in the order the store delivers them; its token is in the primary
 * token store (JDBC, {@code TokenEntry}) and its batches run in the event database's transaction,
 * so links and token commit together. An error is thrown, not logged and skipped: a skipped event would be a missing link.
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
@Profile("!" + AxonServerStorageConfiguration.PROFILE)
class AuditConfiguration {

    private static final int BATCH_SIZE = 100;

    @Autowired
    void registerChainProcessor(EventProcessingConfigurer processing, TokenStore eventDatabaseTokenStore,
                                TransactionManager eventDatabaseTransactions) {
        processing.registerTrackingEventProcessor(HashChainLinker.PROCESSOR, Configuration::eventStore,
                configuration -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                        .andInitialSegmentsCount(1)
                        .andBatchSize(BATCH_SIZE));
        processing.registerTokenStore(HashChainLinker.PROCESSOR, configuration -> eventDatabaseTokenStore);
        processing.registerTransactionManager(HashChainLinker.PROCESSOR, configuration -> eventDatabaseTransactions);
        processing.registerListenerInvocationErrorHandler(HashChainLinker.PROCESSOR,
                configuration -> PropagatingErrorHandler.instance());
        // One segment takes every event: the default policy would only deserialize each payload to
        // find a customer, and the linker hashes the stored row, not the payload.
        processing.registerSequencingPolicy(HashChainLinker.PROCESSOR, configuration -> new SequentialPolicy());
        // The linker sends no message, so its batches need no correlation data (which reads each
        // event's metadata).
        processing.registerHandlerInterceptor(HashChainLinker.PROCESSOR, configuration -> (unitOfWork, chain) -> {
            RequestMetadata.sendsNothing(unitOfWork);
            return chain.proceed();
        });
    }
}
