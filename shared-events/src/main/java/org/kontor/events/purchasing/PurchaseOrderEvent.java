package org.kontor.events.purchasing;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * Everything that can happen to a purchase order. The aggregate id is
 * {@code purchase-order:<orderId>}. Each receipt of goods becomes a stock receipt in inventory under
 * {@link #receiptId}, derived from the order and the receipt's number, so inventory records it once
 * however often the event is delivered.
 */
public sealed interface PurchaseOrderEvent {

    String orderId();

    String supplierId();

    static String aggregateId(String orderId) {
        return "purchase-order:" + orderId;
    }

    /** The stock movement id of the order's receipt number {@code receiptNumber} (from 1). */
    static String receiptId(String orderId, int receiptNumber) {
        return UUID.nameUUIDFromBytes(("purchase-receipt:" + orderId + "/" + receiptNumber)
                .getBytes(StandardCharsets.UTF_8)).toString();
    }

    /**
     * An ordered line: {@code quantity} of {@code sku} at {@code unitCostMinor} each (net), with input
     * tax at {@code taxRatePercent} (19.00 is 19 %) on the bill. Each SKU appears once per order.
     */
    record OrderedLine(String sku, long quantity, long unitCostMinor, BigDecimal taxRatePercent) {

        public OrderedLine {
            Objects.requireNonNull(sku, "sku");
            Objects.requireNonNull(taxRatePercent, "taxRatePercent");
        }
    }

    /** Goods of one line of a receipt or a bill. */
    record OrderQuantity(String sku, long quantity) {

        public OrderQuantity {
            Objects.requireNonNull(sku, "sku");
        }
    }

    /** An order was placed with a supplier: nothing is received or owed yet. */
    @Revision("1")
    record PurchaseOrderPlaced(String orderId, String supplierId, String currency, List<OrderedLine> lines)
            implements PurchaseOrderEvent {

        public PurchaseOrderPlaced {
            lines = List.copyOf(lines);
        }
    }

    /**
     * Goods of the order arrived in {@code warehouseId} on {@code date}: receipt number
     * {@code receiptNumber} of the order, the stock receipt {@code receiptId} at the order's unit costs.
     */
    @Revision("1")
    record GoodsReceived(String orderId, String supplierId, int receiptNumber, String receiptId, String warehouseId,
                         LocalDate date, String currency, List<ReceivedGoods> lines) implements PurchaseOrderEvent {

        public GoodsReceived {
            lines = List.copyOf(lines);
        }
    }

    /** A received line at the order's unit cost: worth {@code quantity} times {@code unitCostMinor}. */
    record ReceivedGoods(String sku, long quantity, long unitCostMinor) {

        public ReceivedGoods {
            Objects.requireNonNull(sku, "sku");
        }
    }

    /** The supplier's bill {@code billId}, dated {@code date}, covers these received quantities. */
    @Revision("1")
    record PurchaseOrderBilled(String orderId, String supplierId, String billId, LocalDate date,
                               List<OrderQuantity> lines) implements PurchaseOrderEvent {

        public PurchaseOrderBilled {
            lines = List.copyOf(lines);
        }
    }

    /**
     * The order was cancelled for {@code reason}: the {@code cancelled} quantities, all that was
     * still outstanding, will not be received. What was received stays, and can still be billed.
     */
    @Revision("1")
    record PurchaseOrderCancelled(String orderId, String supplierId, String reason, List<OrderQuantity> cancelled)
            implements PurchaseOrderEvent {

        public PurchaseOrderCancelled {
            cancelled = List.copyOf(cancelled);
        }
    }
}
