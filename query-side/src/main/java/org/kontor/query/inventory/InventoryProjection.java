package org.kontor.query.inventory;

import com.mongodb.client.MongoDatabase;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.bson.Document;
import org.kontor.events.inventory.CostFlow;
import org.kontor.events.inventory.CostFlow.Step;
import org.kontor.events.inventory.CostMethod;
import org.kontor.events.inventory.ProductEvent.ProductRegistered;
import org.kontor.events.inventory.StockEvent;
import org.kontor.events.inventory.MovementKind;
import org.kontor.events.inventory.StockEvent.StockAdjusted;
import org.kontor.events.inventory.StockEvent.StockCostRevised;
import org.kontor.events.inventory.StockEvent.StockIssued;
import org.kontor.events.inventory.StockEvent.StockMoved;
import org.kontor.events.inventory.StockEvent.StockReceived;
import org.kontor.events.inventory.StockEvent.StockReservationReleased;
import org.kontor.events.inventory.StockEvent.StockReserved;
import org.kontor.events.inventory.StockEvent.StockTransferredIn;
import org.kontor.events.inventory.StockEvent.StockTransferredOut;
import org.kontor.events.inventory.StockMovementEvent;
import org.kontor.events.inventory.StockMovementEvent.AdjustmentRecorded;
import org.kontor.events.inventory.StockMovementEvent.IssueRecorded;
import org.kontor.events.inventory.StockMovementEvent.ReceiptRecorded;
import org.kontor.events.inventory.StockMovementEvent.TransferRecorded;
import org.kontor.events.inventory.WarehouseEvent.WarehouseOpened;
import org.kontor.query.projection.AppliedPosition;
import org.kontor.query.projection.DocumentBatch;
import org.springframework.stereotype.Component;

/**
 * Keeps, per product and warehouse, the stock's movements ({@value #HISTORY}: what the stock ledger
 * and the valuation read) and its level ({@value #LEVELS}: on hand, reserved, available and value,
 * read by {@code _id}), and each movement as it was recorded ({@value #MOVEMENTS}). The level's
 * value is recomputed from the movements in date order, so a backdated receipt revalues the later
 * issues here too; the costs the write side booked are not read (only a revised transfer in, whose
 * value comes from the other warehouse). The level is saved before the history that records the
 * event as applied, so a crash between the two writes ends in a redelivery that writes both again.
 */
@Component
@ProcessingGroup(InventoryProjection.PROCESSOR)
class InventoryProjection {

    static final String PROCESSOR = "inventory-stock";
    static final String PRODUCTS = "inventory_products";
    static final String WAREHOUSES = "inventory_warehouses";
    static final String HISTORY = "stock_history";
    static final String LEVELS = "stock_levels";
    static final String MOVEMENTS = "stock_movements";

    private final MongoDatabase readStore;

    InventoryProjection(MongoDatabase readStore) {
        this.readStore = readStore;
    }

    @EventHandler
    void on(ProductRegistered event, TrackingToken token) {
        DocumentBatch.current(readStore).apply(PRODUCTS, event.sku(), InventoryProjection::skuOf, token, product -> {
            product.put("productId", event.productId());
            product.put("name", event.name());
            product.put("uom", event.unitOfMeasure());
            product.put("costMethod", event.costMethod().name());
            product.put("salesPrice", event.salesPrice() == null ? null
                    : new Document("amountMinor", event.salesPrice().amountMinor())
                            .append("currency", event.salesPrice().currency()));
        });
    }

    @EventHandler
    void on(WarehouseOpened event, TrackingToken token) {
        DocumentBatch.current(readStore).apply(WAREHOUSES, event.warehouseId(), InventoryProjection::warehouseOf,
                token, warehouse -> {
                    warehouse.put("code", event.code());
                    warehouse.put("name", event.name());
                });
    }

    @EventHandler
    void on(StockReceived event, TrackingToken token) {
        moved(event, event.valueMinor(), null, null, 0, token);
    }

    @EventHandler
    void on(StockIssued event, TrackingToken token) {
        // The issue of a reservation frees what it held in the same event.
        moved(event, null, event.reason(), null, event.reservationId() != null ? event.quantity() : 0, token);
    }

    @EventHandler
    void on(StockTransferredOut event, TrackingToken token) {
        moved(event, null, null, event.toWarehouseId(), 0, token);
    }

    @EventHandler
    void on(StockTransferredIn event, TrackingToken token) {
        moved(event, event.valueMinor(), null, event.fromWarehouseId(), 0, token);
    }

    @EventHandler
    void on(StockAdjusted event, TrackingToken token) {
        moved(event, null, event.reason(), null, 0, token);
    }

    /**
     * Goods that arrived by a transfer are worth what they cost where they left; when that cost was
     * revised, so is their value here. Other revisions need nothing: this view recomputes costs.
     */
    @EventHandler
    void on(StockCostRevised event, TrackingToken token) {
        if (event.kind() != MovementKind.TRANSFER_IN) {
            return;
        }
        change(event, token, history -> history.getList("movements", Document.class).stream()
                .filter(movement -> movement.getString("movementId").equals(event.movementId()))
                .forEach(movement -> movement.put("fixedValueMinor", event.revisedValueMinor())));
    }

    @EventHandler
    void on(StockReserved event, TrackingToken token) {
        changeReserved(event, event.quantity(), token);
    }

    @EventHandler
    void on(StockReservationReleased event, TrackingToken token) {
        changeReserved(event, -event.quantity(), token);
    }

    @EventHandler
    void on(ReceiptRecorded event, TrackingToken token) {
        record(event, "RECEIPT", event.warehouseId(), null, null, null, token,
                event.lines().stream().map(line -> movedLine(line.sku(), line.quantity(), line.valueMinor())).toList());
    }

    @EventHandler
    void on(IssueRecorded event, TrackingToken token) {
        record(event, "ISSUE", event.warehouseId(), null, event.reason(), event.reservationId(), token,
                event.lines().stream().map(line -> movedLine(line.sku(), line.quantity(), line.valueMinor())).toList());
    }

    @EventHandler
    void on(TransferRecorded event, TrackingToken token) {
        record(event, "TRANSFER", event.fromWarehouseId(), event.toWarehouseId(), null, null, token,
                event.lines().stream().map(line -> movedLine(line.sku(), line.quantity(), line.valueMinor())).toList());
    }

    @EventHandler
    void on(AdjustmentRecorded event, TrackingToken token) {
        record(event, "ADJUSTMENT", event.warehouseId(), null, event.reason(), null, token,
                List.of(movedLine(event.sku(), event.differenceQuantity(), event.valueMinor())
                        .append("countedQuantity", event.countedQuantity())));
    }

    /** One document per movement, as recorded: what {@code GET /api/stock/movements/{id}} reads. */
    private void record(StockMovementEvent event, String kind, String warehouseId, String toWarehouseId, String reason,
                        String reservationId, TrackingToken token, List<Document> lines) {
        DocumentBatch.current(readStore).apply(MOVEMENTS, event.movementId(), InventoryProjection::movementOf, token,
                movement -> {
                    movement.put("kind", kind);
                    movement.put("date", event.date().toString());
                    movement.put("warehouseId", warehouseId);
                    movement.put("toWarehouseId", toWarehouseId);
                    movement.put("reason", reason);
                    movement.put("reservationId", reservationId);
                    movement.put("currency", event.currency());
                    movement.put("lines", lines);
                });
    }

    private static Document movedLine(String sku, long quantity, long valueMinor) {
        return new Document("sku", sku).append("quantity", quantity).append("valueMinor", valueMinor);
    }

    private static String movementOf(Object payload) {
        return payload instanceof StockMovementEvent event ? event.movementId() : null;
    }

    @ResetHandler
    void clear() {
        for (String collection : List.of(PRODUCTS, WAREHOUSES, HISTORY, LEVELS, MOVEMENTS)) {
            readStore.getCollection(collection).drop();
        }
    }

    private void moved(StockMoved event, Long fixedValueMinor, String reason, String otherWarehouseId,
                       long reservationIssued, TrackingToken token) {
        change(event, token, history -> {
            addReserved(history, -reservationIssued);
            Document movement = new Document("movementId", event.movementId())
                    .append("date", event.date().toString())
                    .append("kind", event.kind().name())
                    .append("quantity", event.quantityChange())
                    .append("fixedValueMinor", fixedValueMinor)
                    .append("reason", reason)
                    .append("otherWarehouseId", otherWarehouseId);
            history.getList("movements", Document.class).add(movement);
        });
    }

    private void changeReserved(StockEvent event, long change, TrackingToken token) {
        change(event, token, history -> addReserved(history, change));
    }

    private static void addReserved(Document history, long change) {
        history.put("reserved", history.get("reserved", Number.class).longValue() + change);
    }

    private void change(StockEvent event, TrackingToken token, java.util.function.Consumer<Document> change) {
        DocumentBatch batch = DocumentBatch.current(readStore);
        String stockId = stockIdOf(event);
        Document history = batch.load(HISTORY, stockId, InventoryProjection::stockIdOfPayload);
        if (AppliedPosition.alreadyApplied(history, token)) {
            return;
        }
        if (history == null) {
            Document product = batch.load(PRODUCTS, event.sku(), InventoryProjection::skuOf);
            history = new Document("_id", stockId).append("warehouseId", event.warehouseId())
                    .append("sku", event.sku())
                    .append("costMethod", product == null ? CostMethod.AVERAGE.name() : product.getString("costMethod"))
                    .append("reserved", 0L)
                    .append("movements", new ArrayList<Document>());
        }
        change.accept(history);
        batch.save(LEVELS, levelOf(history));
        AppliedPosition.recordApplied(history, token);
        batch.save(HISTORY, history);
    }

    /** The level of a stock now: every movement, in date order. */
    static Document levelOf(Document history) {
        List<Step> steps = StockHistory.steps(history);
        CostFlow flow = new CostFlow(StockHistory.costMethod(history));
        CostFlow.inDateOrder(steps).forEach(flow::apply);
        long reserved = history.get("reserved", Number.class).longValue();
        return new Document("_id", history.getString("_id"))
                .append("warehouseId", history.getString("warehouseId"))
                .append("sku", history.getString("sku"))
                .append("onHand", flow.quantity())
                .append("reserved", reserved)
                .append("available", flow.quantity() - reserved)
                .append("valueMinor", flow.valueMinor());
    }

    static String stockIdOf(StockEvent event) {
        return event.warehouseId() + ":" + event.sku();
    }

    private static String stockIdOfPayload(Object payload) {
        return payload instanceof StockEvent event ? stockIdOf(event) : null;
    }

    private static String skuOf(Object payload) {
        if (payload instanceof ProductRegistered registered) {
            return registered.sku();
        }
        return payload instanceof StockEvent event ? event.sku() : null;
    }

    private static String warehouseOf(Object payload) {
        return payload instanceof WarehouseOpened opened ? opened.warehouseId() : null;
    }
}
