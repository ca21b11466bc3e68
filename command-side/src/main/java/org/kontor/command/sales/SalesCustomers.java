package org.kontor.command.sales;

import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.kontor.events.crm.CustomerEvent.CustomerRegistered;

/** Answers whether a customer exists, for orders that name one. */
@FunctionalInterface
interface SalesCustomers {

    boolean exists(String customerId);

    /**
     * Knows the CRM's customers from their own event streams (CRM events are the contract between
     * the contexts), so an order for a customer registered a moment ago already finds it: a
     * customer's stream starts with {@link CustomerRegistered}.
     */
    static SalesCustomers fromEvents(EventStore eventStore) {
        return customerId -> {
            if (eventStore.lastSequenceNumberFor(customerId).isEmpty()) {
                return false;
            }
            DomainEventStream stream = eventStore.readEvents(customerId);
            return stream.hasNext() && stream.next().getPayload() instanceof CustomerRegistered;
        };
    }
}
