package org.kontor.query.purchasing;

import java.time.LocalDate;
import java.util.Objects;

/** The queries of purchasing; lists are by id, after {@code afterId}, at most {@code limit}. */
final class PurchasingQueries {

    private PurchasingQueries() {
    }

    record FetchSupplierQuery(String supplierId) {

        FetchSupplierQuery {
            Objects.requireNonNull(supplierId, "supplierId");
        }
    }

    record FetchSuppliersQuery(String afterId, int limit) {
    }

    record FetchPurchaseOrderQuery(String orderId) {

        FetchPurchaseOrderQuery {
            Objects.requireNonNull(orderId, "orderId");
        }
    }

    /** {@code supplierId} {@code null}: every supplier's. */
    record FetchPurchaseOrdersQuery(String supplierId, String afterId, int limit) {
    }

    /** {@code today} tells which open bills are overdue. */
    record FetchBillQuery(String billId, LocalDate today) {

        FetchBillQuery {
            Objects.requireNonNull(billId, "billId");
            Objects.requireNonNull(today, "today");
        }
    }

    /** {@code supplierId} and {@code status} (OPEN, OVERDUE, PAID) {@code null}: any. */
    record FetchBillsQuery(String supplierId, String status, LocalDate today, String afterId, int limit) {

        FetchBillsQuery {
            Objects.requireNonNull(today, "today");
        }
    }
}
