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
import org.kontor.events.sales.CustomerCreditEvent.OrderCreditCommitted;
import org.kontor.events.sales.CustomerCreditEvent.OrderCreditReleased;

/**
 * The open order totals of one customer, so that confirming an order can check them against the
 * credit limit. Changed only by {@link CustomerCredits}, inside the unit of work of the order's own
 * command, so the order and its credit change together or not at all.
 *
 * <p>Until invoices and payments exist, "open receivables" are the totals of the orders confirmed
 * and neither cancelled nor refused by inventory: a delivered order still counts, as nothing pays
 * it yet. Only orders in the currency of the limit count against it; an order in another currency
 * is committed but not checked (there is no exchange rate to compare with).
 */
@Aggregate
class CustomerCredit {

    @AggregateIdentifier
    private String creditId;
    private final Map<String, Money> openOrders = new LinkedHashMap<>();

    CustomerCredit() {
        // for Axon
    }

    /** Counts the order against the limit, or refuses when the open orders would exceed it. */
    void commit(String customerId, String orderId, Money total, Money creditLimit) {
        if (openOrders.containsKey(orderId)) {
            return;
        }
        if (creditLimit != null && creditLimit.currency().equals(total.currency())) {
            long open = openIn(total.currency());
            if (Math.addExact(open, total.amountMinor()) > creditLimit.amountMinor()) {
                throw new BusinessRuleViolation(SalesRule.CREDIT_LIMIT_EXCEEDED, "Customer " + customerId
                        + " has " + Money.of(open, total.currency()).toDecimalString() + " " + total.currency()
                        + " in open orders; with this order's " + total.toDecimalString() + " that exceeds the credit "
                        + "limit of " + creditLimit.toDecimalString() + " " + creditLimit.currency() + ".");
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

    private long openIn(String currency) {
        return openOrders.values().stream().filter(money -> money.currency().equals(currency))
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
}
