package org.kontor.query.purchasing;

import com.mongodb.client.MongoDatabase;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.TrackingToken;
import org.kontor.events.purchasing.SupplierEvent;
import org.kontor.events.purchasing.SupplierEvent.SupplierRegistered;
import org.kontor.query.projection.DocumentBatch;
import org.springframework.stereotype.Component;

/** One document per supplier, keyed by its id; {@code version} is the supplier's version after the event. */
@Component
@ProcessingGroup(PurchasingViews.PROCESSOR)
class SupplierProjection {

    static final String COLLECTION = "suppliers";

    private final MongoDatabase readStore;

    SupplierProjection(MongoDatabase readStore) {
        this.readStore = readStore;
    }

    @EventHandler
    void on(SupplierRegistered event, @SequenceNumber long sequenceNumber, TrackingToken token) {
        DocumentBatch.current(readStore).apply(COLLECTION, event.supplierId(), SupplierProjection::supplierIdOf, token,
                supplier -> {
                    supplier.put("name", event.name());
                    supplier.put("email", event.email());
                    supplier.put("paymentTermDays", event.paymentTermDays());
                    supplier.put("version", sequenceNumber + 1);
                });
    }

    @ResetHandler
    void clear() {
        readStore.getCollection(COLLECTION).drop();
    }

    static String supplierIdOf(Object payload) {
        return payload instanceof SupplierEvent event ? event.supplierId() : null;
    }
}
