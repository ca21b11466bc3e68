package org.kontor.events.crm;

/** What kind of follow-up an activity is. */
public enum ActivityType {
    CALL,
    EMAIL,
    MEETING,
    TASK
}
