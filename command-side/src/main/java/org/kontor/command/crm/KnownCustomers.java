package org.kontor.command.crm;

/** Answers whether a customer exists, for aggregates that refer to one. */
@FunctionalInterface
interface KnownCustomers {

    boolean exists(String customerId);
}
