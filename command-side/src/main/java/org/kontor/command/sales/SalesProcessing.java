package org.kontor.command.sales;

import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.async.SequentialPolicy;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.context.annotation.Bean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;

/**
 * Wiring of sales. The order fulfilment saga reads events of an order and of the stocks it reserves; in parallel
 * segments a stock's answer could overtake the confirmation that asked for it, so its processor
 * handles every event in one sequence.
 */
@Configuration(proxyBeanMethods = false)
class SalesProcessing {

    @Autowired
    void sequenceFulfilment(EventProcessingConfigurer processing) {
        processing.registerSequencingPolicy(OrderFulfilment.PROCESSOR, configuration -> new SequentialPolicy());
    }

    @Bean
    SalesCustomers salesCustomers(EventStore eventStore) {
        return SalesCustomers.fromEvents(eventStore);
    }
}
