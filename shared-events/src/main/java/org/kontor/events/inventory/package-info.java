/**
 * Events of inventory: products (identified by their SKU), warehouses, the stock of one product in
 * one warehouse (every receipt, issue, transfer, adjustment and reservation, with the cost the
 * command side valued it at) and stock movements (one per client request, carrying the values the
 * ledger posts). Quantities are whole units of the product's unit of measure; values are long
 * minor units of the inventory currency. {@link org.kontor.events.inventory.CostFlow} is the
 * valuation rule both sides apply, so the ledger and the valuation view agree to the minor unit.
 */
package org.kontor.events.inventory;
