/**
 * CRM on the write side: customers (details, contacts) and the interactions with them; the sales
 * pipeline (campaigns, leads, opportunities, and the qualification that turns a lead into a
 * customer and an opportunity in one unit of work); follow-up activities, which become overdue by a
 * durable deadline; and support cases. Every interaction, lead, opportunity, activity and case is an
 * aggregate of its own, so the hundred thousandth costs what the first did. Creates are idempotent
 * by client id; the rules of the pipeline are the {@code CrmRule} codes.
 */
package org.kontor.command.crm;
