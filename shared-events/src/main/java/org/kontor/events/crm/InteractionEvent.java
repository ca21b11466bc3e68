package org.kontor.events.crm;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * Everything that can happen to one interaction with a customer. Interactions are their own
 * aggregate so that a customer with a hundred thousand of them still loads in a few events.
 */
public sealed interface InteractionEvent extends AboutCustomer {

    String interactionId();

    /** A call, email, meeting, message, note or visit took place at {@code occurredAt}. */
    @Revision("1")
    record InteractionRecorded(
            String interactionId,
            String customerId,
            InteractionChannel channel,
            InteractionDirection direction,
            Instant occurredAt,
            String subject,
            String body,
            String employeeId) implements InteractionEvent {
    }
}
