package org.kontor.command.crm;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.kontor.events.common.PersonName;
import org.kontor.events.crm.InteractionChannel;
import org.kontor.events.crm.InteractionDirection;

/** The commands of the CRM customer context. */
final class CustomerCommands {

    private CustomerCommands() {
    }

    /** Register a customer; repeating it with the same id and content changes nothing. */
    record RegisterCustomer(@TargetAggregateIdentifier String customerId, CustomerDetails details) {

        RegisterCustomer {
            Objects.requireNonNull(customerId, "customerId");
            Objects.requireNonNull(details.name(), "name");
            Objects.requireNonNull(details.kind(), "kind");
        }
    }

    /** Replace the named details of a customer; the others stay as they are. */
    record ChangeCustomerDetails(
            @TargetAggregateIdentifier String customerId,
            Set<CustomerField> fields,
            CustomerDetails values,
            @TargetAggregateVersion Long expectedVersion) {

        ChangeCustomerDetails {
            Objects.requireNonNull(customerId, "customerId");
            fields = Set.copyOf(fields);
            if (fields.contains(CustomerField.NAME) && (values.name() == null || values.name().isBlank())
                    || fields.contains(CustomerField.KIND) && values.kind() == null) {
                throw new IllegalArgumentException("a customer always has a name and a kind");
            }
        }
    }

    /** Add a person to talk to at the customer. */
    record AddContact(
            @TargetAggregateIdentifier String customerId,
            String contactId,
            PersonName name,
            String email,
            String phone,
            String role,
            @TargetAggregateVersion Long expectedVersion) {

        AddContact {
            Objects.requireNonNull(customerId, "customerId");
            Objects.requireNonNull(contactId, "contactId");
            Objects.requireNonNull(name, "name");
        }
    }

    /** Record that the company and the customer were in touch. */
    record RecordInteraction(
            @TargetAggregateIdentifier String interactionId,
            String customerId,
            InteractionChannel channel,
            InteractionDirection direction,
            Instant occurredAt,
            String subject,
            String body,
            String employeeId) {

        RecordInteraction {
            Objects.requireNonNull(interactionId, "interactionId");
            Objects.requireNonNull(customerId, "customerId");
            Objects.requireNonNull(channel, "channel");
            Objects.requireNonNull(direction, "direction");
            Objects.requireNonNull(occurredAt, "occurredAt");
            Objects.requireNonNull(subject, "subject");
        }
    }
}
