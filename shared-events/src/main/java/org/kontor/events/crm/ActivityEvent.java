package org.kontor.events.crm;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** Everything that can happen to a follow-up (call, email, meeting, task) with a customer. */
public sealed interface ActivityEvent extends AboutCustomer {

    String activityId();

    /** A follow-up is due at {@code dueAt}, for {@code assigneeId}. */
    @Revision("1")
    record ActivityScheduled(
            String activityId,
            String customerId,
            ActivityType type,
            Instant dueAt,
            String assigneeId,
            String note) implements ActivityEvent {
    }

    /** The follow-up was done; {@code late} when it had become overdue first. */
    @Revision("1")
    record ActivityCompleted(
            String activityId,
            String customerId,
            String assigneeId,
            String outcome,
            boolean late) implements ActivityEvent {
    }

    /** Nobody completed the follow-up by {@code dueAt}: raised by a durable deadline, not by a person. */
    @Revision("1")
    record ActivityOverdue(String activityId, String customerId, String assigneeId, Instant dueAt)
            implements ActivityEvent {
    }
}
