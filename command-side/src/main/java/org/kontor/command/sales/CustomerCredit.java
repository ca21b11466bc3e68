package org.kontor.command.sales;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.LinkedHashMap;
import java.util.Map;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.kontor.config.error.BusinessRuleViolation;
import org.kontor.events.common.Money;
import org.kontor.events.sales.CustomerCreditEvent;
import org.kontor.events.sales.CustomerCreditEvent.InvoiceCreditSettled;
import org.kontor.events.sales.CustomerCreditEvent.OrderCreditCommitted;
import org.kontor.events.sales.CustomerCreditEvent.OrderCreditInvoiced;
import org.kontor.events.sales.CustomerCreditEvent.OrderCreditReleased;

/**
 * What one customer owes or will owe, so that confirming an order can check it against the credit
 * limit: the totals of the open orders (confirmed, neither cancelled nor refused by inventory nor
 * invoiced yet) and the open balances of the invoices (issued, not fully paid). Invoicing an order
 * moves its total from the first to the second; payments reduce the second. Changed only by
 * {@link CustomerCredits}, inside the unit of work of the order's or invoice's own command, so the
 * document and the credit change together or not at all.
 *
 * <p>Only amounts in the currency of the limit count against it; an order in another currency is
 * committed but not checked (there is no exchange rate to compare with).
 */
@Aggregate
class CustomerCredit {

    @AggregateIdentifier
    private String creditId;
    private final Map<String, Money> openOrders = new LinkedHashMap<>();
    private final Map<String, Money> openInvoices = new LinkedHashMap<>();

    CustomerCredit() {
        // for Axon
    }

    /** Counts the order against the limit, or refuses when open orders and receivables would exceed it. */
    void commit(String customerId, String orderId, Money total, Money creditLimit) {
        if (openOrders.containsKey(orderId)) {
            return;
        }
        if (creditLimit != null && creditLimit.currency().equals(total.currency())) {
            long owed = owedIn(total.currency());
            if (Math.addExact(owed, total.amountMinor()) > creditLimit.amountMinor()) {
                throw new BusinessRuleViolation(SalesRule.CREDIT_LIMIT_EXCEEDED, "Customer " + customerId
                        + " has " + Money.of(owed, total.currency()).toDecimalString() + " " + total.currency()
                        + " in open orders and unpaid invoices; with this order's " + total.toDecimalString()
                        + " that exceeds the credit limit of " + creditLimit.toDecimalString() + " "
                        + creditLimit.currency() + ".");
            }
        }
        apply(new OrderCreditCommitted(customerId, orderId, total.amountMinor(), total.currency()));
    }

    /** The order no longer counts; releasing it again changes nothing. */
    void release(String customerId, String orderId) {
        Money committed = openOrders.get(orderId);
        if (committed != null) {
            apply(new OrderCreditReleased(customerId, orderId, committed.amountMinor(), committed.currency()));
        }
    }

    /** The order's total is now owed on the invoice; moving it again changes nothing. */
    void invoice(String customerId, String orderId, String invoiceId, Money total) {
        if (!openInvoices.containsKey(invoiceId)) {
            apply(new OrderCreditInvoiced(customerId, orderId, invoiceId, total.amountMinor(), total.currency()));
        }
    }

    /** A payment reduces what the invoice owes (the invoice checked it does not exceed its balance). */
    void settle(String customerId, String invoiceId, String paymentId, Money amount) {
        if (openInvoices.containsKey(invoiceId)) {
            apply(new InvoiceCreditSettled(customerId, invoiceId, paymentId, amount.amountMinor(), amount.currency()));
        }
    }

    private long owedIn(String currency) {
        return Math.addExact(sumIn(openOrders, currency), sumIn(openInvoices, currency));
    }

    private static long sumIn(Map<String, Money> amounts, String currency) {
        return amounts.values().stream().filter(money -> money.currency().equals(currency))
                .mapToLong(Money::amountMinor).sum();
    }

    @EventSourcingHandler
    void on(OrderCreditCommitted event) {
        creditId = CustomerCreditEvent.aggregateId(event.customerId());
        openOrders.put(event.orderId(), Money.of(event.amountMinor(), event.currency()));
    }

    @EventSourcingHandler
    void on(OrderCreditReleased event) {
        openOrders.remove(event.orderId());
    }

    @EventSourcingHandler
    void on(OrderCreditInvoiced event) {
        creditId = CustomerCreditEvent.aggregateId(event.customerId());
        openOrders.remove(event.orderId());
        openInvoices.put(event.invoiceId(), Money.of(event.amountMinor(), event.currency()));
    }

    @EventSourcingHandler
    void on(InvoiceCreditSettled event) {
        Money open = openInvoices.get(event.invoiceId());
        long left = open.amountMinor() - event.amountMinor();
        if (left <= 0) {
            openInvoices.remove(event.invoiceId());
        } else {
            openInvoices.put(event.invoiceId(), Money.of(left, open.currency()));
        }
    }
}
