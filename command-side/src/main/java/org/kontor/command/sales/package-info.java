/**
 * Sales (order to cash) on the write side: sales orders ({@code SalesOrder}: draft, confirm,
 * deliver, cancel) and the process manager that follows a confirmed order's stock reservation
 * ({@code OrderFulfilment}). Stock is inventory's: inventory reserves, issues and releases it in
 * reaction to the order's events, and the order learns the outcome from inventory's events through
 * the process manager; this package never calls inventory.
 */
package org.kontor.command.sales;
