/**
 * CRM on the write side: customers (details, contacts) and the interactions with them. A customer
 * is a small aggregate; every interaction is an aggregate of its own, so recording the hundred
 * thousandth interaction costs what the first did. Creates are idempotent by client id.
 */
package org.kontor.command.crm;
