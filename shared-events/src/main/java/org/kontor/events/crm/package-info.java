/**
 * Events of the CRM context: customers, their contacts and every interaction with them.
 * Each aggregate lists all of its events in one sealed interface, so its whole life reads in one file.
 */
package org.kontor.events.crm;
