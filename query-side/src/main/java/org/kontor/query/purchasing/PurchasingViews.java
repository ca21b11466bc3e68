package org.kontor.query.purchasing;

import java.util.List;

/**
 * The views of purchasing as clients see them. Amounts are decimal strings of the document's
 * currency. All three views are kept by one processor: a client reading the order and then its
 * bill waits for one position, not two.
 */
final class PurchasingViews {

    static final String PROCESSOR = "purchasing-documents";

    private PurchasingViews() {
    }

    record SupplierView(String id, String name, String email, int paymentTermDays, long version) {
    }

    record SupplierPage(List<SupplierView> items, String lastId) {
    }

    /** Ordered, received and billed quantities per line; {@code receipts} name their stock movements. */
    record PurchaseOrderView(String id, String supplierId, String currency, String status, List<OrderLineView> lines,
                             String total, List<ReceiptView> receipts, List<String> bills, String cancelReason,
                             long version) {
    }

    record OrderLineView(String sku, long qty, String unitCost, String taxRate, long received, long billed,
                         long cancelled) {
    }

    record ReceiptView(int number, String receiptId, String warehouseId, String date) {
    }

    record PurchaseOrderPage(List<PurchaseOrderView> items, String lastId) {
    }

    /** Status OPEN, OVERDUE (open past its due date, as of today) or PAID. */
    record BillView(String id, String orderId, String supplierId, String currency, String date, String dueDate,
                    List<BillLineView> lines, String net, String tax, String total, String paid, String open,
                    String status, List<PaymentView> payments, long version) {
    }

    record BillLineView(String sku, long qty, String unitCost, String taxRate, String net, String tax) {
    }

    record PaymentView(String id, String date, String amount, String method) {
    }

    record BillPage(List<BillView> items, String lastId) {
    }
}
