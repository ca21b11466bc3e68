package org.kontor.query.openitems;

import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.async.SequentialPerAggregatePolicy;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;

/**
 * A supplier's party document is changed by the supplier's events and by every one of its bills',
 * which are different aggregates: the payables processor sequences its events by supplier, so two
 * of them never change one document concurrently in parallel segments.
 */
@Configuration(proxyBeanMethods = false)
class PayablesProcessing {

    @Autowired
    void sequenceBySupplier(EventProcessingConfigurer processing) {
        processing.registerSequencingPolicy(PayablesProjection.PROCESSOR, configuration -> event -> {
            String supplierId = PayablesProjection.supplierOf(event.getPayload());
            return supplierId != null ? supplierId
                    : SequentialPerAggregatePolicy.instance().getSequenceIdentifierFor(event);
        });
    }
}
