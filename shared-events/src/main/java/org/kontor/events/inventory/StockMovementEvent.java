package org.kontor.events.inventory;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * One stock movement as a client asked for it, with the values the stock aggregates computed: the
 * record a repeated request is compared with, and what the ledger posts. The aggregate id is
 * {@code movement:<movementId>}. Values are minor units of {@code currency}.
 */
public sealed interface StockMovementEvent {

    String movementId();

    LocalDate date();

    String currency();

    static String aggregateId(String movementId) {
        return "movement:" + movementId;
    }

    /** Goods were received into a warehouse at the unit costs given. */
    @Revision("1")
    record ReceiptRecorded(String movementId, String warehouseId, LocalDate date, String currency,
                           List<ReceivedLine> lines) implements StockMovementEvent {

        public ReceiptRecorded {
            lines = List.copyOf(lines);
        }

        public long valueMinor() {
            return lines.stream().mapToLong(ReceivedLine::valueMinor).sum();
        }
    }

    /** Goods were issued from a warehouse; {@code reservationId} is set when a reservation was issued. */
    @Revision("1")
    record IssueRecorded(String movementId, String warehouseId, LocalDate date, String reason, String reservationId,
                         String currency, List<CostedLine> lines) implements StockMovementEvent {

        public IssueRecorded {
            lines = List.copyOf(lines);
        }

        public long costMinor() {
            return lines.stream().mapToLong(CostedLine::valueMinor).sum();
        }
    }

    /** Goods moved from one warehouse to another, at their cost. */
    @Revision("1")
    record TransferRecorded(String movementId, String fromWarehouseId, String toWarehouseId, LocalDate date,
                            String currency, List<CostedLine> lines) implements StockMovementEvent {

        public TransferRecorded {
            lines = List.copyOf(lines);
        }
    }

    /** A count of one product in one warehouse; the difference was booked at {@code valueMinor} (signed). */
    @Revision("1")
    record AdjustmentRecorded(String movementId, String warehouseId, String sku, LocalDate date, long countedQuantity,
                              long differenceQuantity, long valueMinor, String reason, String currency)
            implements StockMovementEvent {
    }

    /** A received line: {@code valueMinor} is exactly {@code quantity} times {@code unitCostMinor}. */
    record ReceivedLine(String sku, long quantity, long unitCostMinor, long valueMinor) {
    }

    /** A line that left at cost: {@code valueMinor} is what it cost, never negative. */
    record CostedLine(String sku, long quantity, long valueMinor) {
    }
}
