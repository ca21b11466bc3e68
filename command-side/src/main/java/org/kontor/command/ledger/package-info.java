/**
 * The general ledger on the write side: the chart of accounts ({@code LedgerAccount}), journal
 * entries ({@code JournalEntry}, never edited: corrections are reversals) and accounting periods
 * ({@code LedgerPeriod}). Every posting is recorded in its period's event stream in the same
 * transaction as the entry, which is what makes "no entry in a closed period" hold when a close and
 * postings race, on one node or many.
 */
package org.kontor.command.ledger;
