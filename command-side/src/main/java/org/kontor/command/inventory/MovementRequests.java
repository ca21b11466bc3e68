package org.kontor.command.inventory;

import org.kontor.command.inventory.InventoryCommands.AdjustStock;
import org.kontor.command.inventory.InventoryCommands.IssueReservedStock;
import org.kontor.command.inventory.InventoryCommands.IssueStock;
import org.kontor.command.inventory.InventoryCommands.Line;
import org.kontor.command.inventory.InventoryCommands.ReceiptLine;
import org.kontor.command.inventory.InventoryCommands.ReceiveStock;
import org.kontor.command.inventory.InventoryCommands.TransferStock;
import org.kontor.events.inventory.StockMovementEvent;
import org.kontor.events.inventory.StockMovementEvent.AdjustmentRecorded;
import org.kontor.events.inventory.StockMovementEvent.CostedLine;
import org.kontor.events.inventory.StockMovementEvent.IssueRecorded;
import org.kontor.events.inventory.StockMovementEvent.ReceiptRecorded;
import org.kontor.events.inventory.StockMovementEvent.TransferRecorded;

/**
 * The command each recorded movement answers to: a request equal to it is a repeat of it. Values
 * are left out, since they are what the stock computed, not what the client asked for.
 */
final class MovementRequests {

    private MovementRequests() {
    }

    static Object commandOf(StockMovementEvent event) {
        if (event instanceof ReceiptRecorded receipt) {
            return commandOf(receipt);
        }
        if (event instanceof IssueRecorded issue) {
            return commandOf(issue);
        }
        if (event instanceof TransferRecorded transfer) {
            return commandOf(transfer);
        }
        return commandOf((AdjustmentRecorded) event);
    }

    private static ReceiveStock commandOf(ReceiptRecorded event) {
        return new ReceiveStock(event.movementId(), event.warehouseId(), event.date(), event.currency(),
                event.lines().stream().map(line -> new ReceiptLine(line.sku(), line.quantity(), line.unitCostMinor()))
                        .toList());
    }

    /** An issue of a reservation answers to the command that issued it, the others to a plain issue. */
    private static Object commandOf(IssueRecorded event) {
        if (event.reservationId() != null) {
            CostedLine line = event.lines().get(0);
            return new IssueReservedStock(event.reservationId(), event.warehouseId(), line.sku(), event.movementId(),
                    event.date(), event.reason());
        }
        return new IssueStock(event.movementId(), event.warehouseId(), event.date(), event.reason(),
                event.lines().stream().map(line -> new Line(line.sku(), line.quantity())).toList());
    }

    private static TransferStock commandOf(TransferRecorded event) {
        return new TransferStock(event.movementId(), event.fromWarehouseId(), event.toWarehouseId(), event.date(),
                event.lines().stream().map(line -> new Line(line.sku(), line.quantity())).toList());
    }

    private static AdjustStock commandOf(AdjustmentRecorded event) {
        return new AdjustStock(event.movementId(), event.warehouseId(), event.sku(), event.countedQuantity(),
                event.date(), event.reason());
    }
}
