/**
 * Open items: the receivables (customer invoices) and payables (supplier bills) sub-ledgers on the
 * read side, and their aging as of any date. One context for both, because an invoice and a bill
 * are the same thing seen from two sides: a document with a party, a due date and an amount that
 * payments settle. Each book is fed by a projection of its own (the sales side's invoices and
 * payments, the purchasing side's bills and bill payments) through {@link
 * org.kontor.query.openitems.OpenItemBook}; the aging reads are the same code for both.
 */
package org.kontor.query.openitems;
