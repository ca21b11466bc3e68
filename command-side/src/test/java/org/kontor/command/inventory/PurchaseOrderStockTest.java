package org.kontor.command.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.test.utils.RecordingCommandBus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kontor.command.inventory.InventoryCommands.ReceiptLine;
import org.kontor.command.inventory.InventoryCommands.ReceiveStock;
import org.kontor.events.purchasing.PurchaseOrderEvent;
import org.kontor.events.purchasing.PurchaseOrderEvent.GoodsReceived;
import org.kontor.events.purchasing.PurchaseOrderEvent.ReceivedGoods;

class PurchaseOrderStockTest {

    private static final String ORDER_ID = "4a5b6c7d-8e9f-4a0b-9c1d-2e3f4a5b6c7d";
    private static final String WAREHOUSE_ID = "2b3c4d5e-6f70-4a8b-9c0d-1e2f3a4b5c6d";

    private final RecordingCommandBus bus = new RecordingCommandBus();
    private final PurchaseOrderStock policy = new PurchaseOrderStock(
            DefaultCommandGateway.builder().commandBus(bus).build());

    @AfterEach
    void stop() {
        policy.stop();
    }

    @Test
    void goodsReceived_stockReceivedAtTheOrdersCostUnderTheReceiptIdEveryTimeItIsDelivered() throws Exception {
        String receiptId = PurchaseOrderEvent.receiptId(ORDER_ID, 2);
        GoodsReceived received = new GoodsReceived(ORDER_ID, "3f4a5b6c-7d8e-4f9a-8b0c-1d2e3f4a5b6c", 2, receiptId,
                WAREHOUSE_ID, LocalDate.of(2026, 3, 2), "EUR",
                List.of(new ReceivedGoods("BOLT-M8-40", 6, 125), new ReceivedGoods("NUT-M8", 4, 99)));

        policy.on(received, GenericEventMessage.asEventMessage(received));
        policy.on(received, GenericEventMessage.asEventMessage(received));

        ReceiveStock expected = new ReceiveStock(receiptId, WAREHOUSE_ID, LocalDate.of(2026, 3, 2), "EUR",
                List.of(new ReceiptLine("BOLT-M8-40", 6, 125), new ReceiptLine("NUT-M8", 4, 99)));
        assertThat(bus.getDispatchedCommands()).extracting(command -> (Object) command.getPayload())
                .containsExactly(expected, expected);
    }
}
