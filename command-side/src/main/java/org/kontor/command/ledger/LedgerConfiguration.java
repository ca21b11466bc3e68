package org.kontor.command.ledger;

import org.axonframework.common.caching.Cache;
import org.kontor.config.axon.BoundedCache;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A period's stream holds one event per posting; the cache keeps periods in memory, so a posting
 * does not replay its month. Strong references, bounded: a weak-reference cache lost the periods at
 * every garbage collection, and each posting then replayed the month (the benchmark saw postings
 * slow from 250 to 30 a second as the book grew). A period in memory is a few hundred bytes per
 * account, so {@value #CACHED_PERIODS} periods (twenty years) cost little.
 */
@Configuration(proxyBeanMethods = false)
class LedgerConfiguration {

    static final int CACHED_PERIODS = 240;

    @Bean
    Cache ledgerPeriodCache() {
        return new BoundedCache(CACHED_PERIODS);
    }

    /** The one calendar; its stream grows with every month and every close. */
    @Bean
    Cache ledgerCalendarCache() {
        return new BoundedCache(1);
    }
}
