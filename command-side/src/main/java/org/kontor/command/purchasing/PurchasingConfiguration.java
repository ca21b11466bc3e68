package org.kontor.command.purchasing;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wiring of purchasing: what it knows of suppliers, products and warehouses, and its currency. */
@Configuration(proxyBeanMethods = false)
class PurchasingConfiguration {

    @Bean
    PurchasingDirectory purchasingDirectory(EventStore eventStore) {
        return PurchasingDirectory.fromEvents(eventStore);
    }

    /** Received goods become stock, valued in the inventory currency: orders are placed in it. */
    @Bean
    PurchasingCurrency purchasingCurrency(
            @Value("${erp.inventory.currency:${erp.ledger.currency:EUR}}") String currency) {
        return new PurchasingCurrency(currency);
    }
}
