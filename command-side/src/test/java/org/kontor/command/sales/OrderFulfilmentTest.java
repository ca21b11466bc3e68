package org.kontor.command.sales;

import java.math.BigDecimal;
import java.util.List;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kontor.command.sales.SalesOrderCommands.RecordReservationFailure;
import org.kontor.command.sales.SalesOrderCommands.RecordStockReserved;
import org.kontor.events.inventory.StockEvent.StockReservationRefused;
import org.kontor.events.inventory.StockEvent.StockReserved;
import org.kontor.events.sales.SalesOrderEvent.OrderLine;
import org.kontor.events.sales.SalesOrderEvent.SalesOrderCancelled;
import org.kontor.events.sales.SalesOrderEvent.SalesOrderConfirmed;

class OrderFulfilmentTest {

    private static final String ORDER_ID = "6c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f";
    private static final String CUSTOMER_ID = "5f0c7f3e-8d1a-4c55-9a52-0c6f1f3b2a11";
    private static final String WAREHOUSE_ID = "2b3c4d5e-6f70-4a8b-9c0d-1e2f3a4b5c6d";
    private static final List<OrderLine> LINES = List.of(
            new OrderLine("BOLT-M8-40", 3, 1_250, new BigDecimal("19")),
            new OrderLine("NUT-M8", 1, 99, new BigDecimal("7")));
    private static final SalesOrderConfirmed CONFIRMED = new SalesOrderConfirmed(ORDER_ID, CUSTOMER_ID, WAREHOUSE_ID,
            "EUR", LINES, 3_849, 720);
    private static final StockReserved FIRST_LINE_HELD = new StockReserved(WAREHOUSE_ID, "BOLT-M8-40",
            ORDER_ID + "/1", 3);
    private static final StockReserved SECOND_LINE_HELD = new StockReserved(WAREHOUSE_ID, "NUT-M8", ORDER_ID + "/2", 1);

    private SagaTestFixture<OrderFulfilment> fixture;

    @BeforeEach
    void setUp() {
        fixture = new SagaTestFixture<>(OrderFulfilment.class);
    }

    @Test
    void orderConfirmed_sagaWaitsForEveryLineWithoutACommand() {
        fixture.givenNoPriorActivity()
                .whenAggregate(ORDER_ID).publishes(CONFIRMED)
                .expectActiveSagas(1)
                .expectAssociationWith(OrderFulfilment.RESERVATION_ID, ORDER_ID + "/1")
                .expectAssociationWith(OrderFulfilment.RESERVATION_ID, ORDER_ID + "/2")
                .expectNoDispatchedCommands();
    }

    @Test
    void someLinesHeld_stillWaiting() {
        fixture.givenAggregate(ORDER_ID).published(CONFIRMED)
                .whenAggregate("stock:" + WAREHOUSE_ID + ":BOLT-M8-40").publishes(FIRST_LINE_HELD)
                .expectActiveSagas(1)
                .expectNoDispatchedCommands();
    }

    @Test
    void everyLineHeld_orderToldItsStockIsReservedAndSagaEnds() {
        fixture.givenAggregate(ORDER_ID).published(CONFIRMED)
                .andThenAggregate("stock:" + WAREHOUSE_ID + ":BOLT-M8-40").published(FIRST_LINE_HELD)
                .whenAggregate("stock:" + WAREHOUSE_ID + ":NUT-M8").publishes(SECOND_LINE_HELD)
                .expectDispatchedCommands(new RecordStockReserved(ORDER_ID))
                .expectActiveSagas(0);
    }

    @Test
    void aLineRefused_orderToldWhichAndWhyAndSagaEnds() {
        fixture.givenAggregate(ORDER_ID).published(CONFIRMED)
                .andThenAggregate("stock:" + WAREHOUSE_ID + ":BOLT-M8-40").published(FIRST_LINE_HELD)
                .whenAggregate("stock:" + WAREHOUSE_ID + ":NUT-M8").publishes(new StockReservationRefused(
                        WAREHOUSE_ID, "NUT-M8", ORDER_ID + "/2", 1, "INSUFFICIENT_STOCK", "Fewer than 1 available."))
                .expectDispatchedCommands(new RecordReservationFailure(ORDER_ID, "NUT-M8", "INSUFFICIENT_STOCK",
                        "Fewer than 1 available."))
                .expectActiveSagas(0);
    }

    @Test
    void reservationOfAnotherOrder_ignored() {
        fixture.givenAggregate(ORDER_ID).published(CONFIRMED)
                .whenAggregate("stock:" + WAREHOUSE_ID + ":NUT-M8").publishes(new StockReserved(WAREHOUSE_ID,
                        "NUT-M8", "another-order/1", 1))
                .expectActiveSagas(1)
                .expectNoDispatchedCommands();
    }

    @Test
    void orderCancelledWhileWaiting_sagaEndsWithoutACommand() {
        fixture.givenAggregate(ORDER_ID).published(CONFIRMED)
                .whenAggregate(ORDER_ID).publishes(new SalesOrderCancelled(ORDER_ID, CUSTOMER_ID, "changed mind",
                        WAREHOUSE_ID, LINES))
                .expectActiveSagas(0)
                .expectNoDispatchedCommands();
    }
}
