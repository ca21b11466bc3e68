package org.kontor.command.crm;

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

    RegisteredCustomers(@Qualifier("customerRepository") Repository<Customer> customers) {
        this.customers = customers;
    }

    @Override
    public boolean exists(String customerId) {
        try {
            customers.load(customerId);
            return true;
        } catch (AggregateNotFoundException unknown) {
            return false;
        }
    }
}
