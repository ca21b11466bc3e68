package org.kontor.query.crm;

import java.time.Instant;

/**
 * One line of a customer's timeline: when it happened, what kind of event it was, a sentence for
 * people, the id of the thing it is about and who did it.
 */
public record TimelineEntry(Instant at, String type, String summary, String refId, String by) {
}
