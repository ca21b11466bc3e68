package org.kontor.command.inventory;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.kontor.events.inventory.CostMethod;
import org.kontor.events.inventory.ProductEvent;
import org.kontor.events.inventory.ProductEvent.ProductRegistered;
import org.kontor.events.inventory.WarehouseEvent;
import org.kontor.events.inventory.WarehouseEvent.WarehouseOpened;
import org.springframework.stereotype.Component;

/**
 * Knows products and warehouses from their event streams, without loading (and so locking) their
 * aggregates: every movement of a product reads it, and locking it would serialise all movements of
 * the product across warehouses. Neither is ever removed nor changes its cost method, so a known one
 * stays known; at most {@value #MAX_REMEMBERED} of each are remembered.
 */
@Component
class InventoryCatalog {

    static final int MAX_REMEMBERED = 100_000;

    private final EventStore eventStore;
    private final Map<String, CostMethod> costMethods = new ConcurrentHashMap<>();
    private final Map<String, Boolean> warehouses = new ConcurrentHashMap<>();

    InventoryCatalog(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    /** The cost method of the product with this SKU, if one was registered. */
    Optional<CostMethod> costMethodOf(String sku) {
        CostMethod known = costMethods.get(sku);
        if (known != null) {
            return Optional.of(known);
        }
        return first(ProductEvent.aggregateId(sku), ProductRegistered.class).map(registered -> {
            remember(costMethods, sku, registered.costMethod());
            return registered.costMethod();
        });
    }

    boolean warehouseExists(String warehouseId) {
        if (warehouses.containsKey(warehouseId)) {
            return true;
        }
        boolean exists = first(WarehouseEvent.aggregateId(warehouseId), WarehouseOpened.class).isPresent();
        if (exists) {
            remember(warehouses, warehouseId, Boolean.TRUE);
        }
        return exists;
    }

    private <T> Optional<T> first(String aggregateId, Class<T> type) {
        DomainEventStream events = eventStore.readEvents(aggregateId);
        while (events.hasNext()) {
            DomainEventMessage<?> event = events.next();
            if (type.isInstance(event.getPayload())) {
                return Optional.of(type.cast(event.getPayload()));
            }
        }
        return Optional.empty();
    }

    private static <V> void remember(Map<String, V> memory, String key, V value) {
        if (memory.size() < MAX_REMEMBERED) {
            memory.put(key, value);
        }
    }
}
