package org.kontor.query.sales;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.TrackingToken;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.kontor.events.common.Money;
import org.kontor.events.sales.SalesOrderEvent;
import org.kontor.events.sales.SalesOrderEvent.OrderLine;
import org.kontor.events.sales.SalesOrderEvent.SalesOrderCancelled;
import org.kontor.events.sales.SalesOrderEvent.SalesOrderConfirmed;
import org.kontor.events.sales.SalesOrderEvent.SalesOrderDelivered;
import org.kontor.events.sales.SalesOrderEvent.SalesOrderDrafted;
import org.kontor.events.sales.SalesOrderEvent.SalesOrderInvoiced;
import org.kontor.events.sales.SalesOrderEvent.SalesOrderReservationFailed;
import org.kontor.events.sales.SalesOrderEvent.SalesOrderStockReserved;
import org.kontor.query.projection.DocumentBatch;
import org.springframework.stereotype.Component;

/**
 * One document per sales order, keyed by its id. Amounts are stored as decimal strings of the
 * order's currency, as they are shown; {@code version} is the order's version after the event.
 */
@Component
@ProcessingGroup(SalesOrderProjection.PROCESSOR)
class SalesOrderProjection {

    static final String PROCESSOR = "sales-orders";
    static final String COLLECTION = "sales_orders";

    private final MongoDatabase readStore;

    SalesOrderProjection(MongoDatabase readStore) {
        this.readStore = readStore;
    }

    @EventHandler
    void on(SalesOrderDrafted event, @SequenceNumber long sequenceNumber, TrackingToken token) {
        change(event, sequenceNumber, token, true, order -> {
            order.put("customerId", event.customerId());
            order.put("currency", event.currency());
            order.put("lines", lines(event.lines(), event.currency()));
            order.put("status", "DRAFT");
        });
    }

    @EventHandler
    void on(SalesOrderConfirmed event, @SequenceNumber long sequenceNumber, TrackingToken token) {
        change(event, sequenceNumber, token, false, order -> {
            order.put("status", "CONFIRMED");
            order.put("warehouseId", event.warehouseId());
            order.put("net", amount(event.netMinor(), event.currency()));
            order.put("tax", amount(event.taxMinor(), event.currency()));
            order.put("total", amount(Math.addExact(event.netMinor(), event.taxMinor()), event.currency()));
        });
    }

    @EventHandler
    void on(SalesOrderStockReserved event, @SequenceNumber long sequenceNumber, TrackingToken token) {
        change(event, sequenceNumber, token, false, order -> order.put("status", "RESERVED"));
    }

    @EventHandler
    void on(SalesOrderReservationFailed event, @SequenceNumber long sequenceNumber, TrackingToken token) {
        change(event, sequenceNumber, token, false, order -> {
            order.put("status", "RESERVATION_FAILED");
            order.put("reservationFailure", new Document("sku", event.sku()).append("code", event.code())
                    .append("reason", event.reason()));
        });
    }

    @EventHandler
    void on(SalesOrderDelivered event, @SequenceNumber long sequenceNumber, TrackingToken token) {
        change(event, sequenceNumber, token, false, order -> {
            order.put("status", "DELIVERED");
            order.put("deliveredOn", event.date().toString());
        });
    }

    @EventHandler
    void on(SalesOrderInvoiced event, @SequenceNumber long sequenceNumber, TrackingToken token) {
        change(event, sequenceNumber, token, false, order -> {
            order.put("status", "INVOICED");
            order.put("invoiceId", event.invoiceId());
            order.put("invoicedOn", event.date().toString());
        });
    }

    @EventHandler
    void on(SalesOrderCancelled event, @SequenceNumber long sequenceNumber, TrackingToken token) {
        change(event, sequenceNumber, token, false, order -> {
            order.put("status", "CANCELLED");
            order.put("cancelReason", event.reason());
        });
    }

    @ResetHandler
    void clear() {
        readStore.getCollection(COLLECTION).drop();
    }

    static String orderIdOf(Object payload) {
        return payload instanceof SalesOrderEvent event ? event.orderId() : null;
    }

    /** Applies the event once and notes the order's version after it. */
    private void change(SalesOrderEvent event, long sequenceNumber, TrackingToken token, boolean creates,
                        Consumer<Document> change) {
        DocumentBatch.current(readStore).applyVersioned(COLLECTION, event.orderId(), SalesOrderProjection::orderIdOf,
                token, sequenceNumber, creates, change);
    }

    static List<Document> lines(List<OrderLine> lines, String currency) {
        List<Document> documents = new ArrayList<>();
        for (OrderLine line : lines) {
            documents.add(new Document("sku", line.sku())
                    .append("qty", line.quantity())
                    .append("unitPrice", amount(line.unitPriceMinor(), currency))
                    .append("taxRate", line.taxRatePercent().toPlainString()));
        }
        return documents;
    }

    private static String amount(long minor, String currency) {
        return Money.of(minor, currency).toDecimalString();
    }
}
