package org.kontor.events.inventory;

import org.axonframework.serialization.Revision;

/** Everything that can happen to a warehouse. The aggregate id is {@code warehouse:<warehouseId>}. */
public sealed interface WarehouseEvent {

    String warehouseId();

    static String aggregateId(String warehouseId) {
        return "warehouse:" + warehouseId;
    }

    /** A warehouse was opened. */
    @Revision("1")
    record WarehouseOpened(String warehouseId, String code, String name) implements WarehouseEvent {
    }
}
