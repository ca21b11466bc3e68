package org.kontor.events.crm;

/**
 * An event that belongs on a customer's timeline. Events of every context that concern one customer
 * (interactions, leads, orders, invoices, cases) implement it, so the timeline and the 360 view can
 * route them by customer without knowing each context.
 */
public interface AboutCustomer {

    String customerId();
}
