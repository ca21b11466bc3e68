package org.kontor.command.inventory;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.kontor.events.common.Money;
import org.kontor.events.inventory.CostMethod;
import org.kontor.events.inventory.ProductEvent;
import org.kontor.events.inventory.WarehouseEvent;

/**
 * The commands of inventory. Reservations ({@link ReserveStock}, {@link ReleaseStockReservation},
 * {@link IssueReservedStock}) are what sales orders use to hold stock between confirmation and
 * delivery.
 */
final class InventoryCommands {

    private InventoryCommands() {
    }

    /**
     * Register a product under its SKU. {@code productId} is the id the client chose, or {@code null}
     * to accept {@code newProductId}; a repeat without an id answers with the id first given.
     */
    record RegisterProduct(@TargetAggregateIdentifier String aggregateId, String sku, String productId,
                           String newProductId, String name, String unitOfMeasure, CostMethod costMethod,
                           Money salesPrice) {

        RegisterProduct {
            Objects.requireNonNull(sku, "sku");
            Objects.requireNonNull(newProductId, "newProductId");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(unitOfMeasure, "unitOfMeasure");
            Objects.requireNonNull(costMethod, "costMethod");
            if (!aggregateId.equals(ProductEvent.aggregateId(sku))) {
                throw new IllegalArgumentException("a product is addressed by its SKU");
            }
        }
    }

    /** Open a warehouse. */
    record OpenWarehouse(@TargetAggregateIdentifier String aggregateId, String warehouseId, String code, String name) {

        OpenWarehouse {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(name, "name");
            if (!aggregateId.equals(WarehouseEvent.aggregateId(warehouseId))) {
                throw new IllegalArgumentException("a warehouse is addressed by its id");
            }
        }
    }

    /** Receive goods into a warehouse at the given unit costs (minor units of {@code currency}). */
    record ReceiveStock(String movementId, String warehouseId, LocalDate date, String currency,
                        List<ReceiptLine> lines) {

        ReceiveStock {
            requireMovement(movementId, warehouseId, date);
            Objects.requireNonNull(currency, "currency");
            lines = List.copyOf(lines);
        }
    }

    /** Issue goods from a warehouse, for a reason (consumption, sample, scrap, ...). */
    record IssueStock(String movementId, String warehouseId, LocalDate date, String reason, List<Line> lines) {

        IssueStock {
            requireMovement(movementId, warehouseId, date);
            lines = List.copyOf(lines);
        }
    }

    /** Move goods from one warehouse to another, at their cost. */
    record TransferStock(String movementId, String fromWarehouseId, String toWarehouseId, LocalDate date,
                         List<Line> lines) {

        TransferStock {
            requireMovement(movementId, fromWarehouseId, date);
            Objects.requireNonNull(toWarehouseId, "toWarehouseId");
            if (fromWarehouseId.equals(toWarehouseId)) {
                throw new IllegalArgumentException("a transfer goes to another warehouse");
            }
            lines = List.copyOf(lines);
        }
    }

    /** Book a count: the difference between {@code countedQuantity} and the books is the movement. */
    record AdjustStock(String movementId, String warehouseId, String sku, long countedQuantity, LocalDate date,
                       String reason) {

        AdjustStock {
            requireMovement(movementId, warehouseId, date);
            Objects.requireNonNull(sku, "sku");
            if (countedQuantity < 0) {
                throw new IllegalArgumentException("a count is never negative");
            }
        }
    }

    /** Set stock aside for an order; it stays on hand but is no longer available. */
    record ReserveStock(String reservationId, String warehouseId, String sku, long quantity) {

        ReserveStock {
            Objects.requireNonNull(reservationId, "reservationId");
            Objects.requireNonNull(warehouseId, "warehouseId");
            Objects.requireNonNull(sku, "sku");
            requirePositive(quantity);
        }
    }

    /**
     * Set stock aside for a sales order, or record why it cannot be ({@code StockReservationRefused}):
     * the order hears of the outcome through events, so a refusal is recorded, not thrown.
     */
    record ReserveStockForOrder(String reservationId, String warehouseId, String sku, long quantity) {

        ReserveStockForOrder {
            Objects.requireNonNull(reservationId, "reservationId");
            Objects.requireNonNull(warehouseId, "warehouseId");
            Objects.requireNonNull(sku, "sku");
            requirePositive(quantity);
        }
    }

    /** Give up a reservation; its quantity is available again. */
    record ReleaseStockReservation(String reservationId, String warehouseId, String sku) {

        ReleaseStockReservation {
            Objects.requireNonNull(reservationId, "reservationId");
            Objects.requireNonNull(warehouseId, "warehouseId");
            Objects.requireNonNull(sku, "sku");
        }
    }

    /**
     * Give up what was held for a sales order, if anything: a reservation that was refused, or
     * never reached this stock, leaves nothing to give back.
     */
    record ReleaseOrderReservation(String reservationId, String warehouseId, String sku) {

        ReleaseOrderReservation {
            Objects.requireNonNull(reservationId, "reservationId");
            Objects.requireNonNull(warehouseId, "warehouseId");
            Objects.requireNonNull(sku, "sku");
        }
    }

    /** Issue what a reservation set aside, as the movement {@code movementId}. */
    record IssueReservedStock(String reservationId, String warehouseId, String sku, String movementId,
                              LocalDate date, String reason) {

        IssueReservedStock {
            Objects.requireNonNull(reservationId, "reservationId");
            requireMovement(movementId, warehouseId, date);
            Objects.requireNonNull(sku, "sku");
        }
    }

    /** A line of a receipt: a quantity at a unit cost in minor units. */
    record ReceiptLine(String sku, long quantity, long unitCostMinor) {

        ReceiptLine {
            Objects.requireNonNull(sku, "sku");
            requirePositive(quantity);
            if (unitCostMinor < 0) {
                throw new IllegalArgumentException("a unit cost is never negative");
            }
        }
    }

    /** A line of an issue or transfer. */
    record Line(String sku, long quantity) {

        Line {
            Objects.requireNonNull(sku, "sku");
            requirePositive(quantity);
        }
    }

    private static void requireMovement(String movementId, String warehouseId, LocalDate date) {
        Objects.requireNonNull(movementId, "movementId");
        Objects.requireNonNull(warehouseId, "warehouseId");
        Objects.requireNonNull(date, "date");
    }

    private static void requirePositive(long quantity) {
        if (quantity < 1) {
            throw new IllegalArgumentException("a quantity is at least 1");
        }
    }
}
