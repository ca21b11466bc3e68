/**
 * Purchasing on the read side: one view per supplier, purchase order (lines with ordered, received
 * and billed quantities, its receipts and bills) and supplier bill (amounts, payments, what is
 * open), read by id or listed by id with a cursor. The payables book that ages the bills is the
 * open-items context's.
 */
package org.kontor.query.purchasing;
