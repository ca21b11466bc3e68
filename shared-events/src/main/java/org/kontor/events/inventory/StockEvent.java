package org.kontor.events.inventory;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/**
 * Everything that happens to the stock of one product in one warehouse: the stock ledger. The
 * aggregate id is {@code stock:<warehouseId>:<sku>}. Quantities are whole units, never negative;
 * values are minor units of the inventory currency. Events are never changed: when a backdated
 * movement changes what a later movement cost, a {@link StockCostRevised} records the new value.
 */
public sealed interface StockEvent {

    String warehouseId();

    String sku();

    static String aggregateId(String warehouseId, String sku) {
        return "stock:" + warehouseId + ":" + sku;
    }

    /** A movement that changed the quantity on hand, dated {@code date}. */
    sealed interface StockMoved extends StockEvent {

        String movementId();

        LocalDate date();

        MovementKind kind();

        /** The change of the quantity on hand: positive in, negative out. */
        long quantityChange();
    }

    /** Goods arrived, worth {@code valueMinor} (quantity times unit cost, exactly). */
    @Revision("1")
    record StockReceived(String warehouseId, String sku, String movementId, LocalDate date, long quantity,
                         long valueMinor) implements StockMoved {

        @Override
        public MovementKind kind() {
            return MovementKind.RECEIPT;
        }

        @Override
        public long quantityChange() {
            return quantity;
        }
    }

    /** Goods left the warehouse at a cost of {@code costMinor}; {@code reservationId} is set when it was reserved. */
    @Revision("1")
    record StockIssued(String warehouseId, String sku, String movementId, LocalDate date, long quantity,
                       long costMinor, String reason, String reservationId) implements StockMoved {

        @Override
        public MovementKind kind() {
            return MovementKind.ISSUE;
        }

        @Override
        public long quantityChange() {
            return -quantity;
        }
    }

    /** Goods left for another warehouse, at a cost of {@code costMinor}. */
    @Revision("1")
    record StockTransferredOut(String warehouseId, String sku, String movementId, LocalDate date, long quantity,
                               long costMinor, String toWarehouseId) implements StockMoved {

        @Override
        public MovementKind kind() {
            return MovementKind.TRANSFER_OUT;
        }

        @Override
        public long quantityChange() {
            return -quantity;
        }
    }

    /** Goods arrived from another warehouse, worth what they cost there. */
    @Revision("1")
    record StockTransferredIn(String warehouseId, String sku, String movementId, LocalDate date, long quantity,
                              long valueMinor, String fromWarehouseId) implements StockMoved {

        @Override
        public MovementKind kind() {
            return MovementKind.TRANSFER_IN;
        }

        @Override
        public long quantityChange() {
            return quantity;
        }
    }

    /**
     * The stock was counted: {@code countedQuantity} were there, {@code differenceQuantity} more (or,
     * negative, fewer) than the books said on that date. {@code valueMinor} is the signed value of the
     * difference, at cost.
     */
    @Revision("1")
    record StockAdjusted(String warehouseId, String sku, String movementId, LocalDate date, long countedQuantity,
                         long differenceQuantity, long valueMinor, String reason) implements StockMoved {

        @Override
        public MovementKind kind() {
            return MovementKind.ADJUSTMENT;
        }

        @Override
        public long quantityChange() {
            return differenceQuantity;
        }
    }

    /** Part of the stock was set aside for an order; it stays on hand but is no longer available. */
    @Revision("1")
    record StockReserved(String warehouseId, String sku, String reservationId, long quantity) implements StockEvent {
    }

    /**
     * A reservation for an order could not be held: {@code code} names the rule it would break
     * (INSUFFICIENT_STOCK, UNKNOWN_PRODUCT, UNKNOWN_WAREHOUSE) and {@code reason} says it in words.
     * Recorded rather than thrown because the order learns of it later, through this event.
     */
    @Revision("1")
    record StockReservationRefused(String warehouseId, String sku, String reservationId, long quantity, String code,
                                   String reason) implements StockEvent {
    }

    /** A reservation was given up; its quantity is available again. */
    @Revision("1")
    record StockReservationReleased(String warehouseId, String sku, String reservationId, long quantity)
            implements StockEvent {
    }

    /**
     * A backdated movement ({@code causedBy}) changed the value of the earlier-recorded movement
     * {@code movementId}, dated {@code date}, from {@code previousValueMinor} to
     * {@code revisedValueMinor} (signed as the movement's value: negative for goods going out).
     */
    @Revision("1")
    record StockCostRevised(String warehouseId, String sku, String movementId, MovementKind kind, LocalDate date,
                            long previousValueMinor, long revisedValueMinor, String causedBy) implements StockEvent {
    }
}
