package org.kontor.events.crm;

/** How the company and the customer were in touch. */
public enum InteractionChannel {
    CALL,
    EMAIL,
    MEETING,
    SMS,
    NOTE,
    VISIT
}
