package org.kontor.query.crm;

import com.mongodb.client.MongoDatabase;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.function.Consumer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.TrackingToken;
import org.bson.Document;
import org.kontor.events.sales.InvoiceEvent.InvoiceIssued;
import org.kontor.events.sales.InvoiceEvent.InvoiceOverdue;
import org.kontor.events.sales.InvoiceEvent.InvoicePaymentReceived;
import org.kontor.events.sales.SalesOrderEvent;
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
 * The part of the 360 view that sales puts there: the last order (its id, status, total once
 * confirmed, when it was drafted), the open invoices (what each still owes, whether it is
 * overdue) and the lifetime revenue (the net of every invoice). Same processing group and document
 * as {@link CustomerProjection}; sales is not a change of the customer and leaves its version alone.
 *
 * <p>Amounts are summed in the customer's sales currency, the currency of their first invoice: an
 * invoice in another currency is listed but not added (there is no exchange rate to add it with).
 */
@Component
@ProcessingGroup(CustomerProjection.PROCESSOR)
class CustomerSalesProjection {

    static final String LAST_ORDER = "lastOrder";
    static final String OPEN_INVOICES = "openInvoices";
    static final String SALES_CURRENCY = "salesCurrency";
    static final String LIFETIME_REVENUE = "lifetimeRevenueMinor";

    private final MongoDatabase readStore;

    CustomerSalesProjection(MongoDatabase readStore) {
        this.readStore = readStore;
    }

    @EventHandler
    void on(SalesOrderDrafted event, @Timestamp Instant recordedAt, TrackingToken token) {
        change(event.customerId(), token, customer -> customer.put(LAST_ORDER, new Document("id", event.orderId())
                .append("status", "DRAFT").append("currency", event.currency())
                .append("orderedAt", Date.from(recordedAt))));
    }

    @EventHandler
    void on(SalesOrderConfirmed event, TrackingToken token) {
        changeLastOrder(event, token, order -> order.append("status", "CONFIRMED")
                .append("totalMinor", Math.addExact(event.netMinor(), event.taxMinor())));
    }

    /** Any later step of an order: its status, if it is the customer's last order. */
    @EventHandler
    void on(SalesOrderEvent event, TrackingToken token) {
        String status = statusAfter(event);
        if (status != null) {
            changeLastOrder(event, token, order -> order.put("status", status));
        }
    }

    @EventHandler
    void on(InvoiceIssued event, TrackingToken token) {
        change(event.customerId(), token, customer -> {
            customer.putIfAbsent(SALES_CURRENCY, event.currency());
            Document open = Counters.row(customer, OPEN_INVOICES, "id", event.invoiceId());
            open.put("openMinor", event.totalMinor());
            open.put("currency", event.currency());
            open.put("overdue", false);
            if (event.currency().equals(customer.getString(SALES_CURRENCY))) {
                Counters.add(customer, LIFETIME_REVENUE, event.netMinor());
            }
        });
    }

    @EventHandler
    void on(InvoicePaymentReceived event, TrackingToken token) {
        change(event.customerId(), token, customer -> {
            if (event.paysInFull()) {
                List<Document> open = new ArrayList<>(customer.getList(OPEN_INVOICES, Document.class, List.of()));
                open.removeIf(invoice -> event.invoiceId().equals(invoice.getString("id")));
                customer.put(OPEN_INVOICES, open);
            } else {
                Counters.row(customer, OPEN_INVOICES, "id", event.invoiceId()).put("openMinor", event.openMinor());
            }
        });
    }

    @EventHandler
    void on(InvoiceOverdue event, TrackingToken token) {
        change(event.customerId(), token, customer -> customer.getList(OPEN_INVOICES, Document.class, List.of())
                .stream().filter(invoice -> event.invoiceId().equals(invoice.getString("id")))
                .forEach(invoice -> invoice.put("overdue", true)));
    }

    private static String statusAfter(SalesOrderEvent event) {
        if (event instanceof SalesOrderStockReserved) {
            return "RESERVED";
        }
        if (event instanceof SalesOrderReservationFailed) {
            return "RESERVATION_FAILED";
        }
        if (event instanceof SalesOrderDelivered) {
            return "DELIVERED";
        }
        if (event instanceof SalesOrderInvoiced) {
            return "INVOICED";
        }
        return event instanceof SalesOrderCancelled ? "CANCELLED" : null;
    }

    private void changeLastOrder(SalesOrderEvent event, TrackingToken token, Consumer<Document> change) {
        change(event.customerId(), token, customer -> {
            Document last = customer.get(LAST_ORDER, Document.class);
            if (last != null && event.orderId().equals(last.getString("id"))) {
                change.accept(last);
            }
        });
    }

    private void change(String customerId, TrackingToken token, Consumer<Document> change) {
        DocumentBatch.current(readStore).applyToExisting(CustomerProjection.COLLECTION, customerId,
                CustomerProjection::customerIdOf, token, change);
    }
}
