package org.kontor.command.purchasing;

import java.util.Optional;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.kontor.events.inventory.ProductEvent;
import org.kontor.events.inventory.ProductEvent.ProductRegistered;
import org.kontor.events.inventory.WarehouseEvent;
import org.kontor.events.inventory.WarehouseEvent.WarehouseOpened;
import org.kontor.events.purchasing.SupplierEvent;
import org.kontor.events.purchasing.SupplierEvent.SupplierRegistered;

/**
 * What purchasing needs to know before it accepts an order or a receipt: its own suppliers, and
 * inventory's products and warehouses, so that goods it records as received can always be received
 * into stock (inventory would refuse an unknown product or warehouse, after the fact).
 */
interface PurchasingDirectory {

    /** The supplier as registered, if it was. */
    Optional<SupplierRegistered> supplier(String supplierId);

    boolean productExists(String sku);

    boolean warehouseExists(String warehouseId);

    /**
     * Reads the first event of each stream (events are the contract between the contexts, and
     * none of these is ever removed), so something registered a moment ago is already known.
     */
    static PurchasingDirectory fromEvents(EventStore eventStore) {
        return new PurchasingDirectory() {
            @Override
            public Optional<SupplierRegistered> supplier(String supplierId) {
                return first(eventStore, SupplierEvent.aggregateId(supplierId), SupplierRegistered.class);
            }

            @Override
            public boolean productExists(String sku) {
                return first(eventStore, ProductEvent.aggregateId(sku), ProductRegistered.class).isPresent();
            }

            @Override
            public boolean warehouseExists(String warehouseId) {
                return first(eventStore, WarehouseEvent.aggregateId(warehouseId), WarehouseOpened.class).isPresent();
            }
        };
    }

    private static <T> Optional<T> first(EventStore eventStore, String aggregateId, Class<T> type) {
        if (eventStore.lastSequenceNumberFor(aggregateId).isEmpty()) {
            return Optional.empty();
        }
        DomainEventStream stream = eventStore.readEvents(aggregateId);
        if (!stream.hasNext()) {
            return Optional.empty();
        }
        DomainEventMessage<?> first = stream.next();
        return type.isInstance(first.getPayload()) ? Optional.of(type.cast(first.getPayload())) : Optional.empty();
    }
}
