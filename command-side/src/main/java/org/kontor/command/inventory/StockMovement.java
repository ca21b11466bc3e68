package org.kontor.command.inventory;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.kontor.events.inventory.StockMovementEvent;
import org.kontor.events.inventory.StockMovementEvent.AdjustmentRecorded;
import org.kontor.events.inventory.StockMovementEvent.IssueRecorded;
import org.kontor.events.inventory.StockMovementEvent.ReceiptRecorded;
import org.kontor.events.inventory.StockMovementEvent.TransferRecorded;

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
    void on(ReceiptRecorded event) {
        identify(event);
        recordedCommand = MovementRequests.commandOf(event);
    }

    @EventSourcingHandler
    void on(IssueRecorded event) {
        identify(event);
        recordedCommand = MovementRequests.commandOf(event);
    }

    @EventSourcingHandler
    void on(TransferRecorded event) {
        identify(event);
        recordedCommand = MovementRequests.commandOf(event);
    }

    @EventSourcingHandler
    void on(AdjustmentRecorded event) {
        identify(event);
        recordedCommand = MovementRequests.commandOf(event);
    }

    private void identify(StockMovementEvent event) {
        aggregateId = StockMovementEvent.aggregateId(event.movementId());
    }
}
