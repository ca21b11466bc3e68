package org.kontor.query.sales;

import java.util.List;
import java.util.Objects;

/** The queries of sales and the views they answer with. */
final class SalesOrderQueries {

    private SalesOrderQueries() {
    }

    record FetchSalesOrderQuery(String orderId) {

        FetchSalesOrderQuery {
            Objects.requireNonNull(orderId, "orderId");
        }
    }

    /**
     * A sales order: totals are set from confirmation on; {@code reservationFailure} says which line
     * inventory could not hold, and why, when the status is RESERVATION_FAILED; {@code invoiceId}
     * is set once the order is INVOICED.
     */
    record SalesOrderView(String id, String customerId, String currency, String status, String warehouseId,
                          List<LineView> lines, String net, String tax, String total,
                          ReservationFailureView reservationFailure, String deliveredOn, String cancelReason,
                          String invoiceId, String invoicedOn, long version) {
    }

    record LineView(String sku, long qty, String unitPrice, String taxRate) {
    }

    record ReservationFailureView(String sku, String code, String reason) {
    }
}
