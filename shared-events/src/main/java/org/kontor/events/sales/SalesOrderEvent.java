package org.kontor.events.sales;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.axonframework.serialization.Revision;
import org.kontor.events.crm.AboutCustomer;

/**
 * Everything that can happen to a sales order. Confirming it asks inventory for one reservation
 * per line ({@link #reservationId}); whether all of them could be held comes back as
 * {@link SalesOrderStockReserved} or {@link SalesOrderReservationFailed}.
 */
public sealed interface SalesOrderEvent extends AboutCustomer {

    String orderId();

    /** The id of the reservation that holds line {@code lineNumber} (from 1) of an order. */
    static String reservationId(String orderId, int lineNumber) {
        return orderId + "/" + lineNumber;
    }

    /**
     * A line: {@code quantity} of {@code sku} at {@code unitPriceMinor} each (net), taxed at
     * {@code taxRatePercent} (19.00 is 19 %).
     */
    record OrderLine(String sku, long quantity, long unitPriceMinor, BigDecimal taxRatePercent) {

        public OrderLine {
            Objects.requireNonNull(sku, "sku");
            Objects.requireNonNull(taxRatePercent, "taxRatePercent");
        }
    }

    /** An order was drafted: nothing is held or owed yet. */
    @Revision("1")
    record SalesOrderDrafted(String orderId, String customerId, String currency, List<OrderLine> lines)
            implements SalesOrderEvent {
    }

    /**
     * The order was confirmed for delivery from {@code warehouseId}; {@code netMinor} and
     * {@code taxMinor} are its totals. Inventory reserves its lines in reaction.
     */
    @Revision("1")
    record SalesOrderConfirmed(String orderId, String customerId, String warehouseId, String currency,
                               List<OrderLine> lines, long netMinor, long taxMinor) implements SalesOrderEvent {
    }

    /** Every line of the confirmed order is held in its warehouse. */
    @Revision("1")
    record SalesOrderStockReserved(String orderId, String customerId) implements SalesOrderEvent {
    }

    /**
     * Inventory could not hold {@code sku} ({@code code}, e.g. INSUFFICIENT_STOCK, and its
     * {@code reason}); what was held for the other lines is given back.
     */
    @Revision("1")
    record SalesOrderReservationFailed(String orderId, String customerId, String warehouseId, String sku,
                                       String code, String reason, List<OrderLine> lines)
            implements SalesOrderEvent {
    }

    /** The reserved goods left the warehouse on {@code date}. */
    @Revision("1")
    record SalesOrderDelivered(String orderId, String customerId, String warehouseId, LocalDate date,
                               List<OrderLine> lines) implements SalesOrderEvent {
    }

    /**
     * The delivered order was invoiced: invoice {@code invoiceId}, dated {@code date} and due on
     * {@code dueDate}, now owes its total. An order is invoiced once.
     */
    @Revision("1")
    record SalesOrderInvoiced(String orderId, String customerId, String invoiceId, LocalDate date,
                              LocalDate dueDate)
            implements SalesOrderEvent {
    }

    /**
     * The order was cancelled; {@code warehouseId} is where its lines were reserved, {@code null}
     * when it was never confirmed.
     */
    @Revision("1")
    record SalesOrderCancelled(String orderId, String customerId, String reason, String warehouseId,
                               List<OrderLine> lines) implements SalesOrderEvent {
    }
}
