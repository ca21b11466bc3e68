package org.kontor.events.crm;

import java.util.List;
import org.axonframework.serialization.Revision;
import org.kontor.events.common.Money;
import org.kontor.events.common.PersonName;
import org.kontor.events.common.PostalAddress;

/** Everything that can happen to a customer record. */
public sealed interface CustomerEvent extends AboutCustomer {

    /** The events that carry all of a customer's details as they are after the event. */
    interface CustomerDetailsSnapshot {

        String name();

        CustomerKind kind();

        String email();

        String phone();

        String vatNumber();

        PostalAddress address();

        Money creditLimit();

        String ownerId();

        List<String> tags();

        /** Days after an invoice's date it falls due; {@code null} when not set (the sales setting applies). */
        Integer paymentTermDays();
    }

    /**
     * A customer (company or person) was registered. Revision 2 added {@code paymentTermDays}; a
     * revision-1 event reads with it {@code null} (not set), so it needs no upcaster.
     */
    @Revision("2")
    record CustomerRegistered(
            String customerId,
            String name,
            CustomerKind kind,
            String email,
            String phone,
            String vatNumber,
            PostalAddress address,
            Money creditLimit,
            String ownerId,
            List<String> tags,
            Integer paymentTermDays) implements CustomerEvent, CustomerDetailsSnapshot {

        public CustomerRegistered {
            tags = tags == null ? List.of() : List.copyOf(tags);
        }
    }

    /**
     * Some details of a customer changed. Only the fields named in {@code changedFields} changed; the
     * others carry the value they already had, so a reader never has to merge partial updates.
     * Revision 2 added {@code paymentTermDays}; a revision-1 event reads with it {@code null}.
     */
    @Revision("2")
    record CustomerDetailsChanged(
            String customerId,
            List<String> changedFields,
            String name,
            CustomerKind kind,
            String email,
            String phone,
            String vatNumber,
            PostalAddress address,
            Money creditLimit,
            String ownerId,
            List<String> tags,
            Integer paymentTermDays) implements CustomerEvent, CustomerDetailsSnapshot {

        public CustomerDetailsChanged {
            changedFields = changedFields == null ? List.of() : List.copyOf(changedFields);
            tags = tags == null ? List.of() : List.copyOf(tags);
        }
    }

    /**
     * A person to talk to at the customer was added. Revision 2 stores the name in its parts;
     * revision 1 stored it in one field, which {@code ContactNameUpcaster} splits by
     * {@link PersonName#parse}.
     */
    @Revision("2")
    record ContactAdded(
            String customerId,
            String contactId,
            PersonName name,
            String email,
            String phone,
            String role) implements CustomerEvent {
    }
}
