package org.kontor.events.crm;

/** How urgent a support case is. */
public enum CasePriority {
    LOW,
    NORMAL,
    HIGH,
    URGENT
}
