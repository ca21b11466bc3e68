package org.kontor.query.sales;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.util.List;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.kontor.query.sales.SalesOrderQueries.FetchSalesOrderQuery;
import org.kontor.query.sales.SalesOrderQueries.LineView;
import org.kontor.query.sales.SalesOrderQueries.ReservationFailureView;
import org.kontor.query.sales.SalesOrderQueries.SalesOrderView;
import org.springframework.stereotype.Component;

/** Answers the sales order query: an {@code _id} read. */
@Component
class SalesOrderQueryHandler {

    private final MongoCollection<Document> orders;

    SalesOrderQueryHandler(MongoDatabase readStore) {
        this.orders = readStore.getCollection(SalesOrderProjection.COLLECTION);
    }

    @QueryHandler
    SalesOrderView handle(FetchSalesOrderQuery query) {
        Document order = orders.find(Filters.eq("_id", query.orderId())).first();
        return order == null ? null : toView(order);
    }

    private static SalesOrderView toView(Document order) {
        List<LineView> lines = order.getList("lines", Document.class).stream()
                .map(line -> new LineView(line.getString("sku"), line.getLong("qty"), line.getString("unitPrice"),
                        line.getString("taxRate")))
                .toList();
        Document failure = order.get("reservationFailure", Document.class);
        return new SalesOrderView(order.getString("_id"), order.getString("customerId"), order.getString("currency"),
                order.getString("status"), order.getString("warehouseId"), lines, order.getString("net"),
                order.getString("tax"), order.getString("total"),
                failure == null ? null : new ReservationFailureView(failure.getString("sku"),
                        failure.getString("code"), failure.getString("reason")),
                order.getString("deliveredOn"), order.getString("cancelReason"), order.getString("invoiceId"),
                order.getString("invoicedOn"), order.getLong("version"));
    }
}
