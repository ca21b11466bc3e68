package org.kontor.command.inventory;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.kontor.events.inventory.StockMovementEvent;

/**
 * One stock movement under the client's id ({@code movement:<id>}). It never changes: corrections
 * are new movements. It exists so that a repeated request finds the first one and answers alike.
 */
@Aggregate
class StockMovement {

    @AggregateIdentifier
    private String aggregateId;
    /** The command that recorded this movement, rebuilt from its event, to compare repeats with. */
    private Object recordedCommand;

    StockMovement() {
        // for Axon
    }

    /** Records the movement; {@link StockMovements} has changed the stocks it moved. */
    StockMovement(StockMovementEvent recorded) {
        apply(recorded);
    }

    Object recordedCommand() {
        return recordedCommand;
    }

    @EventSourcingHandler
    void on(StockMovementEvent event) {
        aggregateId = StockMovementEvent.aggregateId(event.movementId());
        recordedCommand = MovementRequests.commandOf(event);
    }
}
