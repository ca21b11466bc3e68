package org.kontor.query.inventory;

import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.async.SequentialPolicy;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;

/**
 * A stock's view needs its product (for the cost method) before its first movement, and a transfer
 * touches two stocks: products, stocks and movements are different aggregates, so the inventory view
 * handles its events in one sequence rather than per aggregate in parallel segments.
 */
@Configuration(proxyBeanMethods = false)
class InventoryProcessing {

    @Autowired
    void sequenceInventory(EventProcessingConfigurer processing) {
        processing.registerSequencingPolicy(InventoryProjection.PROCESSOR, configuration -> new SequentialPolicy());
    }
}
