/**
 * Events of the CRM context: customers, their contacts and every interaction with them; leads,
 * opportunities and campaigns (the sales pipeline); follow-up activities and support cases.
 * Each aggregate lists all of its events in one sealed interface, so its whole life reads in one file.
 */
package org.kontor.events.crm;
