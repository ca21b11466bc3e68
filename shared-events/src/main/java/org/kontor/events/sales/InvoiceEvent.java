package org.kontor.events.sales;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.serialization.Revision;
import org.kontor.events.crm.AboutCustomer;
import org.kontor.events.sales.SalesOrderEvent.OrderLine;

/**
 * Everything that can happen to a customer invoice: issued for a delivered sales order, paid in
 * part or in full, and overdue when its due date passed while something was still open. Amounts
 * are long minor units of the invoice's currency.
 */
public sealed interface InvoiceEvent extends AboutCustomer {

    String invoiceId();

    /**
     * The invoice for order {@code orderId}, dated {@code date} and due on {@code dueDate}:
     * {@code netMinor} plus {@code taxMinor} is what the customer owes.
     */
    @Revision("1")
    record InvoiceIssued(String invoiceId, String orderId, String customerId, String currency,
                         List<OrderLine> lines, long netMinor, long taxMinor, LocalDate date, LocalDate dueDate)
            implements InvoiceEvent {

        public long totalMinor() {
            return Math.addExact(netMinor, taxMinor);
        }
    }

    /**
     * Payment {@code paymentId} of {@code amountMinor}, received on {@code date} by {@code method};
     * {@code openMinor} is what the invoice still owes after it (0: paid in full).
     */
    @Revision("1")
    record InvoicePaymentReceived(String invoiceId, String customerId, String paymentId, long amountMinor,
                                  String currency, LocalDate date, PaymentMethod method, long openMinor)
            implements InvoiceEvent {

        public boolean paysInFull() {
            return openMinor == 0;
        }
    }

    /**
     * The due date passed with {@code openMinor} still owed: raised by a durable deadline, not by a
     * person.
     */
    @Revision("1")
    record InvoiceOverdue(String invoiceId, String customerId, LocalDate dueDate, long openMinor, String currency)
            implements InvoiceEvent {
    }
}
