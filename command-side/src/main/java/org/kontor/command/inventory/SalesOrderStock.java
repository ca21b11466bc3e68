package org.kontor.command.inventory;

import jakarta.annotation.PreDestroy;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.kontor.command.inventory.InventoryCommands.IssueReservedStock;
import org.kontor.command.inventory.InventoryCommands.ReleaseOrderReservation;
import org.kontor.command.inventory.InventoryCommands.ReserveStockForOrder;
import org.kontor.config.axon.CommandsFromEvents;
import org.kontor.events.sales.SalesOrderEvent;
import org.kontor.events.sales.SalesOrderEvent.OrderLine;
import org.kontor.events.sales.SalesOrderEvent.SalesOrderCancelled;
import org.kontor.events.sales.SalesOrderEvent.SalesOrderConfirmed;
import org.kontor.events.sales.SalesOrderEvent.SalesOrderDelivered;
import org.kontor.events.sales.SalesOrderEvent.SalesOrderReservationFailed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Inventory's side of a sales order, driven by the order's events (contexts talk through events):
 * a confirmed order's lines are reserved ({@link ReserveStockForOrder}: held, or a refusal recorded,
 * which the sales order's process manager reads), a delivered order's reservations are issued (one
 * stock movement per line, which the ledger posts to cost of goods sold), and a cancelled order, or
 * one whose reservation failed, gives back whatever is held.
 *
 * <p>Reservation and movement ids are derived from the order and line, so a redelivered event asks
 * for the same again and changes nothing. Commands are sent through {@link CommandsFromEvents},
 * outside the processor's transaction. A refused issue is logged as an error (the stock then still
 * holds the reservation) and the processor goes on.
 */
@Component
@ProcessingGroup(SalesOrderStock.PROCESSOR)
@DisallowReplay
class SalesOrderStock {

    static final String PROCESSOR = "inventory-sales-orders";
    private static final Logger LOG = LoggerFactory.getLogger(SalesOrderStock.class);
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(30);

    private final CommandsFromEvents commands;

    SalesOrderStock(CommandGateway commandGateway) {
        this.commands = new CommandsFromEvents(commandGateway, PROCESSOR, COMMAND_TIMEOUT);
    }

    @PreDestroy
    void stop() {
        commands.close();
    }

    @EventHandler
    void on(SalesOrderConfirmed event, EventMessage<?> message) throws Exception {
        List<OrderLine> lines = event.lines();
        for (int number = 1; number <= lines.size(); number++) {
            OrderLine line = lines.get(number - 1);
            send(message, new ReserveStockForOrder(SalesOrderEvent.reservationId(event.orderId(), number),
                    event.warehouseId(), line.sku(), line.quantity()));
        }
    }

    @EventHandler
    void on(SalesOrderDelivered event, EventMessage<?> message) throws Exception {
        List<OrderLine> lines = event.lines();
        for (int number = 1; number <= lines.size(); number++) {
            String reservationId = SalesOrderEvent.reservationId(event.orderId(), number);
            send(message, new IssueReservedStock(reservationId, event.warehouseId(), lines.get(number - 1).sku(),
                    deliveryMovementId(reservationId), event.date(), "Delivery of sales order " + event.orderId()));
        }
    }

    @EventHandler
    void on(SalesOrderReservationFailed event, EventMessage<?> message) throws Exception {
        release(message, event.orderId(), event.warehouseId(), event.lines());
    }

    @EventHandler
    void on(SalesOrderCancelled event, EventMessage<?> message) throws Exception {
        if (event.warehouseId() != null) {
            release(message, event.orderId(), event.warehouseId(), event.lines());
        }
    }

    /** The stock movement that delivers one reserved line: the same id every time it is asked for. */
    static String deliveryMovementId(String reservationId) {
        return UUID.nameUUIDFromBytes(("sales-delivery:" + reservationId).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    private void release(EventMessage<?> cause, String orderId, String warehouseId, List<OrderLine> lines)
            throws Exception {
        for (int number = 1; number <= lines.size(); number++) {
            send(cause, new ReleaseOrderReservation(SalesOrderEvent.reservationId(orderId, number), warehouseId,
                    lines.get(number - 1).sku()));
        }
    }

    private void send(EventMessage<?> cause, Object command) throws Exception {
        commands.send(command, cause).ifPresent(rule -> LOG.error("Inventory refused {} for a sales order, {}: {}",
                command, rule.code(), rule.detail()));
    }
}
