package org.kontor.command.inventory;

import jakarta.annotation.PreDestroy;
import java.time.Duration;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.kontor.command.inventory.InventoryCommands.ReceiptLine;
import org.kontor.command.inventory.InventoryCommands.ReceiveStock;
import org.kontor.config.axon.CommandsFromEvents;
import org.kontor.events.purchasing.PurchaseOrderEvent.GoodsReceived;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Inventory's side of a purchase order, driven by the order's events (contexts talk through
 * events): goods a purchase order received become a stock receipt at the order's unit costs, under
 * the receipt id the order derived. A redelivered event asks for the identical receipt, which
 * inventory answers as a repeat: the goods are received, and posted Dr inventory / Cr goods received
 * not invoiced, once.
 *
 * <p>Purchasing refuses unknown products and warehouses and orders in another currency up front, so
 * a refusal here means the books disagree: it is logged as an error (stock then lacks the receipt
 * that the order shows) and the processor goes on. Commands are sent through
 * {@link CommandsFromEvents}, outside the processor's transaction.
 */
@Component
@ProcessingGroup(PurchaseOrderStock.PROCESSOR)
@DisallowReplay
class PurchaseOrderStock {

    static final String PROCESSOR = "inventory-purchase-receipts";
    private static final Logger LOG = LoggerFactory.getLogger(PurchaseOrderStock.class);
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(30);

    private final CommandsFromEvents commands;

    PurchaseOrderStock(CommandGateway commandGateway) {
        this.commands = new CommandsFromEvents(commandGateway, PROCESSOR, COMMAND_TIMEOUT);
    }

    @PreDestroy
    void stop() {
        commands.close();
    }

    @EventHandler
    void on(GoodsReceived event, EventMessage<?> message) throws Exception {
        ReceiveStock receipt = new ReceiveStock(event.receiptId(), event.warehouseId(), event.date(), event.currency(),
                event.lines().stream().map(line -> new ReceiptLine(line.sku(), line.quantity(), line.unitCostMinor()))
                        .toList());
        commands.send(receipt, message).ifPresent(rule -> LOG.error("Inventory refused receipt {} of purchase order "
                + "{}, {}: {}", event.receiptId(), event.orderId(), rule.code(), rule.detail()));
    }
}
