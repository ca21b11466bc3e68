package org.kontor.command.ledger;

import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.WeakReferenceCache;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A period's stream holds one event per posting; the cache keeps each period in memory while it
 * is in use, so a posting does not replay the month. Weak references: memory pressure evicts, and
 * an evicted period is simply loaded from its events again.
 */
@Configuration(proxyBeanMethods = false)
class LedgerConfiguration {

    @Bean
    Cache ledgerPeriodCache() {
        return new WeakReferenceCache();
    }
}
