/**
 * CRM on the read side: the customer list and 360 view ({@code crm-customers}) and the customer
 * timeline ({@code crm-timeline}). The timeline is kept in bucket documents of a fixed size keyed
 * {@code customerId:bucket}, so a page is a few {@code _id} reads for a customer with any number of
 * entries.
 */
package org.kontor.query.crm;
