package org.kontor.query.purchasing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kontor.events.purchasing.BillEvent;
import org.kontor.events.purchasing.BillEvent.BillLine;
import org.kontor.events.purchasing.BillEvent.BillPaymentRecorded;
import org.kontor.events.purchasing.BillEvent.BillRecorded;
import org.kontor.events.purchasing.PurchaseOrderEvent;
import org.kontor.events.purchasing.PurchaseOrderEvent.GoodsReceived;
import org.kontor.events.purchasing.PurchaseOrderEvent.OrderQuantity;
import org.kontor.events.purchasing.PurchaseOrderEvent.OrderedLine;
import org.kontor.events.purchasing.PurchaseOrderEvent.PurchaseOrderBilled;
import org.kontor.events.purchasing.PurchaseOrderEvent.PurchaseOrderCancelled;
import org.kontor.events.purchasing.PurchaseOrderEvent.PurchaseOrderPlaced;
import org.kontor.events.purchasing.PurchaseOrderEvent.ReceivedGoods;
import org.kontor.query.projection.ProjectionHarness;
import org.kontor.query.purchasing.PurchasingQueries.FetchBillQuery;
import org.kontor.query.purchasing.PurchasingQueries.FetchBillsQuery;
import org.kontor.query.purchasing.PurchasingQueries.FetchPurchaseOrderQuery;
import org.kontor.query.purchasing.PurchasingViews.BillView;
import org.kontor.query.purchasing.PurchasingViews.OrderLineView;
import org.kontor.query.purchasing.PurchasingViews.PurchaseOrderView;

class PurchasingProjectionTest {

    private static final String ORDER_ID = "4a5b6c7d-8e9f-4a0b-9c1d-2e3f4a5b6c7d";
    private static final String SUPPLIER_ID = "3f4a5b6c-7d8e-4f9a-8b0c-1d2e3f4a5b6c";
    private static final String WAREHOUSE_ID = "2b3c4d5e-6f70-4a8b-9c0d-1e2f3a4b5c6d";
    private static final String BILL_ID = "5b6c7d8e-9f0a-4b1c-8d2e-3f4a5b6c7d8e";
    private static final String ORDER_STREAM = PurchaseOrderEvent.aggregateId(ORDER_ID);
    private static final String BILL_STREAM = BillEvent.aggregateId(BILL_ID);
    private static final PurchaseOrderPlaced PLACED = new PurchaseOrderPlaced(ORDER_ID, SUPPLIER_ID, "EUR", List.of(
            new OrderedLine("BOLT-M8-40", 10, 125, new BigDecimal("19")),
            new OrderedLine("NUT-M8", 4, 99, BigDecimal.ZERO)));
    private static final GoodsReceived SIX_BOLTS = new GoodsReceived(ORDER_ID, SUPPLIER_ID, 1,
            PurchaseOrderEvent.receiptId(ORDER_ID, 1), WAREHOUSE_ID, LocalDate.of(2026, 3, 2), "EUR",
            List.of(new ReceivedGoods("BOLT-M8-40", 6, 125)));
    /** Six bolts: net 7.50, 19 % tax 1.43 (1.425 rounded half up). */
    private static final BillRecorded BILL = new BillRecorded(BILL_ID, ORDER_ID, SUPPLIER_ID,
            LocalDate.of(2026, 3, 4), LocalDate.of(2026, 4, 3), "EUR",
            List.of(new BillLine("BOLT-M8-40", 6, 125, new BigDecimal("19"), 750, 143)), 750, 143);

    private final ProjectionHarness harness = new ProjectionHarness();
    private final PurchaseOrderProjection orders = new PurchaseOrderProjection(harness.database());
    private final BillProjection bills = new BillProjection(harness.database());
    private final PurchasingQueryHandlers queries = new PurchasingQueryHandlers(harness.database());

    @AfterEach
    void stop() {
        harness.close();
    }

    @Test
    void partlyReceivedAndBilled_linesShowEachQuantityAndTheStatusFollows() {
        harness.handle(orders, List.of(harness.next(ORDER_STREAM, 0, PLACED)));
        assertThat(order().status()).isEqualTo("OPEN");
        assertThat(order().total()).isEqualTo("16.46");

        harness.handle(orders, List.of(harness.next(ORDER_STREAM, 1, SIX_BOLTS),
                harness.next(ORDER_STREAM, 2, new PurchaseOrderBilled(ORDER_ID, SUPPLIER_ID, BILL_ID,
                        LocalDate.of(2026, 3, 4), List.of(new OrderQuantity("BOLT-M8-40", 6))))));

        PurchaseOrderView order = order();
        assertThat(order.status()).isEqualTo("PARTIALLY_RECEIVED");
        assertThat(order.lines()).containsExactly(new OrderLineView("BOLT-M8-40", 10, "1.25", "19", 6, 6, 0),
                new OrderLineView("NUT-M8", 4, "0.99", "0", 0, 0, 0));
        assertThat(order.receipts()).hasSize(1);
        assertThat(order.receipts().get(0).receiptId()).isEqualTo(PurchaseOrderEvent.receiptId(ORDER_ID, 1));
        assertThat(order.bills()).containsExactly(BILL_ID);
        assertThat(order.version()).isEqualTo(3);
    }

    @Test
    void allReceivedThenBilled_receivedThenBilled() {
        GoodsReceived rest = new GoodsReceived(ORDER_ID, SUPPLIER_ID, 2, PurchaseOrderEvent.receiptId(ORDER_ID, 2),
                WAREHOUSE_ID, LocalDate.of(2026, 3, 3), "EUR",
                List.of(new ReceivedGoods("BOLT-M8-40", 4, 125), new ReceivedGoods("NUT-M8", 4, 99)));
        harness.handle(orders, List.of(harness.next(ORDER_STREAM, 0, PLACED), harness.next(ORDER_STREAM, 1, SIX_BOLTS),
                harness.next(ORDER_STREAM, 2, rest)));
        assertThat(order().status()).isEqualTo("RECEIVED");

        harness.handle(orders, List.of(harness.next(ORDER_STREAM, 3, new PurchaseOrderBilled(ORDER_ID, SUPPLIER_ID,
                BILL_ID, LocalDate.of(2026, 3, 4), List.of(new OrderQuantity("BOLT-M8-40", 10),
                new OrderQuantity("NUT-M8", 4))))));
        assertThat(order().status()).isEqualTo("BILLED");
    }

    @Test
    void cancelledAfterAPartReceipt_cancelledWithWhatWillNotComeAndWhy() {
        harness.handle(orders, List.of(harness.next(ORDER_STREAM, 0, PLACED), harness.next(ORDER_STREAM, 1, SIX_BOLTS),
                harness.next(ORDER_STREAM, 2, new PurchaseOrderCancelled(ORDER_ID, SUPPLIER_ID, "Supplier out of stock",
                        List.of(new OrderQuantity("BOLT-M8-40", 4), new OrderQuantity("NUT-M8", 4))))));

        PurchaseOrderView order = order();
        assertThat(order.status()).isEqualTo("CANCELLED");
        assertThat(order.cancelReason()).isEqualTo("Supplier out of stock");
        assertThat(order.lines()).containsExactly(new OrderLineView("BOLT-M8-40", 10, "1.25", "19", 6, 0, 4),
                new OrderLineView("NUT-M8", 4, "0.99", "0", 0, 0, 4));
    }

    @Test
    void billPartlyPaid_paidOpenAndStatusAsOfTheDayAsked() {
        harness.handle(bills, List.of(harness.next(BILL_STREAM, 0, BILL), harness.next(BILL_STREAM, 1,
                new BillPaymentRecorded(BILL_ID, SUPPLIER_ID, "9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d",
                        LocalDate.of(2026, 3, 20), 500, "EUR", "CASH", 393))));

        BillView beforeDue = queries.handle(new FetchBillQuery(BILL_ID, LocalDate.of(2026, 4, 3)));
        assertThat(beforeDue.total()).isEqualTo("8.93");
        assertThat(beforeDue.paid()).isEqualTo("5.00");
        assertThat(beforeDue.open()).isEqualTo("3.93");
        assertThat(beforeDue.status()).isEqualTo("OPEN");
        assertThat(beforeDue.payments()).hasSize(1);
        assertThat(beforeDue.version()).isEqualTo(2);
        assertThat(queries.handle(new FetchBillQuery(BILL_ID, LocalDate.of(2026, 4, 4))).status())
                .isEqualTo("OVERDUE");
        assertThat(queries.handle(new FetchBillsQuery(SUPPLIER_ID, "OVERDUE", LocalDate.of(2026, 4, 4), null, 10))
                .items()).extracting(BillView::id).containsExactly(BILL_ID);
        assertThat(queries.handle(new FetchBillsQuery(SUPPLIER_ID, "PAID", LocalDate.of(2026, 4, 4), null, 10))
                .items()).isEmpty();
    }

    private PurchaseOrderView order() {
        return queries.handle(new FetchPurchaseOrderQuery(ORDER_ID));
    }
}
