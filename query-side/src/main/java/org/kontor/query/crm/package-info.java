/**
 * CRM on the read side: the customer list and 360 view ({@code crm-customers}, with open
 * opportunities and open cases), the customer timeline ({@code crm-timeline}), one view per lead,
 * opportunity (with its stage history), activity and case, and the sales analytics: the pipeline
 * per stage and owner ({@code crm-pipeline}), campaigns ({@code crm-campaigns}) and one document per
 * day for the funnel and the employee report ({@code crm-sales-days}). The timeline is kept in
 * bucket documents of a fixed size keyed {@code customerId:bucket}, so a page is a few {@code _id}
 * reads for a customer with any number of entries; every analytics read is bounded the same way.
 */
package org.kontor.query.crm;
