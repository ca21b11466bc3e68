package org.kontor.query.inventory;

import java.time.LocalDate;
import java.util.List;
import org.kontor.config.http.MoneyJson;
import org.kontor.query.inventory.InventoryQueries.LedgerPosition;

/**
 * The shapes clients read. Quantities are whole units of the product's unit of measure; values are
 * decimal strings of {@code currency}. A unit cost is the value divided by the quantity, rounded half
 * up to the minor unit: for reading only, values are never computed from it.
 */
public final class InventoryViews {

    private InventoryViews() {
    }

    public record ProductView(String id, String sku, String name, String uom, String costMethod,
                              MoneyJson salesPrice) {
    }

    /** A page of products and, when there are more, the SKU to continue after. */
    public record ProductPage(List<ProductView> items, String lastSku) {
    }

    public record WarehouseView(String id, String code, String name) {
    }

    /** A page of warehouses and, when there are more, the id to continue after. */
    public record WarehousePage(List<WarehouseView> items, String lastId) {
    }

    public record StockLevel(String warehouseId, String sku, long onHand, long reserved, long available, String value,
                             String unitCost, String currency) {
    }

    public record StockLevelPage(List<StockLevel> items, String lastStockId) {
    }

    /** One movement on the stock ledger: {@code quantity} and {@code value} are signed (negative out). */
    public record StockLedgerLine(LocalDate date, String movementId, String kind, String warehouseId, String sku,
                                  long quantity, long runningQuantity, String value, String runningValue,
                                  String reason, String otherWarehouseId) {
    }

    public record StockLedgerPage(List<StockLedgerLine> items, String currency, LedgerPosition next) {
    }

    /**
     * A movement as recorded, with the values booked then: a later backdated movement may have
     * revised them (the stock ledger shows the values now).
     */
    public record StockMovementView(String id, String kind, LocalDate date, String warehouseId, String toWarehouseId,
                                    String reason, String reservationId, String currency,
                                    List<MovedLineView> lines) {
    }

    /** {@code quantity} is the count's difference for an adjustment, which also has {@code countedQuantity}. */
    public record MovedLineView(String sku, long quantity, String value, Long countedQuantity) {
    }

    public record ValuationRow(String sku, long quantity, String value, String unitCost,
                               List<WarehouseValuation> warehouses) {
    }

    public record WarehouseValuation(String warehouseId, long quantity, String value, String unitCost) {
    }

    /** {@code totalValue} is the value of every product, on every page. */
    public record StockValuation(LocalDate asOf, String currency, String totalValue, List<ValuationRow> items,
                                 String lastSku) {
    }
}
