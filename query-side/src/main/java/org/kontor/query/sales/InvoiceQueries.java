package org.kontor.query.sales;

import java.util.List;
import java.util.Objects;
import org.kontor.query.sales.SalesOrderQueries.LineView;

/** The invoice queries and the views they answer with. */
final class InvoiceQueries {

    private InvoiceQueries() {
    }

    record FetchInvoiceQuery(String invoiceId) {

        FetchInvoiceQuery {
            Objects.requireNonNull(invoiceId, "invoiceId");
        }
    }

    /**
     * A page of invoices, optionally of one customer and in one status; {@code afterInvoiceId} is
     * the last invoice of the previous page.
     */
    record FetchInvoicesQuery(String customerId, String status, int limit, String afterInvoiceId) {

        FetchInvoicesQuery {
            if (limit < 1) {
                throw new IllegalArgumentException("limit must be 1 or more");
            }
        }
    }

    /** The invoices found and the id of the last one when more may follow. */
    record InvoicePage(List<InvoiceView> items, String lastInvoiceId) {
    }

    /**
     * An invoice: amounts are decimal strings of its currency; {@code open} is what is still owed.
     * The status is OPEN, PAID or OVERDUE (open after its due date).
     */
    record InvoiceView(String id, String orderId, String customerId, String currency, String status, String date,
                       String dueDate, List<LineView> lines, String net, String tax, String total, String paid,
                       String open, List<PaymentView> payments, long version) {
    }

    record PaymentView(String id, String amount, String date, String method) {
    }
}
