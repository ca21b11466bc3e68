package org.kontor.query.sales;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.kontor.events.common.Money;
import org.kontor.query.sales.InvoiceQueries.FetchInvoiceQuery;
import org.kontor.query.sales.InvoiceQueries.FetchInvoicesQuery;
import org.kontor.query.sales.InvoiceQueries.InvoicePage;
import org.kontor.query.sales.InvoiceQueries.InvoiceView;
import org.kontor.query.sales.InvoiceQueries.PaymentView;
import org.kontor.query.sales.SalesOrderQueries.LineView;
import org.springframework.stereotype.Component;

/**
 * Answers the invoice queries. One invoice is an {@code _id} read. A customer's invoices are read
 * through the customer's index document: its ids after the cursor, fetched by {@code _id} in chunks
 * of a page, filtered by status. Without a customer the list pages through the invoices in
 * {@code _id} order (with a status, a filtered scan: on the embedded read store every page reads
 * the collection; the per-customer list is the hot path).
 */
@Component
class InvoiceQueryHandler {

    private final MongoCollection<Document> invoices;
    private final MongoCollection<Document> byCustomer;

    InvoiceQueryHandler(MongoDatabase readStore) {
        this.invoices = readStore.getCollection(InvoiceProjection.COLLECTION);
        this.byCustomer = readStore.getCollection(InvoiceProjection.BY_CUSTOMER);
    }

    @QueryHandler
    InvoiceView handle(FetchInvoiceQuery query) {
        Document invoice = invoices.find(Filters.eq("_id", query.invoiceId())).first();
        return invoice == null ? null : toView(invoice);
    }

    @QueryHandler
    InvoicePage handle(FetchInvoicesQuery query) {
        return query.customerId() != null ? ofCustomer(query) : ofAll(query);
    }

    private InvoicePage ofCustomer(FetchInvoicesQuery query) {
        Document index = byCustomer.find(Filters.eq("_id", query.customerId())).first();
        List<String> ids = index == null ? List.of() : index.getList("invoiceIds", String.class);
        int next = query.afterInvoiceId() == null ? 0 : ids.indexOf(query.afterInvoiceId()) + 1;
        if (query.afterInvoiceId() != null && next == 0) {
            return new InvoicePage(List.of(), null); // a cursor of another list: nothing follows it here
        }
        List<InvoiceView> page = new ArrayList<>();
        while (next < ids.size() && page.size() < query.limit()) {
            List<String> chunk = ids.subList(next, Math.min(ids.size(), next + query.limit()));
            Map<String, Document> found = new HashMap<>();
            invoices.find(Filters.in("_id", chunk)).forEach(invoice -> found.put(invoice.getString("_id"), invoice));
            for (String id : chunk) {
                next++;
                Document invoice = found.get(id);
                if (invoice != null && hasStatus(invoice, query.status())) {
                    page.add(toView(invoice));
                    if (page.size() == query.limit()) {
                        break;
                    }
                }
            }
        }
        boolean more = next < ids.size();
        return new InvoicePage(page, more && !page.isEmpty() ? page.get(page.size() - 1).id() : null);
    }

    private InvoicePage ofAll(FetchInvoicesQuery query) {
        List<Bson> filters = new ArrayList<>();
        if (query.afterInvoiceId() != null) {
            filters.add(Filters.gt("_id", query.afterInvoiceId()));
        }
        if (query.status() != null) {
            filters.add(Filters.eq("status", query.status()));
        }
        List<InvoiceView> page = new ArrayList<>();
        invoices.find(filters.isEmpty() ? new Document() : Filters.and(filters)).sort(Sorts.ascending("_id"))
                .limit(query.limit() + 1).forEach(invoice -> page.add(toView(invoice)));
        boolean more = page.size() > query.limit();
        List<InvoiceView> items = more ? page.subList(0, query.limit()) : page;
        return new InvoicePage(List.copyOf(items), more ? items.get(items.size() - 1).id() : null);
    }

    private static boolean hasStatus(Document invoice, String status) {
        return status == null || status.equals(invoice.getString("status"));
    }

    private static InvoiceView toView(Document invoice) {
        String currency = invoice.getString("currency");
        List<LineView> lines = invoice.getList("lines", Document.class).stream()
                .map(line -> new LineView(line.getString("sku"), line.getLong("qty"), line.getString("unitPrice"),
                        line.getString("taxRate")))
                .toList();
        List<PaymentView> payments = invoice.getList("payments", Document.class).stream()
                .map(payment -> new PaymentView(payment.getString("id"), amount(payment.getLong("amountMinor"),
                        currency), payment.getString("date"), payment.getString("method")))
                .toList();
        long total = invoice.getLong("totalMinor");
        long paid = invoice.getLong("paidMinor");
        return new InvoiceView(invoice.getString("_id"), invoice.getString("orderId"), invoice.getString("customerId"),
                currency, invoice.getString("status"), invoice.getString("date"), invoice.getString("dueDate"), lines,
                amount(invoice.getLong("netMinor"), currency), amount(invoice.getLong("taxMinor"), currency),
                amount(total, currency), amount(paid, currency), amount(total - paid, currency), payments,
                invoice.getLong("version"));
    }

    private static String amount(long minor, String currency) {
        return Money.of(minor, currency).toDecimalString();
    }
}
