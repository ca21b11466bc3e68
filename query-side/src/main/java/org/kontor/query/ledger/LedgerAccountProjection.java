package org.kontor.query.ledger;

import com.mongodb.client.MongoDatabase;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.kontor.events.ledger.LedgerAccountEvent.AccountOpened;
import org.kontor.query.projection.DocumentBatch;
import org.springframework.stereotype.Component;

/** Keeps the chart of accounts: one document per account, keyed by its code. */
@Component
@ProcessingGroup(LedgerAccountProjection.PROCESSOR)
class LedgerAccountProjection {

    static final String PROCESSOR = "ledger-accounts";
    static final String COLLECTION = "ledger_accounts";

    private final MongoDatabase readStore;

    LedgerAccountProjection(MongoDatabase readStore) {
        this.readStore = readStore;
    }

    @EventHandler
    void on(AccountOpened event, TrackingToken token) {
        DocumentBatch.current(readStore).apply(COLLECTION, event.code(), LedgerAccountProjection::codeOf, token,
                account -> {
                    account.put("name", event.name());
                    account.put("type", event.type().name());
                    account.put("parentCode", event.parentCode());
                });
    }

    @ResetHandler
    void clear() {
        readStore.getCollection(COLLECTION).drop();
    }

    private static String codeOf(Object payload) {
        return payload instanceof AccountOpened opened ? opened.code() : null;
    }
}
