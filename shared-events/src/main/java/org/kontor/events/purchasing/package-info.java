/**
 * Events of purchasing (procure to pay): suppliers, purchase orders with their goods receipts, and
 * the supplier bills that follow them with their payments. Amounts are long minor units of the
 * document's currency; quantities are whole units of the product's unit of measure. Inventory
 * receives the goods in reaction to {@link org.kontor.events.purchasing.PurchaseOrderEvent.GoodsReceived};
 * the ledger posts the bills and their payments; the payables book (open items) follows the bills.
 */
package org.kontor.events.purchasing;
