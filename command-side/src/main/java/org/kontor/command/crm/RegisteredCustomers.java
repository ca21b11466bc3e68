package org.kontor.command.crm;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * Knows customers from their own event streams, not from a read model, so a customer registered a
 * moment ago is already known.
 */
@Component
class RegisteredCustomers implements KnownCustomers {

    private final Repository<Customer> customers;
    private final EventStore eventStore;

    RegisteredCustomers(@Qualifier("customerRepository") Repository<Customer> customers, EventStore eventStore) {
        this.customers = customers;
        this.eventStore = eventStore;
    }

    /**
     * Asks the event store before loading: a failed load costs an exception that Axon logs with its
     * stack trace, and an unknown id is a normal answer here.
     */
    @Override
    public boolean exists(String customerId) {
        if (eventStore.lastSequenceNumberFor(customerId).isEmpty()) {
            return false;
        }
        // Loading checks that the stream really is a customer's, not another aggregate's.
        try {
            return customers.load(customerId).invoke(Customer::isRegistered);
        } catch (AggregateNotFoundException unknown) {
            return false;
        }
    }
}
