package org.kontor.command.purchasing;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.kontor.command.purchasing.PurchasingCommands.RegisterSupplier;
import org.kontor.config.error.BusinessRuleViolation;
import org.kontor.config.error.CommonRule;
import org.kontor.config.http.CommandOutcome;
import org.kontor.events.purchasing.SupplierEvent;
import org.kontor.events.purchasing.SupplierEvent.SupplierRegistered;

/** A supplier ({@code supplier:<id>}): whom purchase orders go to, and on what payment terms. */
@Aggregate
class Supplier {

    @AggregateIdentifier
    private String aggregateId;
    private SupplierRegistered registration;

    Supplier() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    CommandOutcome handle(RegisterSupplier command) {
        SupplierRegistered registered = new SupplierRegistered(command.supplierId(), command.name(), command.email(),
                command.paymentTermDays());
        if (registration != null) {
            if (!registration.equals(registered)) {
                throw new BusinessRuleViolation(CommonRule.ALREADY_EXISTS,
                        "A different supplier with id " + command.supplierId() + " exists.");
            }
            return CommandOutcome.repeatedCreate(command.supplierId());
        }
        apply(registered);
        return new CommandOutcome(command.supplierId(), CommandOutcome.FIRST_VERSION, true);
    }

    @EventSourcingHandler
    void on(SupplierRegistered event) {
        aggregateId = SupplierEvent.aggregateId(event.supplierId());
        registration = event;
    }
}
