package org.kontor.events.crm;

/** Who started an interaction: the customer (inbound) or the company (outbound). */
public enum InteractionDirection {
    INBOUND,
    OUTBOUND
}
