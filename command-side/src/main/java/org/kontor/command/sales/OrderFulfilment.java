package org.kontor.command.sales;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import java.util.LinkedHashSet;
import java.util.Set;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.modelling.saga.EndSaga;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.SagaLifecycle;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.spring.stereotype.Saga;
import org.kontor.command.sales.SalesOrderCommands.RecordReservationFailure;
import org.kontor.command.sales.SalesOrderCommands.RecordStockReserved;
import org.kontor.events.inventory.StockEvent.StockReservationRefused;
import org.kontor.events.inventory.StockEvent.StockReserved;
import org.kontor.events.sales.SalesOrderEvent;
import org.kontor.events.sales.SalesOrderEvent.SalesOrderCancelled;
import org.kontor.events.sales.SalesOrderEvent.SalesOrderConfirmed;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Follows a confirmed order until inventory has answered for every line: it starts on
 * {@link SalesOrderConfirmed}, waits for each line's reservation ({@link StockReserved}, found by
 * the reservation id, which is derived from the order and line) and tells the order when all are
 * held, or on the first {@link StockReservationRefused} that one could not be. A cancelled order
 * ends it early. Its state (the reservations still awaited) is kept in the saga store, in the same
 * database and transaction as its token.
 *
 * <p>Its events come from different aggregates (the order and its stocks), so its processor handles
 * them in one sequence ({@code SalesProcessing}): a reservation is never seen before the
 * confirmation that asked for it.
 */
@Saga
@ProcessingGroup(OrderFulfilment.PROCESSOR)
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class OrderFulfilment {

    static final String PROCESSOR = "sales-order-fulfilment";
    static final String ORDER_ID = "orderId";
    static final String RESERVATION_ID = "reservationId";

    private transient CommandGateway commands;
    private String orderId;
    private Set<String> awaitedReservationIds = new LinkedHashSet<>();

    @Autowired
    public void setCommands(CommandGateway commands) {
        this.commands = commands;
    }

    @StartSaga
    @SagaEventHandler(associationProperty = ORDER_ID)
    public void on(SalesOrderConfirmed event) {
        orderId = event.orderId();
        for (int number = 1; number <= event.lines().size(); number++) {
            String reservationId = SalesOrderEvent.reservationId(orderId, number);
            awaitedReservationIds.add(reservationId);
            SagaLifecycle.associateWith(RESERVATION_ID, reservationId);
        }
    }

    @SagaEventHandler(associationProperty = RESERVATION_ID)
    public void on(StockReserved event) {
        awaitedReservationIds.remove(event.reservationId());
        if (awaitedReservationIds.isEmpty()) {
            commands.send(new RecordStockReserved(orderId));
            SagaLifecycle.end();
        }
    }

    @SagaEventHandler(associationProperty = RESERVATION_ID)
    public void on(StockReservationRefused event) {
        commands.send(new RecordReservationFailure(orderId, event.sku(), event.code(), event.reason()));
        SagaLifecycle.end();
    }

    @EndSaga
    @SagaEventHandler(associationProperty = ORDER_ID)
    public void on(SalesOrderCancelled event) {
        // the order no longer waits for its stock; inventory gives back what it held
    }
}
