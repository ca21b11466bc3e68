package org.kontor.query.inventory;

import java.time.LocalDate;
import java.util.Objects;

/** The queries the inventory views answer. Every list query carries an explicit limit. */
public final class InventoryQueries {

    private InventoryQueries() {
    }

    /** Stock levels, optionally of one warehouse and/or one SKU, by stock id after {@code afterStockId}. */
    public record FetchStockLevelsQuery(String warehouseId, String sku, int limit, String afterStockId) {

        public FetchStockLevelsQuery {
            requirePositive(limit);
        }
    }

    /**
     * The stock ledger: movements dated {@code from} to {@code to} (either open), in date order, each
     * with the running quantity and value of its stock, continuing after {@code after}.
     */
    public record FetchStockMovementsQuery(String sku, String warehouseId, LocalDate from, LocalDate to, int limit,
                                           LedgerPosition after) {

        public FetchStockMovementsQuery {
            requirePositive(limit);
        }
    }

    /** Where a page of the stock ledger continues: after the {@code index}-th movement of a stock. */
    public record LedgerPosition(LocalDate date, String stockId, int index) {

        public LedgerPosition {
            Objects.requireNonNull(date, "date");
            Objects.requireNonNull(stockId, "stockId");
        }
    }

    /** Quantity, value and unit cost per product at the end of {@code asOf}, by SKU after {@code afterSku}. */
    public record FetchStockValuationQuery(LocalDate asOf, int limit, String afterSku) {

        public FetchStockValuationQuery {
            Objects.requireNonNull(asOf, "asOf");
            requirePositive(limit);
        }
    }

    /** One movement as it was recorded. */
    public record FetchStockMovementQuery(String movementId) {

        public FetchStockMovementQuery {
            Objects.requireNonNull(movementId, "movementId");
        }
    }

    /** Products by SKU, continuing after {@code afterSku}. */
    public record FetchProductsQuery(int limit, String afterSku) {

        public FetchProductsQuery {
            requirePositive(limit);
        }
    }

    /** One product by its id. */
    public record FetchProductQuery(String productId) {

        public FetchProductQuery {
            Objects.requireNonNull(productId, "productId");
        }
    }

    /** Warehouses by id, continuing after {@code afterId}. */
    public record FetchWarehousesQuery(int limit, String afterId) {

        public FetchWarehousesQuery {
            requirePositive(limit);
        }
    }

    /** One warehouse by its id. */
    public record FetchWarehouseQuery(String warehouseId) {

        public FetchWarehouseQuery {
            Objects.requireNonNull(warehouseId, "warehouseId");
        }
    }

    private static void requirePositive(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive");
        }
    }
}
