package org.kontor.command.sales;

import java.time.LocalDate;
import java.util.Objects;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.kontor.events.common.Money;
import org.kontor.events.sales.InvoiceEvent.InvoiceIssued;
import org.kontor.events.sales.PaymentMethod;

/** The commands of an invoice (it is issued by its order: {@code InvoiceSalesOrder}). */
final class InvoiceCommands {

    private InvoiceCommands() {
    }

    /** Issue the invoice as its order bills it (see {@code Invoice}'s constructor: the order issues it). */
    record IssueInvoice(InvoiceIssued invoice) {

        IssueInvoice {
            Objects.requireNonNull(invoice, "invoice");
        }
    }

    /** The customer paid {@code amount} of the invoice on {@code date}; {@code paymentId} is the client's key. */
    record RecordInvoicePayment(@TargetAggregateIdentifier String invoiceId, String paymentId, Money amount,
                                LocalDate date, PaymentMethod method, @TargetAggregateVersion Long expectedVersion) {

        RecordInvoicePayment {
            Objects.requireNonNull(invoiceId, "invoiceId");
            Objects.requireNonNull(paymentId, "paymentId");
            Objects.requireNonNull(amount, "amount");
            Objects.requireNonNull(date, "date");
            Objects.requireNonNull(method, "method");
            if (amount.amountMinor() <= 0) {
                throw new IllegalArgumentException("a payment is more than zero");
            }
        }
    }
}
