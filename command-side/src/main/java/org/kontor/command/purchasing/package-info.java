/**
 * Purchasing (procure to pay) on the write side: suppliers with their payment terms, purchase
 * orders ({@code PurchaseOrder}: placed, goods received in one or more receipts, billed), the
 * supplier bills that follow received goods ({@code Bill}, created with the order's billing in one
 * unit of work by {@code PurchaseBilling}) and their payments. Stock is inventory's: inventory
 * receives the goods in reaction to the order's {@code GoodsReceived}; this package never calls
 * inventory, it only reads inventory's events to refuse an unknown product or warehouse up front.
 */
package org.kontor.command.purchasing;
