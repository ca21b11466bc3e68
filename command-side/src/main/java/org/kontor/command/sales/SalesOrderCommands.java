package org.kontor.command.sales;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.kontor.events.sales.SalesOrderEvent.OrderLine;

/** The commands of a sales order: from HTTP (draft, confirm, deliver, invoice, cancel) and from {@link OrderFulfilment}. */
final class SalesOrderCommands {

    private SalesOrderCommands() {
    }

    record DraftSalesOrder(@TargetAggregateIdentifier String orderId, String customerId, String currency,
                           List<OrderLine> lines) {

        DraftSalesOrder {
            Objects.requireNonNull(orderId, "orderId");
            Objects.requireNonNull(customerId, "customerId");
            Objects.requireNonNull(currency, "currency");
            lines = List.copyOf(lines);
            if (lines.isEmpty()) {
                throw new IllegalArgumentException("an order has at least one line");
            }
        }
    }

    record ConfirmSalesOrder(@TargetAggregateIdentifier String orderId, String warehouseId,
                             @TargetAggregateVersion Long expectedVersion) {

        ConfirmSalesOrder {
            Objects.requireNonNull(orderId, "orderId");
            Objects.requireNonNull(warehouseId, "warehouseId");
        }
    }

    record DeliverSalesOrder(@TargetAggregateIdentifier String orderId, LocalDate date,
                             @TargetAggregateVersion Long expectedVersion) {

        DeliverSalesOrder {
            Objects.requireNonNull(orderId, "orderId");
            Objects.requireNonNull(date, "date");
        }
    }

    record CancelSalesOrder(@TargetAggregateIdentifier String orderId, String reason,
                            @TargetAggregateVersion Long expectedVersion) {

        CancelSalesOrder {
            Objects.requireNonNull(orderId, "orderId");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * Invoice the delivered order as {@code invoiceId}, dated {@code date}, due on {@code dueDate}
     * ({@code null}: the date plus the payment terms).
     */
    record InvoiceSalesOrder(@TargetAggregateIdentifier String orderId, String invoiceId, LocalDate date,
                             LocalDate dueDate, @TargetAggregateVersion Long expectedVersion) {

        InvoiceSalesOrder {
            Objects.requireNonNull(orderId, "orderId");
            Objects.requireNonNull(invoiceId, "invoiceId");
            Objects.requireNonNull(date, "date");
        }
    }

    /** Every line is held in the warehouse (sent by {@link OrderFulfilment}). */
    record RecordStockReserved(@TargetAggregateIdentifier String orderId) {

        RecordStockReserved {
            Objects.requireNonNull(orderId, "orderId");
        }
    }

    /** Inventory refused to hold {@code sku} (sent by {@link OrderFulfilment}). */
    record RecordReservationFailure(@TargetAggregateIdentifier String orderId, String sku, String code,
                                    String reason) {

        RecordReservationFailure {
            Objects.requireNonNull(orderId, "orderId");
            Objects.requireNonNull(sku, "sku");
            Objects.requireNonNull(code, "code");
        }
    }
}
