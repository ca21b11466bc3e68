package org.kontor.command.sales;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.kontor.events.common.Money;
import org.kontor.events.crm.CustomerEvent.CustomerDetailsSnapshot;

/**
 * What sales takes from the CRM about a customer: its credit limit and payment terms, each
 * {@code null} when the CRM has none.
 */
record CustomerTerms(Money creditLimit, Integer paymentTermDays) {

    /**
     * Read in one pass from the customer's own events, the latest registration or change of details
     * winning (each carries every detail), so terms changed a moment ago already count. A customer
     * without events has no terms.
     */
    static CustomerTerms fromEvents(EventStore eventStore, String customerId) {
        CustomerTerms terms = new CustomerTerms(null, null);
        var events = eventStore.readEvents(customerId);
        while (events.hasNext()) {
            if (events.next().getPayload() instanceof CustomerDetailsSnapshot details) {
                terms = new CustomerTerms(details.creditLimit(), details.paymentTermDays());
            }
        }
        return terms;
    }
}
