/**
 * Events of the general ledger: the chart of accounts, journal entries (never edited: corrections
 * are reversing entries) and accounting periods with their close. Amounts are long minor units of
 * the ledger's functional currency.
 */
package org.kontor.events.ledger;
