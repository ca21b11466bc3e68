/**
 * Inventory on the read side: stock levels per product and warehouse (on hand, reserved,
 * available, value; read by {@code _id}), the stock ledger with running quantities, and the
 * valuation as of any date. The valuation is recomputed from the movements in date order with the
 * shared {@code CostFlow} rule, so a backdated receipt changes what later issues cost here without
 * any event being rewritten.
 */
package org.kontor.query.inventory;
