package org.kontor.query.sales;

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
import org.kontor.events.sales.InvoiceEvent;
import org.kontor.events.sales.InvoiceEvent.InvoiceIssued;
import org.kontor.events.sales.InvoiceEvent.InvoiceOverdue;
import org.kontor.events.sales.InvoiceEvent.InvoicePaymentReceived;
import org.kontor.query.projection.DocumentBatch;
import org.springframework.stereotype.Component;

/**
 * One document per invoice, keyed by its id (lines, totals, payments, status OPEN, PAID or OVERDUE,
 * and {@code version}, the invoice's version after the event), and one index document per customer
 * listing the customer's invoice ids in the order they were issued, so listing a customer's
 * invoices reads two documents by {@code _id} and then the invoices by {@code _id}. Amounts are kept
 * in minor units and shown as decimal strings by the query handler.
 */
@Component
@ProcessingGroup(InvoiceProjection.PROCESSOR)
class InvoiceProjection {

    static final String PROCESSOR = "sales-invoices";
    static final String COLLECTION = "sales_invoices";
    static final String BY_CUSTOMER = "sales_invoices_by_customer";

    static final String OPEN = "OPEN";
    static final String PAID = "PAID";
    static final String OVERDUE = "OVERDUE";

    private final MongoDatabase readStore;

    InvoiceProjection(MongoDatabase readStore) {
        this.readStore = readStore;
    }

    @EventHandler
    void on(InvoiceIssued event, @SequenceNumber long sequenceNumber, TrackingToken token) {
        DocumentBatch batch = DocumentBatch.current(readStore);
        batch.apply(COLLECTION, event.invoiceId(), InvoiceProjection::invoiceIdOf, token, invoice -> {
            invoice.put("orderId", event.orderId());
            invoice.put("customerId", event.customerId());
            invoice.put("currency", event.currency());
            invoice.put("lines", SalesOrderProjection.lines(event.lines(), event.currency()));
            invoice.put("netMinor", event.netMinor());
            invoice.put("taxMinor", event.taxMinor());
            invoice.put("totalMinor", event.totalMinor());
            invoice.put("paidMinor", 0L);
            invoice.put("date", event.date().toString());
            invoice.put("dueDate", event.dueDate().toString());
            invoice.put("status", event.totalMinor() == 0 ? PAID : OPEN);
            invoice.put("payments", new ArrayList<Document>());
            invoice.put("version", sequenceNumber + 1);
        });
        batch.apply(BY_CUSTOMER, event.customerId(), InvoiceProjection::customerIdOf, token, index -> {
            List<String> ids = new ArrayList<>(index.getList("invoiceIds", String.class, List.of()));
            if (!ids.contains(event.invoiceId())) {
                ids.add(event.invoiceId());
            }
            index.put("invoiceIds", ids);
        });
    }

    @EventHandler
    void on(InvoicePaymentReceived event, @SequenceNumber long sequenceNumber, TrackingToken token) {
        change(event, sequenceNumber, token, invoice -> {
            List<Document> payments = new ArrayList<>(invoice.getList("payments", Document.class, List.of()));
            payments.add(new Document("id", event.paymentId()).append("amountMinor", event.amountMinor())
                    .append("date", event.date().toString()).append("method", event.method().name()));
            invoice.put("payments", payments);
            invoice.put("paidMinor", invoice.getLong("paidMinor") + event.amountMinor());
            if (event.paysInFull()) {
                invoice.put("status", PAID);
            }
        });
    }

    @EventHandler
    void on(InvoiceOverdue event, @SequenceNumber long sequenceNumber, TrackingToken token) {
        change(event, sequenceNumber, token, invoice -> {
            if (OPEN.equals(invoice.getString("status"))) {
                invoice.put("status", OVERDUE);
            }
        });
    }

    @ResetHandler
    void clear() {
        readStore.getCollection(COLLECTION).drop();
        readStore.getCollection(BY_CUSTOMER).drop();
    }

    static String invoiceIdOf(Object payload) {
        return payload instanceof InvoiceEvent event ? event.invoiceId() : null;
    }

    static String customerIdOf(Object payload) {
        return payload instanceof InvoiceIssued issued ? issued.customerId() : null;
    }

    private void change(InvoiceEvent event, long sequenceNumber, TrackingToken token, Consumer<Document> change) {
        DocumentBatch.current(readStore).applyToExisting(COLLECTION, event.invoiceId(),
                InvoiceProjection::invoiceIdOf, token, invoice -> {
                    change.accept(invoice);
                    invoice.put("version", sequenceNumber + 1);
                });
    }
}
