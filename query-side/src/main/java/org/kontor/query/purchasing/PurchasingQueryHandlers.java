package org.kontor.query.purchasing;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.kontor.events.common.Money;
import org.kontor.query.purchasing.PurchasingQueries.FetchBillQuery;
import org.kontor.query.purchasing.PurchasingQueries.FetchBillsQuery;
import org.kontor.query.purchasing.PurchasingQueries.FetchPurchaseOrderQuery;
import org.kontor.query.purchasing.PurchasingQueries.FetchPurchaseOrdersQuery;
import org.kontor.query.purchasing.PurchasingQueries.FetchSupplierQuery;
import org.kontor.query.purchasing.PurchasingQueries.FetchSuppliersQuery;
import org.kontor.query.purchasing.PurchasingViews.BillLineView;
import org.kontor.query.purchasing.PurchasingViews.BillPage;
import org.kontor.query.purchasing.PurchasingViews.BillView;
import org.kontor.query.purchasing.PurchasingViews.OrderLineView;
import org.kontor.query.purchasing.PurchasingViews.PaymentView;
import org.kontor.query.purchasing.PurchasingViews.PurchaseOrderPage;
import org.kontor.query.purchasing.PurchasingViews.PurchaseOrderView;
import org.kontor.query.purchasing.PurchasingViews.ReceiptView;
import org.kontor.query.purchasing.PurchasingViews.SupplierPage;
import org.kontor.query.purchasing.PurchasingViews.SupplierView;
import org.springframework.stereotype.Component;

/**
 * Answers the purchasing queries. One of each is an {@code _id} read; a list reads one more
 * document than asked for, to tell whether there is a next page (filtered lists scan: they are
 * for clerks, not hot paths).
 */
@Component
class PurchasingQueryHandlers {

    private final MongoCollection<Document> suppliers;
    private final MongoCollection<Document> orders;
    private final MongoCollection<Document> bills;

    PurchasingQueryHandlers(MongoDatabase readStore) {
        this.suppliers = readStore.getCollection(SupplierProjection.COLLECTION);
        this.orders = readStore.getCollection(PurchaseOrderProjection.COLLECTION);
        this.bills = readStore.getCollection(BillProjection.COLLECTION);
    }

    @QueryHandler
    SupplierView handle(FetchSupplierQuery query) {
        Document supplier = suppliers.find(Filters.eq("_id", query.supplierId())).first();
        return supplier == null ? null : toSupplier(supplier);
    }

    @QueryHandler
    SupplierPage handle(FetchSuppliersQuery query) {
        List<SupplierView> page = page(suppliers, List.of(), query.afterId(), query.limit(),
                PurchasingQueryHandlers::toSupplier);
        return new SupplierPage(items(page, query.limit()), lastId(page, query.limit(), SupplierView::id));
    }

    @QueryHandler
    PurchaseOrderView handle(FetchPurchaseOrderQuery query) {
        Document order = orders.find(Filters.eq("_id", query.orderId())).first();
        return order == null ? null : toOrder(order);
    }

    @QueryHandler
    PurchaseOrderPage handle(FetchPurchaseOrdersQuery query) {
        List<Bson> filters = query.supplierId() == null ? List.of() : List.of(Filters.eq("supplierId",
                query.supplierId()));
        List<PurchaseOrderView> page = page(orders, filters, query.afterId(), query.limit(),
                PurchasingQueryHandlers::toOrder);
        return new PurchaseOrderPage(items(page, query.limit()), lastId(page, query.limit(), PurchaseOrderView::id));
    }

    @QueryHandler
    BillView handle(FetchBillQuery query) {
        Document bill = bills.find(Filters.eq("_id", query.billId())).first();
        return bill == null ? null : toBill(bill, query.today());
    }

    @QueryHandler
    BillPage handle(FetchBillsQuery query) {
        List<Bson> filters = new ArrayList<>();
        if (query.supplierId() != null) {
            filters.add(Filters.eq("supplierId", query.supplierId()));
        }
        if (query.status() != null) {
            filters.add(statusFilter(query.status(), query.today()));
        }
        List<BillView> page = page(bills, filters, query.afterId(), query.limit(), bill -> toBill(bill,
                query.today()));
        return new BillPage(items(page, query.limit()), lastId(page, query.limit(), BillView::id));
    }

    /** OVERDUE: open and due before today; OPEN: open and not overdue; PAID: nothing open. */
    static String statusOf(long openMinor, LocalDate dueDate, LocalDate today) {
        if (openMinor == 0) {
            return "PAID";
        }
        return dueDate.isBefore(today) ? "OVERDUE" : "OPEN";
    }

    private static Bson statusFilter(String status, LocalDate today) {
        String day = today.toString(); // ISO dates compare as strings
        return switch (status) {
            case "PAID" -> Filters.eq("openMinor", 0L);
            case "OVERDUE" -> Filters.and(Filters.gt("openMinor", 0L), Filters.lt("dueDate", day));
            default -> Filters.and(Filters.gt("openMinor", 0L), Filters.gte("dueDate", day));
        };
    }

    private static <T> List<T> page(MongoCollection<Document> collection, List<Bson> filters, String afterId,
                                    int limit, Function<Document, T> view) {
        List<Bson> all = new ArrayList<>(filters);
        if (afterId != null) {
            all.add(Filters.gt("_id", afterId));
        }
        Bson filter = all.isEmpty() ? new Document() : Filters.and(all);
        return collection.find(filter).sort(Sorts.ascending("_id")).limit(limit + 1).map(view::apply)
                .into(new ArrayList<>());
    }

    private static <T> List<T> items(List<T> page, int limit) {
        return page.size() > limit ? page.subList(0, limit) : page;
    }

    private static <T> String lastId(List<T> page, int limit, Function<T, String> id) {
        return page.size() > limit ? id.apply(page.get(limit - 1)) : null;
    }

    private static SupplierView toSupplier(Document supplier) {
        return new SupplierView(supplier.getString("_id"), supplier.getString("name"), supplier.getString("email"),
                supplier.getInteger("paymentTermDays"), supplier.getLong("version"));
    }

    private static PurchaseOrderView toOrder(Document order) {
        String currency = order.getString("currency");
        long total = 0;
        List<OrderLineView> lines = new ArrayList<>();
        for (Document line : order.getList("lines", Document.class)) {
            long unitCost = line.getLong("unitCostMinor");
            total = Math.addExact(total, Math.multiplyExact(line.getLong("qty"), unitCost));
            lines.add(new OrderLineView(line.getString("sku"), line.getLong("qty"), amount(unitCost, currency),
                    line.getString("taxRate"), line.getLong("received"), line.getLong("billed"),
                    line.getLong("cancelled")));
        }
        List<ReceiptView> receipts = order.getList("receipts", Document.class).stream()
                .map(receipt -> new ReceiptView(receipt.getInteger("number"), receipt.getString("receiptId"),
                        receipt.getString("warehouseId"), receipt.getString("date")))
                .toList();
        return new PurchaseOrderView(order.getString("_id"), order.getString("supplierId"), currency,
                order.getString("status"), lines, amount(total, currency), receipts,
                List.copyOf(order.getList("bills", String.class)), order.getString("cancelReason"),
                order.getLong("version"));
    }

    private static BillView toBill(Document bill, LocalDate today) {
        String currency = bill.getString("currency");
        List<BillLineView> lines = bill.getList("lines", Document.class).stream()
                .map(line -> new BillLineView(line.getString("sku"), line.getLong("qty"),
                        amount(line.getLong("unitCostMinor"), currency), line.getString("taxRate"),
                        amount(line.getLong("netMinor"), currency), amount(line.getLong("taxMinor"), currency)))
                .toList();
        List<PaymentView> payments = bill.getList("payments", Document.class).stream()
                .map(payment -> new PaymentView(payment.getString("id"), payment.getString("date"),
                        amount(payment.getLong("amountMinor"), currency), payment.getString("method")))
                .toList();
        long total = bill.getLong("totalMinor");
        long open = bill.getLong("openMinor");
        String dueDate = bill.getString("dueDate");
        return new BillView(bill.getString("_id"), bill.getString("orderId"), bill.getString("supplierId"), currency,
                bill.getString("date"), dueDate, lines, amount(bill.getLong("netMinor"), currency),
                amount(bill.getLong("taxMinor"), currency), amount(total, currency), amount(total - open, currency),
                amount(open, currency), statusOf(open, LocalDate.parse(dueDate), today), payments,
                bill.getLong("version"));
    }

    private static String amount(long minor, String currency) {
        return Money.of(minor, currency).toDecimalString();
    }
}
