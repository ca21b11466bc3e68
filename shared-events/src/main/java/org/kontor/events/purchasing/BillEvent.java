package org.kontor.events.purchasing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.axonframework.serialization.Revision;

/**
 * Everything that can happen to a supplier's bill. The aggregate id is {@code bill:<billId>}. A bill
 * is what the company owes: payables until it is paid.
 */
public sealed interface BillEvent {

    String billId();

    String supplierId();

    static String aggregateId(String billId) {
        return "bill:" + billId;
    }

    /**
     * A billed line: {@code netMinor} is {@code quantity} times {@code unitCostMinor}, the value the
     * goods were received at; {@code taxMinor} the input tax on it, rounded half up to the minor unit.
     */
    record BillLine(String sku, long quantity, long unitCostMinor, BigDecimal taxRatePercent, long netMinor,
                    long taxMinor) {

        public BillLine {
            Objects.requireNonNull(sku, "sku");
            Objects.requireNonNull(taxRatePercent, "taxRatePercent");
        }
    }

    /**
     * The supplier's bill for received goods of purchase order {@code orderId}, dated {@code date},
     * due on {@code dueDate}: {@code netMinor} plus {@code taxMinor} is owed.
     */
    @Revision("1")
    record BillRecorded(String billId, String orderId, String supplierId, LocalDate date, LocalDate dueDate,
                        String currency, List<BillLine> lines, long netMinor, long taxMinor) implements BillEvent {

        public BillRecorded {
            lines = List.copyOf(lines);
        }

        /** What the bill asks for: net plus input tax. */
        public long totalMinor() {
            return Math.addExact(netMinor, taxMinor);
        }
    }

    /**
     * {@code amountMinor} of the bill was paid on {@code date} by {@code method} (CASH, BANK_TRANSFER,
     * ...); {@code openMinor} is what is still owed after it.
     */
    @Revision("1")
    record BillPaymentRecorded(String billId, String supplierId, String paymentId, LocalDate date, long amountMinor,
                               String currency, String method, long openMinor) implements BillEvent {
    }
}
