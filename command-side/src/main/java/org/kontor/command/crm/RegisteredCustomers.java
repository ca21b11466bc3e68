package org.kontor.command.crm;

import org.axonframework.eventsourcing.eventstore.EventStore;
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

    @Override
    public boolean exists(String customerId) {
        return EventSourcedLookup.exists(eventStore, customers, customerId, Customer::isRegistered);
    }
}
