package org.kontor.command.purchasing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kontor.command.RuleViolations.violationOf;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kontor.command.purchasing.PurchasingCommands.CancelPurchaseOrder;
import org.kontor.command.purchasing.PurchasingCommands.PlacePurchaseOrder;
import org.kontor.command.purchasing.PurchasingCommands.ReceiveGoods;
import org.kontor.config.error.CommonRule;
import org.kontor.config.http.CommandOutcome;
import org.kontor.events.purchasing.BillEvent.BillLine;
import org.kontor.events.purchasing.PurchaseOrderEvent;
import org.kontor.events.purchasing.PurchaseOrderEvent.GoodsReceived;
import org.kontor.events.purchasing.PurchaseOrderEvent.OrderQuantity;
import org.kontor.events.purchasing.PurchaseOrderEvent.OrderedLine;
import org.kontor.events.purchasing.PurchaseOrderEvent.PurchaseOrderCancelled;
import org.kontor.events.purchasing.PurchaseOrderEvent.PurchaseOrderPlaced;
import org.kontor.events.purchasing.PurchaseOrderEvent.ReceivedGoods;
import org.kontor.events.purchasing.SupplierEvent.SupplierRegistered;

class PurchaseOrderTest {

    private static final String ORDER_ID = "4a5b6c7d-8e9f-4a0b-9c1d-2e3f4a5b6c7d";
    private static final String AGGREGATE_ID = PurchaseOrderEvent.aggregateId(ORDER_ID);
    private static final String SUPPLIER_ID = "3f4a5b6c-7d8e-4f9a-8b0c-1d2e3f4a5b6c";
    private static final String WAREHOUSE_ID = "2b3c4d5e-6f70-4a8b-9c0d-1e2f3a4b5c6d";
    private static final LocalDate RECEIVED_ON = LocalDate.of(2026, 3, 2);
    /** 10 bolts at 1.25 (19 % input tax) and 4 nuts at 0.99 (7 %). */
    private static final List<OrderedLine> LINES = List.of(
            new OrderedLine("BOLT-M8-40", 10, 125, new BigDecimal("19")),
            new OrderedLine("NUT-M8", 4, 99, new BigDecimal("7")));
    private static final PurchaseOrderPlaced PLACED = new PurchaseOrderPlaced(ORDER_ID, SUPPLIER_ID, "EUR", LINES);
    private static final GoodsReceived SIX_BOLTS = new GoodsReceived(ORDER_ID, SUPPLIER_ID, 1,
            PurchaseOrderEvent.receiptId(ORDER_ID, 1), WAREHOUSE_ID, RECEIVED_ON, "EUR",
            List.of(new ReceivedGoods("BOLT-M8-40", 6, 125)));

    private FixtureConfiguration<PurchaseOrder> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(PurchaseOrder.class);
        fixture.registerInjectableResource(new PurchasingDirectory() {
            @Override
            public Optional<SupplierRegistered> supplier(String supplierId) {
                return SUPPLIER_ID.equals(supplierId)
                        ? Optional.of(new SupplierRegistered(SUPPLIER_ID, "Schraubenwerk", null, 30))
                        : Optional.empty();
            }

            @Override
            public boolean productExists(String sku) {
                return sku.equals("BOLT-M8-40") || sku.equals("NUT-M8");
            }

            @Override
            public boolean warehouseExists(String warehouseId) {
                return WAREHOUSE_ID.equals(warehouseId);
            }
        });
        fixture.registerInjectableResource(new PurchasingCurrency("EUR"));
    }

    @Test
    void placePurchaseOrder_placed() {
        fixture.givenNoPriorActivity()
                .when(new PlacePurchaseOrder(AGGREGATE_ID, ORDER_ID, SUPPLIER_ID, "EUR", LINES))
                .expectEvents(PLACED)
                .expectResultMessagePayload(new CommandOutcome(ORDER_ID, 1, true));
    }

    @Test
    void placeAgain_sameIsARepeatOtherIsAConflict() {
        fixture.given(PLACED)
                .when(new PlacePurchaseOrder(AGGREGATE_ID, ORDER_ID, SUPPLIER_ID, "EUR", LINES))
                .expectNoEvents()
                .expectResultMessagePayload(new CommandOutcome(ORDER_ID, 1, false));
        fixture.given(PLACED)
                .when(new PlacePurchaseOrder(AGGREGATE_ID, ORDER_ID, SUPPLIER_ID, "EUR", LINES.subList(0, 1)))
                .expectNoEvents()
                .expectException(violationOf(CommonRule.ALREADY_EXISTS));
    }

    @Test
    void placeWithUnknownSupplierProductOrOtherCurrency_refused() {
        fixture.givenNoPriorActivity()
                .when(new PlacePurchaseOrder(AGGREGATE_ID, ORDER_ID, "00000000-0000-4000-8000-000000000000", "EUR",
                        LINES))
                .expectException(violationOf(PurchasingRule.UNKNOWN_SUPPLIER));
        fixture.givenNoPriorActivity()
                .when(new PlacePurchaseOrder(AGGREGATE_ID, ORDER_ID, SUPPLIER_ID, "EUR",
                        List.of(new OrderedLine("NO-SUCH-SKU", 1, 100, BigDecimal.ZERO))))
                .expectException(violationOf(PurchasingRule.UNKNOWN_PRODUCT));
        fixture.givenNoPriorActivity()
                .when(new PlacePurchaseOrder(AGGREGATE_ID, ORDER_ID, SUPPLIER_ID, "USD", LINES))
                .expectException(violationOf(PurchasingRule.CURRENCY_MISMATCH));
    }

    @Test
    void receivePart_goodsReceivedAtTheOrdersCostUnderAReceiptIdOfTheOrder() {
        fixture.given(PLACED)
                .when(new ReceiveGoods(AGGREGATE_ID, WAREHOUSE_ID, RECEIVED_ON,
                        List.of(new OrderQuantity("BOLT-M8-40", 6)), null))
                .expectEvents(SIX_BOLTS)
                .expectResultMessagePayload(new CommandOutcome(PurchaseOrderEvent.receiptId(ORDER_ID, 1), 2, true));
    }

    @Test
    void receiveWithoutLines_everythingOutstandingUnderTheNextReceiptNumber() {
        fixture.given(PLACED, SIX_BOLTS)
                .when(new ReceiveGoods(AGGREGATE_ID, WAREHOUSE_ID, RECEIVED_ON.plusDays(1), null, null))
                .expectEvents(new GoodsReceived(ORDER_ID, SUPPLIER_ID, 2, PurchaseOrderEvent.receiptId(ORDER_ID, 2),
                        WAREHOUSE_ID, RECEIVED_ON.plusDays(1), "EUR",
                        List.of(new ReceivedGoods("BOLT-M8-40", 4, 125), new ReceivedGoods("NUT-M8", 4, 99))));
        assertThat(PurchaseOrderEvent.receiptId(ORDER_ID, 2)).isNotEqualTo(PurchaseOrderEvent.receiptId(ORDER_ID, 1));
    }

    @Test
    void receiveMoreThanOutstanding_refused() {
        fixture.given(PLACED, SIX_BOLTS)
                .when(new ReceiveGoods(AGGREGATE_ID, WAREHOUSE_ID, RECEIVED_ON,
                        List.of(new OrderQuantity("BOLT-M8-40", 5)), null))
                .expectNoEvents()
                .expectException(violationOf(PurchasingRule.RECEIPT_EXCEEDS_ORDER));
    }

    @Test
    void receiveWhatIsNotOnTheOrder_refused() {
        fixture.given(PLACED)
                .when(new ReceiveGoods(AGGREGATE_ID, WAREHOUSE_ID, RECEIVED_ON,
                        List.of(new OrderQuantity("WASHER-M8", 1)), null))
                .expectNoEvents()
                .expectException(violationOf(PurchasingRule.NOT_ON_ORDER));
    }

    @Test
    void receiveWhenAllWasReceived_nothingToReceive() {
        GoodsReceived rest = new GoodsReceived(ORDER_ID, SUPPLIER_ID, 2, PurchaseOrderEvent.receiptId(ORDER_ID, 2),
                WAREHOUSE_ID, RECEIVED_ON, "EUR",
                List.of(new ReceivedGoods("BOLT-M8-40", 4, 125), new ReceivedGoods("NUT-M8", 4, 99)));
        fixture.given(PLACED, SIX_BOLTS, rest)
                .when(new ReceiveGoods(AGGREGATE_ID, WAREHOUSE_ID, RECEIVED_ON, null, null))
                .expectNoEvents()
                .expectException(violationOf(PurchasingRule.NOTHING_TO_RECEIVE));
    }

    @Test
    void receiveIntoUnknownWarehouse_refused() {
        fixture.given(PLACED)
                .when(new ReceiveGoods(AGGREGATE_ID, "8e9f0a1b-2c3d-4e5f-a6b7-c8d9e0f1a2b3", RECEIVED_ON, null, null))
                .expectNoEvents()
                .expectException(violationOf(PurchasingRule.UNKNOWN_WAREHOUSE));
    }

    @Test
    void cancelAfterAPartReceipt_whatIsOutstandingCancelledAndNothingMoreReceived() {
        PurchaseOrderCancelled cancelled = new PurchaseOrderCancelled(ORDER_ID, SUPPLIER_ID, "Too late",
                List.of(new OrderQuantity("BOLT-M8-40", 4), new OrderQuantity("NUT-M8", 4)));
        fixture.given(PLACED, SIX_BOLTS)
                .when(new CancelPurchaseOrder(AGGREGATE_ID, "Too late", null))
                .expectEvents(cancelled);
        fixture.given(PLACED, SIX_BOLTS, cancelled)
                .when(new CancelPurchaseOrder(AGGREGATE_ID, "Too late", null))
                .expectNoEvents();
        fixture.given(PLACED, SIX_BOLTS, cancelled)
                .when(new ReceiveGoods(AGGREGATE_ID, WAREHOUSE_ID, RECEIVED_ON, null, null))
                .expectNoEvents()
                .expectException(violationOf(PurchasingRule.ORDER_CANCELLED));
    }

    @Test
    void cancelWhenAllWasReceived_refused() {
        fixture.given(PLACED, new GoodsReceived(ORDER_ID, SUPPLIER_ID, 1, PurchaseOrderEvent.receiptId(ORDER_ID, 1),
                        WAREHOUSE_ID, RECEIVED_ON, "EUR",
                        List.of(new ReceivedGoods("BOLT-M8-40", 10, 125), new ReceivedGoods("NUT-M8", 4, 99))))
                .when(new CancelPurchaseOrder(AGGREGATE_ID, "Too late", null))
                .expectNoEvents()
                .expectException(violationOf(PurchasingRule.ORDER_RECEIVED));
    }

    @Test
    void billLine_netAtTheOrdersCostAndTaxRoundedHalfUp() {
        // 3 x 0.99 = 2.97 at 7 %: 0.2079 -> 0.21; 10 x 1.25 = 12.50 at 19 %: 2.375 -> 2.38.
        assertThat(PurchaseOrder.billLine(LINES.get(1), 3))
                .isEqualTo(new BillLine("NUT-M8", 3, 99, new BigDecimal("7"), 297, 21));
        assertThat(PurchaseOrder.billLine(LINES.get(0), 10))
                .isEqualTo(new BillLine("BOLT-M8-40", 10, 125, new BigDecimal("19"), 1_250, 238));
    }
}
