/**
 * Events of sales (order to cash): a sales order's life from draft through confirmation, the stock
 * reservation that follows it, delivery and cancellation. Amounts are long minor units of the
 * order's currency; quantities are whole units of the product's unit of measure. Every event names
 * its customer, so the CRM timeline shows it.
 */
package org.kontor.events.sales;
