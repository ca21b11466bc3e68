package org.kontor.command.purchasing;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.HashMap;
import java.util.Map;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.kontor.command.purchasing.PurchasingCommands.PayBill;
import org.kontor.config.error.BusinessRuleViolation;
import org.kontor.config.error.CommonRule;
import org.kontor.config.http.CommandOutcome;
import org.kontor.events.common.Money;
import org.kontor.events.purchasing.BillEvent;
import org.kontor.events.purchasing.BillEvent.BillPaymentRecorded;
import org.kontor.events.purchasing.BillEvent.BillRecorded;

/**
 * A supplier's bill ({@code bill:<id>}): created by {@link PurchaseBilling} for goods received on a
 * purchase order, then paid in one or more payments, never beyond what is open. Payment ids are
 * the client's, so a repeated payment answers as the first and pays nothing twice.
 */
@Aggregate
class Bill {

    @AggregateIdentifier
    private String aggregateId;
    private BillRecorded recorded;
    private long openMinor;
    private final Map<String, BillPaymentRecorded> payments = new HashMap<>();

    Bill() {
        // for Axon
    }

    /** Records the bill; {@link PurchaseBilling} has billed the order's received goods with it. */
    Bill(BillRecorded recorded) {
        apply(recorded);
    }

    BillRecorded recorded() {
        return recorded;
    }

    /** Answers 201 with the payment's id, or 200 for a repeat of the same payment. */
    @CommandHandler
    CommandOutcome handle(PayBill command) {
        BillPaymentRecorded earlier = payments.get(command.paymentId());
        if (earlier != null) {
            if (!isSamePayment(earlier, command)) {
                throw new BusinessRuleViolation(CommonRule.ALREADY_EXISTS, "A different payment with id "
                        + command.paymentId() + " was made on bill " + recorded.billId() + ".");
            }
            return CommandOutcome.ofCurrentAggregate(command.paymentId(), false);
        }
        if (command.date().isBefore(recorded.date())) {
            throw new BusinessRuleViolation(PurchasingRule.PAYMENT_BEFORE_BILL, "Bill " + recorded.billId()
                    + " is dated " + recorded.date() + ", after the payment's date " + command.date() + ".");
        }
        if (command.amountMinor() > openMinor) {
            throw new BusinessRuleViolation(PurchasingRule.PAYMENT_EXCEEDS_BALANCE, "Bill " + recorded.billId()
                    + " has " + Money.of(openMinor, recorded.currency()).toDecimalString() + " " + recorded.currency()
                    + " open, less than the payment of "
                    + Money.of(command.amountMinor(), recorded.currency()).toDecimalString() + ".");
        }
        apply(new BillPaymentRecorded(recorded.billId(), recorded.supplierId(), command.paymentId(), command.date(),
                command.amountMinor(), recorded.currency(), command.method(), openMinor - command.amountMinor()));
        return CommandOutcome.ofCurrentAggregate(command.paymentId(), true);
    }

    private static boolean isSamePayment(BillPaymentRecorded earlier, PayBill command) {
        return earlier.amountMinor() == command.amountMinor() && earlier.date().equals(command.date())
                && earlier.method().equals(command.method());
    }

    @EventSourcingHandler
    void on(BillRecorded event) {
        aggregateId = BillEvent.aggregateId(event.billId());
        recorded = event;
        openMinor = event.totalMinor();
    }

    @EventSourcingHandler
    void on(BillPaymentRecorded event) {
        payments.put(event.paymentId(), event);
        openMinor = event.openMinor();
    }
}
