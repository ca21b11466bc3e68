/**
 * Inventory on the write side: products (one aggregate per SKU, which is what keeps SKUs unique),
 * warehouses, the stock of each product in each warehouse ({@code Stock}, the consistency boundary
 * of "never below zero"), and stock movements ({@code StockMovement}, one per client id, so a
 * repeated request answers as the first). A movement of several lines loads its stocks in the order
 * of their ids within one unit of work, so concurrent movements cannot deadlock. Every movement is
 * valued here, at the time it is recorded, by the shared {@code CostFlow} rule; a backdated movement
 * records the revised cost of the later movements it changed.
 */
package org.kontor.command.inventory;
