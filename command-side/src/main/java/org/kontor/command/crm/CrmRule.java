package org.kontor.command.crm;

import org.kontor.config.error.RuleCode;

/** The rules of the CRM: customers, the pipeline, follow-ups and cases; each is a 422 with this code. */
enum CrmRule implements RuleCode {
    /** The lead was qualified already, differently; a qualified lead is never disqualified. */
    LEAD_ALREADY_QUALIFIED,
    /** The lead was disqualified; it cannot be qualified or disqualified again for another reason. */
    LEAD_DISQUALIFIED,
    /** The opportunity is won or lost; it changes no more. */
    OPPORTUNITY_CLOSED,
    /** Won and lost are reached through their own commands, not by a stage change, and only from an open stage. */
    STAGE_NOT_OPEN,
    /** The activity was completed already, with another outcome. */
    ACTIVITY_ALREADY_COMPLETED,
    /** The case is resolved: resolve it differently, assign it or change its priority only after a reopen. */
    CASE_ALREADY_RESOLVED,
    /** Only a resolved case can be reopened. */
    CASE_NOT_RESOLVED,
    /** A customer's payment terms are from 0 to 365 days, or not set. */
    PAYMENT_TERMS_OUT_OF_RANGE,
    /** Money in the pipeline is in the CRM's currency ({@code erp.crm.currency}), so totals add up. */
    CURRENCY_MISMATCH
}
