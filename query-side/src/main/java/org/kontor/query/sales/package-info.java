/**
 * Sales on the read side: one view per sales order (its lines, totals, status, the outcome of its
 * stock reservation and its invoice), read by id; one view per invoice (lines, totals, payments,
 * open balance, status), read by id or listed per customer and status.
 */
package org.kontor.query.sales;
