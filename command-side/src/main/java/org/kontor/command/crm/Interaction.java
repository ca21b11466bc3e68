package org.kontor.command.crm;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.kontor.command.crm.CustomerCommands.RecordInteraction;
import org.kontor.config.error.BusinessRuleViolation;
import org.kontor.config.error.CommonRule;
import org.kontor.config.http.CommandOutcome;
import org.kontor.events.crm.InteractionEvent.InteractionRecorded;

/** One interaction with a customer; its id is the client's, so recording it twice is harmless. */
@Aggregate
class Interaction {

    @AggregateIdentifier
    private String interactionId;
    private InteractionRecorded recorded;

    Interaction() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    CommandOutcome handle(RecordInteraction command, KnownCustomers knownCustomers) {
        InteractionRecorded attempt = new InteractionRecorded(command.interactionId(), command.customerId(),
                command.channel(), command.direction(), command.occurredAt(), command.subject(), command.body(),
                command.employeeId());
        if (isRecorded()) {
            if (!recorded.equals(attempt)) {
                throw new BusinessRuleViolation(CommonRule.ALREADY_EXISTS,
                        "A different interaction with id " + interactionId + " exists.");
            }
            return CommandOutcome.repeatedCreate(interactionId);
        }
        if (!knownCustomers.exists(command.customerId())) {
            throw new BusinessRuleViolation(CommonRule.NOT_FOUND, "No customer with id " + command.customerId() + ".");
        }
        apply(attempt);
        return CommandOutcome.ofCurrentAggregate(command.interactionId(), true);
    }

    private boolean isRecorded() {
        return interactionId != null;
    }

    @EventSourcingHandler
    void on(InteractionRecorded event) {
        interactionId = event.interactionId();
        recorded = event;
    }
}
