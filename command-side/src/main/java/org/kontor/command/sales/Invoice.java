package org.kontor.command.sales;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.kontor.command.sales.InvoiceCommands.IssueInvoice;
import org.kontor.command.sales.InvoiceCommands.RecordInvoicePayment;
import org.kontor.config.error.BusinessRuleViolation;
import org.kontor.config.error.CommonRule;
import org.kontor.config.http.CommandOutcome;
import org.kontor.events.common.Money;
import org.kontor.events.sales.InvoiceEvent.InvoiceIssued;
import org.kontor.events.sales.InvoiceEvent.InvoiceOverdue;
import org.kontor.events.sales.InvoiceEvent.InvoicePaymentReceived;

/**
 * A customer invoice: issued for a delivered order (by the order's own command, see
 * {@link Invoices}), OPEN until payments settle its total (PAID), OVERDUE when its due date ends
 * while something is still open. Payments are keyed by the client's payment id, so a retried payment
 * is recorded once.
 *
 * <p>Issuing schedules a durable deadline for the end of the due date (midnight UTC after it); the
 * deadline manager keeps it in the database, so it fires after a restart too. A paid invoice's
 * deadline is left to fire and do nothing: the handler checks, which also makes a deadline delivered
 * twice harmless. An invoice issued with a due date already past becomes overdue at the next poll.
 */
@Aggregate
class Invoice {

    static final String DUE_DEADLINE = "invoice-due";

    @AggregateIdentifier
    private String invoiceId;
    private InvoiceIssued issued;
    private long openMinor;
    private boolean overdue;
    private final Map<String, InvoicePaymentReceived> payments = new HashMap<>();

    Invoice() {
        // for Axon
    }

    /**
     * Issues the invoice and schedules its due deadline. {@link Invoices} calls this constructor
     * inside the invoicing order's unit of work; nothing sends the command over the bus (it is a
     * handler so that tests drive issuing and the deadline as they would any command).
     */
    @CommandHandler
    Invoice(IssueInvoice command, DeadlineManager deadlines) {
        apply(command.invoice());
        deadlines.schedule(overdueAt(command.invoice().dueDate()), DUE_DEADLINE);
    }

    /** The moment the invoice is overdue if still open: when its due date has ended (UTC). */
    static Instant overdueAt(LocalDate dueDate) {
        return dueDate.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** Paying again with the same id and content changes nothing; other content is refused. */
    @CommandHandler
    CommandOutcome handle(RecordInvoicePayment command, CustomerCredits credits) {
        InvoicePaymentReceived earlier = payments.get(command.paymentId());
        if (earlier != null) {
            if (!isSamePayment(earlier, command)) {
                throw new BusinessRuleViolation(CommonRule.ALREADY_EXISTS, "Invoice " + invoiceId
                        + " has a different payment with id " + command.paymentId() + ".");
            }
            return CommandOutcome.ofCurrentAggregate(command.paymentId(), false);
        }
        Money amount = command.amount();
        if (!amount.currency().equals(issued.currency())) {
            throw refused(SalesRule.CURRENCY_MISMATCH, "is in " + issued.currency() + ", the payment in "
                    + amount.currency());
        }
        if (command.date().isBefore(issued.date())) {
            throw refused(SalesRule.PAYMENT_BEFORE_INVOICE, "is dated " + issued.date() + ", the payment "
                    + command.date());
        }
        if (amount.amountMinor() > openMinor) {
            throw refused(SalesRule.PAYMENT_EXCEEDS_BALANCE, "has " + Money.of(openMinor, issued.currency())
                    .toDecimalString() + " " + issued.currency() + " open; the payment is " + amount.toDecimalString());
        }
        credits.settle(issued.customerId(), invoiceId, command.paymentId(), amount);
        apply(new InvoicePaymentReceived(invoiceId, issued.customerId(), command.paymentId(), amount.amountMinor(),
                amount.currency(), command.date(), command.method(), openMinor - amount.amountMinor()));
        return CommandOutcome.ofCurrentAggregate(command.paymentId(), true);
    }

    @DeadlineHandler(deadlineName = DUE_DEADLINE)
    void onDue() {
        if (isOpen() && !overdue) {
            apply(new InvoiceOverdue(invoiceId, issued.customerId(), issued.dueDate(), openMinor, issued.currency()));
        }
    }

    private boolean isOpen() {
        return openMinor > 0;
    }

    private static boolean isSamePayment(InvoicePaymentReceived earlier, RecordInvoicePayment command) {
        return earlier.amountMinor() == command.amount().amountMinor()
                && earlier.currency().equals(command.amount().currency())
                && earlier.date().equals(command.date())
                && earlier.method() == command.method();
    }

    private BusinessRuleViolation refused(SalesRule rule, String why) {
        return new BusinessRuleViolation(rule, "Invoice " + invoiceId + " " + why + ".");
    }

    @EventSourcingHandler
    void on(InvoiceIssued event) {
        invoiceId = event.invoiceId();
        issued = event;
        openMinor = event.totalMinor();
    }

    @EventSourcingHandler
    void on(InvoicePaymentReceived event) {
        payments.put(event.paymentId(), event);
        openMinor = event.openMinor();
    }

    @EventSourcingHandler
    void on(InvoiceOverdue event) {
        overdue = true;
    }
}
