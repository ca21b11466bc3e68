package org.kontor.query.purchasing;

import com.mongodb.client.MongoDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.TrackingToken;
import org.bson.Document;
import org.kontor.events.purchasing.PurchaseOrderEvent;
import org.kontor.events.purchasing.PurchaseOrderEvent.GoodsReceived;
import org.kontor.events.purchasing.PurchaseOrderEvent.OrderQuantity;
import org.kontor.events.purchasing.PurchaseOrderEvent.OrderedLine;
import org.kontor.events.purchasing.PurchaseOrderEvent.PurchaseOrderBilled;
import org.kontor.events.purchasing.PurchaseOrderEvent.PurchaseOrderCancelled;
import org.kontor.events.purchasing.PurchaseOrderEvent.PurchaseOrderPlaced;
import org.kontor.events.purchasing.PurchaseOrderEvent.ReceivedGoods;
import org.kontor.query.projection.DocumentBatch;
import org.springframework.stereotype.Component;

/**
 * One document per purchase order, keyed by its id: its lines with the quantities received and
 * billed so far (and cancelled), its receipts and bills, and a status that follows from the
 * quantities: OPEN (nothing received), PARTIALLY_RECEIVED, RECEIVED (all of it, not all billed),
 * BILLED (all received and billed); CANCELLED once cancelled, whatever was received. Amounts are minor units; {@code version} is the order's version after the event.
 */
@Component
@ProcessingGroup(PurchasingViews.PROCESSOR)
class PurchaseOrderProjection {

    static final String COLLECTION = "purchase_orders";

    private final MongoDatabase readStore;

    PurchaseOrderProjection(MongoDatabase readStore) {
        this.readStore = readStore;
    }

    @EventHandler
    void on(PurchaseOrderPlaced event, @SequenceNumber long sequenceNumber, TrackingToken token) {
        change(event, sequenceNumber, token, true, order -> {
            order.put("supplierId", event.supplierId());
            order.put("currency", event.currency());
            List<Document> lines = new ArrayList<>();
            for (OrderedLine line : event.lines()) {
                lines.add(new Document("sku", line.sku()).append("qty", line.quantity())
                        .append("unitCostMinor", line.unitCostMinor())
                        .append("taxRate", line.taxRatePercent().toPlainString())
                        .append("received", 0L).append("billed", 0L).append("cancelled", 0L));
            }
            order.put("lines", lines);
            order.put("receipts", new ArrayList<Document>());
            order.put("bills", new ArrayList<String>());
        });
    }

    @EventHandler
    void on(GoodsReceived event, @SequenceNumber long sequenceNumber, TrackingToken token) {
        change(event, sequenceNumber, token, false, order -> {
            for (ReceivedGoods line : event.lines()) {
                add(order, line.sku(), "received", line.quantity());
            }
            order.getList("receipts", Document.class).add(new Document("number", event.receiptNumber())
                    .append("receiptId", event.receiptId()).append("warehouseId", event.warehouseId())
                    .append("date", event.date().toString()));
        });
    }

    @EventHandler
    void on(PurchaseOrderBilled event, @SequenceNumber long sequenceNumber, TrackingToken token) {
        change(event, sequenceNumber, token, false, order -> {
            for (OrderQuantity line : event.lines()) {
                add(order, line.sku(), "billed", line.quantity());
            }
            order.getList("bills", String.class).add(event.billId());
        });
    }

    @EventHandler
    void on(PurchaseOrderCancelled event, @SequenceNumber long sequenceNumber, TrackingToken token) {
        change(event, sequenceNumber, token, false, order -> {
            for (OrderQuantity line : event.cancelled()) {
                add(order, line.sku(), "cancelled", line.quantity());
            }
            order.put("cancelReason", event.reason());
        });
    }

    @ResetHandler
    void clear() {
        readStore.getCollection(COLLECTION).drop();
    }

    static String orderIdOf(Object payload) {
        return payload instanceof PurchaseOrderEvent event ? event.orderId() : null;
    }

    private static void add(Document order, String sku, String field, long quantity) {
        order.getList("lines", Document.class).stream().filter(line -> sku.equals(line.getString("sku")))
                .forEach(line -> line.put(field, line.getLong(field) + quantity));
    }

    /** OPEN, PARTIALLY_RECEIVED, RECEIVED or BILLED, from the lines' quantities. */
    static String statusOf(List<Document> lines) {
        boolean nothingReceived = lines.stream().allMatch(line -> line.getLong("received") == 0);
        boolean allReceived = lines.stream().allMatch(line -> line.getLong("received") == line.getLong("qty"));
        boolean allBilled = lines.stream().allMatch(line -> line.getLong("billed") == line.getLong("qty"));
        if (allBilled) {
            return "BILLED";
        }
        if (allReceived) {
            return "RECEIVED";
        }
        return nothingReceived ? "OPEN" : "PARTIALLY_RECEIVED";
    }

    /** Applies the event once, then notes the order's status and version after it. */
    private void change(PurchaseOrderEvent event, long sequenceNumber, TrackingToken token, boolean creates,
                        Consumer<Document> change) {
        DocumentBatch.current(readStore).applyVersioned(COLLECTION, event.orderId(),
                PurchaseOrderProjection::orderIdOf, token, sequenceNumber, creates, order -> {
                    change.accept(order);
                    order.put("status", order.containsKey("cancelReason") ? "CANCELLED"
                            : statusOf(order.getList("lines", Document.class)));
                });
    }
}
