package org.kontor.command.inventory;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.kontor.command.inventory.InventoryCommands.OpenWarehouse;
import org.kontor.config.error.BusinessRuleViolation;
import org.kontor.config.error.CommonRule;
import org.kontor.config.http.CommandOutcome;
import org.kontor.events.inventory.WarehouseEvent;
import org.kontor.events.inventory.WarehouseEvent.WarehouseOpened;

/** A warehouse ({@code warehouse:<id>}): where stock is kept. */
@Aggregate
class Warehouse {

    @AggregateIdentifier
    private String aggregateId;
    private WarehouseOpened opening;

    Warehouse() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    CommandOutcome handle(OpenWarehouse command) {
        WarehouseOpened opened = new WarehouseOpened(command.warehouseId(), command.code(), command.name());
        if (opening != null) {
            if (!opening.equals(opened)) {
                throw new BusinessRuleViolation(CommonRule.ALREADY_EXISTS,
                        "A different warehouse with id " + command.warehouseId() + " exists.");
            }
            return CommandOutcome.repeatedCreate(command.warehouseId());
        }
        apply(opened);
        return new CommandOutcome(command.warehouseId(), CommandOutcome.FIRST_VERSION, true);
    }

    @EventSourcingHandler
    void on(WarehouseOpened event) {
        aggregateId = WarehouseEvent.aggregateId(event.warehouseId());
        opening = event;
    }
}
