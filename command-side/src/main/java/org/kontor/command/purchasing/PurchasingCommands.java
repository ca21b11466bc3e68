package org.kontor.command.purchasing;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.kontor.events.purchasing.BillEvent;
import org.kontor.events.purchasing.PurchaseOrderEvent;
import org.kontor.events.purchasing.PurchaseOrderEvent.OrderQuantity;
import org.kontor.events.purchasing.PurchaseOrderEvent.OrderedLine;
import org.kontor.events.purchasing.SupplierEvent;

/** The commands of purchasing, all from HTTP. Aggregates are addressed by prefixed ids (see the events). */
final class PurchasingCommands {

    private PurchasingCommands() {
    }

    record RegisterSupplier(@TargetAggregateIdentifier String aggregateId, String supplierId, String name,
                            String email, int paymentTermDays) {

        RegisterSupplier {
            Objects.requireNonNull(name, "name");
            if (!aggregateId.equals(SupplierEvent.aggregateId(supplierId))) {
                throw new IllegalArgumentException("a supplier is addressed by its id");
            }
        }
    }

    record PlacePurchaseOrder(@TargetAggregateIdentifier String aggregateId, String orderId, String supplierId,
                              String currency, List<OrderedLine> lines) {

        PlacePurchaseOrder {
            Objects.requireNonNull(supplierId, "supplierId");
            Objects.requireNonNull(currency, "currency");
            lines = List.copyOf(lines);
            if (lines.isEmpty()) {
                throw new IllegalArgumentException("an order has at least one line");
            }
            if (!aggregateId.equals(PurchaseOrderEvent.aggregateId(orderId))) {
                throw new IllegalArgumentException("a purchase order is addressed by its id");
            }
        }
    }

    /** Receive goods of the order; {@code lines} {@code null}: everything still outstanding. */
    record ReceiveGoods(@TargetAggregateIdentifier String aggregateId, String warehouseId, LocalDate date,
                        List<OrderQuantity> lines, @TargetAggregateVersion Long expectedVersion) {

        ReceiveGoods {
            Objects.requireNonNull(warehouseId, "warehouseId");
            Objects.requireNonNull(date, "date");
            lines = lines == null ? null : List.copyOf(lines);
        }
    }

    /** Cancel what is still outstanding on the order. */
    record CancelPurchaseOrder(@TargetAggregateIdentifier String aggregateId, String reason,
                               @TargetAggregateVersion Long expectedVersion) {

        CancelPurchaseOrder {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * Record the supplier's bill for what was received and not billed yet; {@code dueDate}
     * {@code null}: the bill's date plus the supplier's payment terms. Handled by
     * {@link PurchaseBilling}, which changes the order and creates the bill together.
     */
    record BillPurchaseOrder(String orderId, String billId, LocalDate date, LocalDate dueDate,
                             Long expectedVersion) {

        BillPurchaseOrder {
            Objects.requireNonNull(orderId, "orderId");
            Objects.requireNonNull(billId, "billId");
            Objects.requireNonNull(date, "date");
        }
    }

    /** Pay {@code amountMinor} (in the bill's currency) of a bill. */
    record PayBill(@TargetAggregateIdentifier String aggregateId, String paymentId, long amountMinor, LocalDate date,
                   String method, @TargetAggregateVersion Long expectedVersion) {

        PayBill {
            Objects.requireNonNull(paymentId, "paymentId");
            Objects.requireNonNull(date, "date");
            Objects.requireNonNull(method, "method");
            if (!aggregateId.startsWith(BillEvent.aggregateId(""))) {
                throw new IllegalArgumentException("a bill is addressed by its id");
            }
        }
    }
}
