package org.kontor.config.axon;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.kontor.events.crm.AboutCustomer;

/**
 * Sequences every event about a customer by that customer, whatever aggregate raised it; other
 * events fall back to the given policy. Views keyed by customer then never see two of a customer's
 * events applied concurrently or out of order.
 */
final class CustomerSequencingPolicy implements SequencingPolicy<EventMessage<?>> {

    private final SequencingPolicy<? super EventMessage<?>> fallback;

    CustomerSequencingPolicy(SequencingPolicy<? super EventMessage<?>> fallback) {
        this.fallback = fallback;
    }

    @Override
    public Object getSequenceIdentifierFor(EventMessage<?> event) {
        if (event.getPayload() instanceof AboutCustomer aboutCustomer) {
            return aboutCustomer.customerId();
        }
        return fallback.getSequenceIdentifierFor(event);
    }
}
