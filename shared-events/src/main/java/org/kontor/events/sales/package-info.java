/**
 * Events of sales (order to cash): a sales order's life from draft through confirmation, the stock
 * reservation that follows it, delivery, invoicing and cancellation; the invoice's payments and its
 * becoming overdue; the customer's credit those change. Amounts are long minor units of the
 * document's currency; quantities are whole units of the product's unit of measure. Every order and
 * invoice event names its customer, so the CRM timeline shows it.
 */
package org.kontor.events.sales;
