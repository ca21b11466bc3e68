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
import org.kontor.events.purchasing.BillEvent;
import org.kontor.events.purchasing.BillEvent.BillLine;
import org.kontor.events.purchasing.BillEvent.BillPaymentRecorded;
import org.kontor.events.purchasing.BillEvent.BillRecorded;
import org.kontor.query.projection.DocumentBatch;
import org.springframework.stereotype.Component;

/**
 * One document per supplier bill, keyed by its id: its lines and amounts, its payments and what is
 * still open ({@code openMinor}, which with {@code dueDate} gives the status at read time).
 * Amounts are minor units; {@code version} is the bill's version after the event.
 */
@Component
@ProcessingGroup(PurchasingViews.PROCESSOR)
class BillProjection {

    static final String COLLECTION = "bills";

    private final MongoDatabase readStore;

    BillProjection(MongoDatabase readStore) {
        this.readStore = readStore;
    }

    @EventHandler
    void on(BillRecorded event, @SequenceNumber long sequenceNumber, TrackingToken token) {
        change(event, sequenceNumber, token, true, bill -> {
            bill.put("orderId", event.orderId());
            bill.put("supplierId", event.supplierId());
            bill.put("currency", event.currency());
            bill.put("date", event.date().toString());
            bill.put("dueDate", event.dueDate().toString());
            List<Document> lines = new ArrayList<>();
            for (BillLine line : event.lines()) {
                lines.add(new Document("sku", line.sku()).append("qty", line.quantity())
                        .append("unitCostMinor", line.unitCostMinor())
                        .append("taxRate", line.taxRatePercent().toPlainString())
                        .append("netMinor", line.netMinor()).append("taxMinor", line.taxMinor()));
            }
            bill.put("lines", lines);
            bill.put("netMinor", event.netMinor());
            bill.put("taxMinor", event.taxMinor());
            bill.put("totalMinor", event.totalMinor());
            bill.put("openMinor", event.totalMinor());
            bill.put("payments", new ArrayList<Document>());
        });
    }

    @EventHandler
    void on(BillPaymentRecorded event, @SequenceNumber long sequenceNumber, TrackingToken token) {
        change(event, sequenceNumber, token, false, bill -> {
            bill.getList("payments", Document.class).add(new Document("id", event.paymentId())
                    .append("date", event.date().toString()).append("amountMinor", event.amountMinor())
                    .append("method", event.method()));
            bill.put("openMinor", event.openMinor());
        });
    }

    @ResetHandler
    void clear() {
        readStore.getCollection(COLLECTION).drop();
    }

    static String billIdOf(Object payload) {
        return payload instanceof BillEvent event ? event.billId() : null;
    }

    private void change(BillEvent event, long sequenceNumber, TrackingToken token, boolean creates,
                        Consumer<Document> change) {
        DocumentBatch.current(readStore).applyVersioned(COLLECTION, event.billId(), BillProjection::billIdOf, token,
                sequenceNumber, creates, change);
    }
}
