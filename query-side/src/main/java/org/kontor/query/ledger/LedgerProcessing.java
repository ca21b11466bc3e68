package org.kontor.query.ledger;

import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.async.SequentialPolicy;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;

/**
 * The balance and line views are keyed by account, and every journal entry is an aggregate of its
 * own: two entries on one account must never be applied concurrently (in two segments), or one
 * month document would be read and rewritten by both. Those two views therefore handle their
 * events in one sequence. Accounts and entries are keyed by their own aggregate and keep the
 * default per-aggregate policy.
 */
@Configuration(proxyBeanMethods = false)
class LedgerProcessing {

    @Autowired
    void sequenceByLedger(EventProcessingConfigurer processing) {
        processing.registerSequencingPolicy(AccountBalanceProjection.PROCESSOR, configuration -> new SequentialPolicy());
        processing.registerSequencingPolicy(AccountLinesProjection.PROCESSOR, configuration -> new SequentialPolicy());
    }
}
