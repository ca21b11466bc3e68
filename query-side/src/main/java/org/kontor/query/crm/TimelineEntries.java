package org.kontor.query.crm;

import java.time.Instant;
import java.util.Locale;
import org.axonframework.eventhandling.EventMessage;
import org.kontor.events.crm.AboutCustomer;
import org.kontor.events.crm.CustomerEvent.ContactAdded;
import org.kontor.events.crm.CustomerEvent.CustomerDetailsChanged;
import org.kontor.events.crm.CustomerEvent.CustomerRegistered;
import org.kontor.events.crm.InteractionEvent.InteractionRecorded;
import org.kontor.events.sales.InvoiceEvent;
import org.kontor.events.sales.SalesOrderEvent;

/** Turns an event about a customer into the sentence a sales rep reads on the timeline. */
final class TimelineEntries {

    private TimelineEntries() {
    }

    static TimelineEntry describe(AboutCustomer event, EventMessage<?> message) {
        String type = event.getClass().getSimpleName();
        Instant recordedAt = message.getTimestamp();
        String by = TimelineProjection.userOf(message);
        if (event instanceof InteractionRecorded interaction) {
            String summary = capitalized(interaction.channel().name()) + " ("
                    + interaction.direction().name().toLowerCase(Locale.ROOT) + "): " + interaction.subject();
            return new TimelineEntry(interaction.occurredAt(), type, summary, interaction.interactionId(), by);
        }
        if (event instanceof CustomerRegistered registered) {
            return new TimelineEntry(recordedAt, type, "Customer registered: " + registered.name(),
                    registered.customerId(), by);
        }
        if (event instanceof CustomerDetailsChanged changed) {
            return new TimelineEntry(recordedAt, type, "Details changed: " + String.join(", ", changed.changedFields()),
                    changed.customerId(), by);
        }
        if (event instanceof ContactAdded contact) {
            String role = contact.role() == null ? "" : " (" + contact.role() + ")";
            return new TimelineEntry(recordedAt, type, "Contact added: " + contact.name().fullName() + role,
                    contact.contactId(), by);
        }
        if (event instanceof SalesOrderEvent order) {
            return SalesTimelineEntries.describe(order, recordedAt, by);
        }
        if (event instanceof InvoiceEvent invoice) {
            return SalesTimelineEntries.describe(invoice, recordedAt, by);
        }
        TimelineEntry pipelineEntry = PipelineTimelineEntries.describe(event, recordedAt, by);
        return pipelineEntry != null ? pipelineEntry
                : new TimelineEntry(recordedAt, type, type, event.customerId(), by);
    }

    private static String capitalized(String word) {
        return word.charAt(0) + word.substring(1).toLowerCase(Locale.ROOT);
    }
}
