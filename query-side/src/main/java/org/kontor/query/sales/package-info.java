/**
 * Sales on the read side: one view per sales order (its lines, totals, status and the outcome of
 * its stock reservation), read by id.
 */
package org.kontor.query.sales;
