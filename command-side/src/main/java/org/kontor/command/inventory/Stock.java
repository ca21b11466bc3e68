package org.kontor.command.inventory;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.kontor.config.error.BusinessRuleViolation;
import org.kontor.config.error.CommonRule;
import org.kontor.events.inventory.CostFlow;
import org.kontor.events.inventory.CostFlow.Step;
import org.kontor.events.inventory.CostFlow.Valued;
import org.kontor.events.inventory.CostMethod;
import org.kontor.events.inventory.MovementKind;
import org.kontor.events.inventory.StockEvent;
import org.kontor.events.inventory.StockEvent.StockAdjusted;
import org.kontor.events.inventory.StockEvent.StockCostRevised;
import org.kontor.events.inventory.StockEvent.StockIssued;
import org.kontor.events.inventory.StockEvent.StockMoved;
import org.kontor.events.inventory.StockEvent.StockReceived;
import org.kontor.events.inventory.StockEvent.StockReservationRefused;
import org.kontor.events.inventory.StockEvent.StockReservationReleased;
import org.kontor.events.inventory.StockEvent.StockReserved;
import org.kontor.events.inventory.StockEvent.StockTransferredIn;
import org.kontor.events.inventory.StockEvent.StockTransferredOut;

/**
 * The stock of one product in one warehouse ({@code stock:<warehouseId>:<sku>}): the consistency
 * boundary of "available never below zero". It is changed only by {@link StockMovements}, which
 * loads every stock a movement touches in one unit of work, in the order of their ids.
 *
 * <p>Every movement is valued here, by {@link CostFlow} over the whole history in date order. A
 * backdated movement therefore can change what later movements cost; those changes are recorded as
 * {@link StockCostRevised} events (the ledger posts the differences), never by editing events. A
 * revised transfer out is carried to the other warehouse by {@link StockMovements}. Kept in Axon's
 * aggregate cache: its stream grows with every movement.
 */
@Aggregate(cache = "stockCache")
class Stock {

    @AggregateIdentifier
    private String stockId;
    /** Every movement in the order it was recorded. */
    private final List<Step> steps = new ArrayList<>();
    /** The signed value each movement was last booked at, by movement id. */
    private final Map<String, Long> bookedValues = new HashMap<>();
    private final Map<String, MovementKind> kinds = new HashMap<>();
    private final Map<String, Reservation> reservations = new HashMap<>();
    /** The warehouse each transfer out of this stock went to, by movement id. */
    private final Map<String, String> destinations = new HashMap<>();
    private long onHand;
    private long reserved;

    Stock() {
        // for Axon
    }

    Moved<StockReceived> receive(Place place, String movementId, LocalDate date, long quantity, long valueMinor) {
        Valuation valuation = valueOf(place, new Step(movementId, date, quantity, valueMinor), false);
        return record(new StockReceived(place.warehouseId(), place.sku(), movementId, date, quantity, valueMinor),
                valuation);
    }

    Moved<StockIssued> issue(Place place, String movementId, LocalDate date, long quantity, String reason) {
        Valuation valuation = valueOf(place, new Step(movementId, date, -quantity, null), false);
        return record(new StockIssued(place.warehouseId(), place.sku(), movementId, date, quantity, valuation.cost(),
                reason, null), valuation);
    }

    /** Issues what the reservation set aside. */
    Moved<StockIssued> issueReserved(Place place, String reservationId, String movementId, LocalDate date,
                                     String reason) {
        Reservation reservation = openReservation(reservationId);
        Valuation valuation = valueOf(place, new Step(movementId, date, -reservation.quantity(), null), true);
        return record(new StockIssued(place.warehouseId(), place.sku(), movementId, date, reservation.quantity(),
                valuation.cost(), reason, reservationId), valuation);
    }

    Moved<StockTransferredOut> transferOut(Place place, String movementId, LocalDate date, long quantity,
                                           String toWarehouseId) {
        Valuation valuation = valueOf(place, new Step(movementId, date, -quantity, null), false);
        return record(new StockTransferredOut(place.warehouseId(), place.sku(), movementId, date, quantity,
                valuation.cost(), toWarehouseId), valuation);
    }

    Moved<StockTransferredIn> transferIn(Place place, String movementId, LocalDate date, long quantity,
                                         long valueMinor, String fromWarehouseId) {
        Valuation valuation = valueOf(place, new Step(movementId, date, quantity, valueMinor), false);
        return record(new StockTransferredIn(place.warehouseId(), place.sku(), movementId, date, quantity, valueMinor,
                fromWarehouseId), valuation);
    }

    /** Books a count: the difference to the books at the end of {@code date} is the movement. */
    Moved<StockAdjusted> adjust(Place place, String movementId, LocalDate date, long countedQuantity, String reason) {
        long difference = countedQuantity - CostFlow.quantityAt(steps, date);
        Valuation valuation = valueOf(place, new Step(movementId, date, difference, null), false);
        return record(new StockAdjusted(place.warehouseId(), place.sku(), movementId, date, countedQuantity,
                difference, valuation.valueMinor(), reason), valuation);
    }

    /**
     * The goods of a transfer in left the other warehouse at a revised cost, so they are worth that
     * here too. Answers every revision this causes, the transfer in's own among them.
     */
    List<StockCostRevised> reviseTransferIn(Place place, String movementId, long valueMinor, String causedBy) {
        List<Step> revised = new ArrayList<>();
        for (Step step : steps) {
            revised.add(step.movementId().equals(movementId)
                    ? new Step(movementId, step.date(), step.quantityChange(), valueMinor) : step);
        }
        List<StockCostRevised> revisions = revisions(place, revised, null, causedBy).revisions();
        revisions.forEach(revision -> apply(revision));
        return revisions;
    }

    /** Where the goods of a transfer out of this stock went. */
    String destinationOf(String movementId) {
        return destinations.get(movementId);
    }

    /** Sets stock aside and answers true; a repeat of the same reservation changes nothing and answers false. */
    boolean reserve(Place place, String reservationId, long quantity) {
        Reservation known = reservations.get(reservationId);
        if (known != null) {
            if (known.quantity() != quantity) {
                throw new BusinessRuleViolation(CommonRule.ALREADY_EXISTS, "The reservation " + reservationId
                        + " holds " + known.quantity() + ", not " + quantity + ".");
            }
            return false;
        }
        if (available() < quantity) {
            throw insufficient(place, quantity, "now");
        }
        apply(new StockReserved(place.warehouseId(), place.sku(), reservationId, quantity));
        return true;
    }

    /**
     * Sets stock aside for an order, or records that it cannot ({@code INSUFFICIENT_STOCK}). A
     * repeat of a reservation already held or refused changes nothing.
     */
    void reserveOrRefuse(Place place, String reservationId, long quantity) {
        if (reservations.containsKey(reservationId)) {
            return;
        }
        if (available() < quantity) {
            refuse(place.warehouseId(), place.sku(), reservationId, quantity,
                    insufficient(place, quantity, "now"));
            return;
        }
        apply(new StockReserved(place.warehouseId(), place.sku(), reservationId, quantity));
    }

    /** Records that a reservation for an order could not be held, for the rule it would break. */
    void refuse(String warehouseId, String sku, String reservationId, long quantity, BusinessRuleViolation why) {
        if (!reservations.containsKey(reservationId)) {
            apply(new StockReservationRefused(warehouseId, sku, reservationId, quantity, why.code(),
                    why.getMessage()));
        }
    }

    /** Gives a reservation up if this stock holds it open; anything else changes nothing. */
    void releaseIfHeld(Place place, String reservationId) {
        Reservation known = reservations.get(reservationId);
        if (known != null && known.status() == ReservationStatus.OPEN) {
            apply(new StockReservationReleased(place.warehouseId(), place.sku(), reservationId, known.quantity()));
        }
    }

    /** Gives a reservation up; releasing it again changes nothing. */
    void release(Place place, String reservationId) {
        Reservation known = reservations.get(reservationId);
        if (known == null) {
            throw unknownReservation(reservationId);
        }
        if (known.status() == ReservationStatus.RELEASED || known.status() == ReservationStatus.REFUSED) {
            return; // nothing is held: a refused reservation never held anything
        }
        openReservation(reservationId);
        apply(new StockReservationReleased(place.warehouseId(), place.sku(), reservationId, known.quantity()));
    }

    long available() {
        return onHand - reserved;
    }

    private Reservation openReservation(String reservationId) {
        Reservation known = reservations.get(reservationId);
        if (known == null) {
            throw unknownReservation(reservationId);
        }
        if (known.status() != ReservationStatus.OPEN) {
            throw new BusinessRuleViolation(InventoryRule.RESERVATION_NOT_OPEN,
                    "The reservation " + reservationId + " was " + known.status().name().toLowerCase() + " already.");
        }
        return known;
    }

    /**
     * Values a new movement over the whole history in date order, after checking that it leaves
     * enough: the quantity on hand never below zero on any date, and (unless it issues a
     * reservation, which holds its quantity already) nothing reserved left uncovered.
     */
    private Valuation valueOf(Place place, Step step, boolean issuesReservation) {
        List<Step> withStep = new ArrayList<>(steps);
        withStep.add(step);
        long taken = -step.quantityChange();
        if (taken > 0 && !issuesReservation && available() < taken) {
            throw insufficient(place, taken, "now");
        }
        if (!CostFlow.staysInStock(withStep)) {
            throw insufficient(place, taken, "on " + step.date() + " or a later date");
        }
        return revisions(place, withStep, step, step.movementId());
    }

    /** The value of {@code newStep} (if any) and the revisions of every other movement whose value changed. */
    private Valuation revisions(Place place, List<Step> history, Step newStep, String causedBy) {
        long value = 0;
        List<StockCostRevised> revisions = new ArrayList<>();
        for (Valued valued : CostFlow.replay(place.costMethod(), history)) {
            String movementId = valued.step().movementId();
            if (valued.step() == newStep) {
                value = valued.valueMinor();
            } else if (bookedValues.get(movementId) != valued.valueMinor()) {
                revisions.add(new StockCostRevised(place.warehouseId(), place.sku(), movementId, kinds.get(movementId),
                        valued.step().date(), bookedValues.get(movementId), valued.valueMinor(), causedBy));
            }
        }
        return new Valuation(value, revisions);
    }

    private <E extends StockMoved> Moved<E> record(E event, Valuation valuation) {
        apply(event);
        valuation.revisions().forEach(revision -> apply(revision));
        return new Moved<>(event, valuation.revisions());
    }

    private static BusinessRuleViolation insufficient(Place place, long quantity, String when) {
        return new BusinessRuleViolation(InventoryRule.INSUFFICIENT_STOCK, "Fewer than " + quantity + " of "
                + place.sku() + " are available in warehouse " + place.warehouseId() + " " + when + ".");
    }

    private static BusinessRuleViolation unknownReservation(String reservationId) {
        return new BusinessRuleViolation(CommonRule.NOT_FOUND, "No reservation " + reservationId
                + " of this product in this warehouse.");
    }

    @EventSourcingHandler
    void on(StockReceived event) {
        record(event, event.valueMinor(), event.valueMinor());
    }

    @EventSourcingHandler
    void on(StockIssued event) {
        record(event, null, -event.costMinor());
        if (event.reservationId() != null) {
            reserved -= event.quantity();
            reservations.computeIfPresent(event.reservationId(),
                    (id, reservation) -> new Reservation(reservation.quantity(), ReservationStatus.ISSUED));
        }
    }

    @EventSourcingHandler
    void on(StockTransferredOut event) {
        record(event, null, -event.costMinor());
        destinations.put(event.movementId(), event.toWarehouseId());
    }

    @EventSourcingHandler
    void on(StockTransferredIn event) {
        record(event, event.valueMinor(), event.valueMinor());
    }

    @EventSourcingHandler
    void on(StockAdjusted event) {
        record(event, null, event.valueMinor());
    }

    @EventSourcingHandler
    void on(StockCostRevised event) {
        bookedValues.put(event.movementId(), event.revisedValueMinor());
        if (event.kind() == MovementKind.TRANSFER_IN) {
            steps.replaceAll(step -> step.movementId().equals(event.movementId())
                    ? new Step(step.movementId(), step.date(), step.quantityChange(), event.revisedValueMinor())
                    : step);
        }
    }

    @EventSourcingHandler
    void on(StockReserved event) {
        identify(event);
        reserved += event.quantity();
        reservations.put(event.reservationId(), new Reservation(event.quantity(), ReservationStatus.OPEN));
    }

    @EventSourcingHandler
    void on(StockReservationReleased event) {
        reserved -= event.quantity();
        reservations.put(event.reservationId(), new Reservation(event.quantity(), ReservationStatus.RELEASED));
    }

    @EventSourcingHandler
    void on(StockReservationRefused event) {
        identify(event);
        reservations.put(event.reservationId(), new Reservation(event.quantity(), ReservationStatus.REFUSED));
    }

    private void record(StockMoved event, Long fixedValueMinor, long bookedValueMinor) {
        identify(event);
        steps.add(new Step(event.movementId(), event.date(), event.quantityChange(), fixedValueMinor));
        bookedValues.put(event.movementId(), bookedValueMinor);
        kinds.put(event.movementId(), event.kind());
        onHand += event.quantityChange();
    }

    private void identify(StockEvent event) {
        stockId = StockEvent.aggregateId(event.warehouseId(), event.sku());
    }

    /** Which stock a command is about and how its product is valued. */
    record Place(String warehouseId, String sku, CostMethod costMethod) {

        String stockId() {
            return StockEvent.aggregateId(warehouseId, sku);
        }
    }

    /** A movement applied to the stock and the revisions of later movements it caused. */
    record Moved<E extends StockMoved>(E event, List<StockCostRevised> revisions) {
    }

    private record Valuation(long valueMinor, List<StockCostRevised> revisions) {

        long cost() {
            return -valueMinor;
        }
    }

    private record Reservation(long quantity, ReservationStatus status) {
    }

    private enum ReservationStatus {
        OPEN,
        RELEASED,
        ISSUED,
        REFUSED
    }
}
