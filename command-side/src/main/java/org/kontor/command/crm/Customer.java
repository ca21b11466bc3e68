package org.kontor.command.crm;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.eventsourcing.conflictresolution.ConflictResolver;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.kontor.command.crm.CustomerCommands.AddContact;
import org.kontor.command.crm.CustomerCommands.ChangeCustomerDetails;
import org.kontor.command.crm.CustomerCommands.RegisterCustomer;
import org.kontor.config.error.BusinessRuleViolation;
import org.kontor.config.error.CommonRule;
import org.kontor.config.http.CommandOutcome;
import org.kontor.events.crm.CustomerEvent.ContactAdded;
import org.kontor.events.crm.CustomerEvent.CustomerDetailsChanged;
import org.kontor.events.crm.CustomerEvent.CustomerRegistered;

/**
 * A customer: who they are and whom to talk to. Command handlers decide and apply; event sourcing
 * handlers only assign.
 */
@Aggregate
class Customer {

    @AggregateIdentifier
    private String customerId;
    /** As first registered: a repeated create is compared with this, not with later changes. */
    private CustomerRegistered registration;
    private CustomerDetails details;
    private final Map<String, AddedContact> contacts = new HashMap<>();

    Customer() {
        // for Axon: an empty customer that events (or a creating command) fill in
    }

    /** A customer registered by another handler's unit of work (a lead's qualification). */
    Customer(CustomerRegistered registered) {
        apply(registered);
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    CommandOutcome handle(RegisterCustomer command) {
        CustomerRegistered registered = command.details().registered(command.customerId());
        if (isRegistered()) {
            return repeatOf(registered);
        }
        refuseOutOfRangeTerms(command.details());
        apply(registered);
        return CommandOutcome.ofCurrentAggregate(command.customerId(), true);
    }

    @CommandHandler
    CommandOutcome handle(ChangeCustomerDetails command) {
        CustomerDetails changed = details.with(command.fields(), command.values());
        refuseOutOfRangeTerms(changed);
        List<String> changedFields = changed.fieldsDifferentFrom(details);
        if (!changedFields.isEmpty()) {
            apply(changed.changed(customerId, changedFields));
        }
        return CommandOutcome.ofCurrentAggregate(customerId, false);
    }

    /**
     * A repeat of an add that already happened answers as the first time did, even when its
     * {@code If-Match} is now stale: the contact id makes the retry safe. Anything else with a
     * stale {@code If-Match} is a conflict.
     */
    @CommandHandler
    CommandOutcome handle(AddContact command, ConflictResolver conflicts) {
        ContactAdded added = new ContactAdded(customerId, command.contactId(), command.name(), command.email(),
                command.phone(), command.role());
        AddedContact known = contacts.get(command.contactId());
        if (known != null && known.event().equals(added)) {
            conflicts.detectConflicts(unseenEvents -> false);
            return new CommandOutcome(command.contactId(), known.customerVersion(), false);
        }
        conflicts.detectConflicts(unseenEvents -> !unseenEvents.isEmpty());
        if (known != null) {
            throw new BusinessRuleViolation(CommonRule.ALREADY_EXISTS,
                    "A different contact with id " + command.contactId() + " exists.");
        }
        apply(added);
        return new CommandOutcome(command.contactId(), CommandOutcome.ofCurrentAggregate(customerId, true).version(),
                true);
    }

    boolean isRegistered() {
        return customerId != null;
    }

    /** The HTTP layer checks this too (400); here it holds for every sender of the command. */
    private static void refuseOutOfRangeTerms(CustomerDetails details) {
        if (!CustomerDetails.isPaymentTermInRange(details.paymentTermDays())) {
            throw new BusinessRuleViolation(CrmRule.PAYMENT_TERMS_OUT_OF_RANGE, "Payment terms of "
                    + details.paymentTermDays() + " days are not from 0 to " + CustomerDetails.MAX_PAYMENT_TERM_DAYS
                    + ".");
        }
    }

    private CommandOutcome repeatOf(CustomerRegistered attempt) {
        if (!registration.equals(attempt)) {
            throw new BusinessRuleViolation(CommonRule.ALREADY_EXISTS,
                    "A different customer with id " + customerId + " exists.");
        }
        return CommandOutcome.repeatedCreate(customerId);
    }

    @EventSourcingHandler
    void on(CustomerRegistered event) {
        customerId = event.customerId();
        registration = event;
        details = CustomerDetails.of(event);
    }

    @EventSourcingHandler
    void on(CustomerDetailsChanged event) {
        details = CustomerDetails.of(event);
    }

    @EventSourcingHandler
    void on(ContactAdded event, @SequenceNumber long sequenceNumber) {
        contacts.put(event.contactId(), new AddedContact(event, sequenceNumber + 1));
    }

    /** A contact as added, and the customer's version right after it, to answer a repeat alike. */
    private record AddedContact(ContactAdded event, long customerVersion) {
    }
}
