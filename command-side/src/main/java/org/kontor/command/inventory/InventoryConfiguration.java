package org.kontor.command.inventory;

import org.axonframework.common.caching.Cache;
import org.kontor.config.axon.BoundedCache;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A stock's stream holds one event per movement and the stock values every new movement over its
 * whole history, so stocks are kept in memory (strong references, bounded, as the ledger's periods):
 * a movement then does not replay its stock's stream from the store.
 */
@Configuration(proxyBeanMethods = false)
class InventoryConfiguration {

    static final int CACHED_STOCKS = 10_000;

    @Bean
    Cache stockCache() {
        return new BoundedCache(CACHED_STOCKS);
    }
}
