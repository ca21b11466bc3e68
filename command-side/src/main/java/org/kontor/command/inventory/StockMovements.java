package org.kontor.command.inventory;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import org.kontor.command.inventory.InventoryCommands.AdjustStock;
import org.kontor.command.inventory.InventoryCommands.IssueReservedStock;
import org.kontor.command.inventory.InventoryCommands.IssueStock;
import org.kontor.command.inventory.InventoryCommands.Line;
import org.kontor.command.inventory.InventoryCommands.ReceiptLine;
import org.kontor.command.inventory.InventoryCommands.ReceiveStock;
import org.kontor.command.inventory.InventoryCommands.ReleaseOrderReservation;
import org.kontor.command.inventory.InventoryCommands.ReleaseStockReservation;
import org.kontor.command.inventory.InventoryCommands.ReserveStock;
import org.kontor.command.inventory.InventoryCommands.ReserveStockForOrder;
import org.kontor.command.inventory.InventoryCommands.TransferStock;
import org.kontor.command.inventory.Stock.Moved;
import org.kontor.command.inventory.Stock.Place;
import org.kontor.config.error.BusinessRuleViolation;
import org.kontor.config.error.CommonRule;
import org.kontor.config.http.CommandOutcome;
import org.kontor.events.inventory.CostMethod;
import org.kontor.events.inventory.MovementKind;
import org.kontor.events.inventory.StockEvent;
import org.kontor.events.inventory.StockEvent.StockCostRevised;
import org.kontor.events.inventory.StockEvent.StockTransferredOut;
import org.kontor.events.inventory.StockEvent.StockAdjusted;
import org.kontor.events.inventory.StockEvent.StockIssued;
import org.kontor.events.inventory.StockMovementEvent;
import org.kontor.events.inventory.StockMovementEvent.AdjustmentRecorded;
import org.kontor.events.inventory.StockMovementEvent.CostedLine;
import org.kontor.events.inventory.StockMovementEvent.IssueRecorded;
import org.kontor.events.inventory.StockMovementEvent.ReceiptRecorded;
import org.kontor.events.inventory.StockMovementEvent.ReceivedLine;
import org.kontor.events.inventory.StockMovementEvent.TransferRecorded;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Records stock movements and reservations. A movement touches the stocks of its lines and creates
 * its {@link StockMovement}, all in one unit of work and so one transaction. Stocks are loaded, and
 * so locked, in the order of their ids before any is changed: two movements over the same stocks
 * always lock them in the same order and cannot deadlock.
 */
@Component
class StockMovements {

    static final int MAX_CARRIED = 10_000;

    private final Repository<Stock> stocks;
    private final Repository<StockMovement> movements;
    private final InventoryCatalog catalog;
    private final EventStore eventStore;
    private final String currency;

    StockMovements(Repository<Stock> stockRepository, Repository<StockMovement> stockMovementRepository,
                   InventoryCatalog catalog, EventStore eventStore,
                   @Value("${erp.inventory.currency:${erp.ledger.currency:EUR}}") String currency) {
        this.stocks = stockRepository;
        this.movements = stockMovementRepository;
        this.catalog = catalog;
        this.eventStore = eventStore;
        this.currency = currency;
    }

    @CommandHandler
    CommandOutcome handle(ReceiveStock command) throws Exception {
        Optional<CommandOutcome> repeat = repeatOf(command.movementId(), command);
        if (repeat.isPresent()) {
            return repeat.get();
        }
        if (!currency.equals(command.currency())) {
            throw new BusinessRuleViolation(InventoryRule.CURRENCY_MISMATCH, "Stock is valued in " + currency
                    + ", not " + command.currency() + ".");
        }
        requireWarehouse(command.warehouseId());
        Map<String, Aggregate<Stock>> locked = lock(command.warehouseId(),
                command.lines().stream().map(ReceiptLine::sku).toList());
        List<ReceivedLine> lines = new ArrayList<>();
        for (ReceiptLine line : command.lines()) {
            Place place = place(command.warehouseId(), line.sku());
            long value = Math.multiplyExact(line.quantity(), line.unitCostMinor());
            Aggregate<Stock> stock = locked.get(place.stockId());
            carry(stock, stock.invoke(held -> held.receive(place, command.movementId(), command.date(),
                    line.quantity(), value)).revisions());
            lines.add(new ReceivedLine(line.sku(), line.quantity(), line.unitCostMinor(), value));
        }
        return record(new ReceiptRecorded(command.movementId(), command.warehouseId(), command.date(), currency,
                lines));
    }

    @CommandHandler
    CommandOutcome handle(IssueStock command) throws Exception {
        Optional<CommandOutcome> repeat = repeatOf(command.movementId(), command);
        if (repeat.isPresent()) {
            return repeat.get();
        }
        requireWarehouse(command.warehouseId());
        Map<String, Aggregate<Stock>> locked = lock(command.warehouseId(),
                command.lines().stream().map(Line::sku).toList());
        List<CostedLine> lines = new ArrayList<>();
        for (Line line : command.lines()) {
            Place place = place(command.warehouseId(), line.sku());
            Aggregate<Stock> stock = locked.get(place.stockId());
            Moved<StockIssued> issued = stock.invoke(held -> held.issue(place, command.movementId(), command.date(),
                    line.quantity(), command.reason()));
            carry(stock, issued.revisions());
            lines.add(new CostedLine(line.sku(), line.quantity(), issued.event().costMinor()));
        }
        return record(new IssueRecorded(command.movementId(), command.warehouseId(), command.date(), command.reason(),
                null, currency, lines));
    }

    @CommandHandler
    CommandOutcome handle(TransferStock command) throws Exception {
        Optional<CommandOutcome> repeat = repeatOf(command.movementId(), command);
        if (repeat.isPresent()) {
            return repeat.get();
        }
        requireWarehouse(command.fromWarehouseId());
        requireWarehouse(command.toWarehouseId());
        List<String> skus = command.lines().stream().map(Line::sku).toList();
        Map<String, Aggregate<Stock>> locked = lock(Map.of(command.fromWarehouseId(), skus,
                command.toWarehouseId(), skus));
        List<CostedLine> lines = new ArrayList<>();
        for (Line line : command.lines()) {
            Place from = place(command.fromWarehouseId(), line.sku());
            Place to = place(command.toWarehouseId(), line.sku());
            Aggregate<Stock> source = locked.get(from.stockId());
            Aggregate<Stock> destination = locked.get(to.stockId());
            Moved<StockTransferredOut> out = source.invoke(stock -> stock.transferOut(from, command.movementId(),
                    command.date(), line.quantity(), command.toWarehouseId()));
            long cost = out.event().costMinor();
            carry(source, out.revisions());
            carry(destination, destination.invoke(stock -> stock.transferIn(to, command.movementId(), command.date(),
                    line.quantity(), cost, command.fromWarehouseId())).revisions());
            lines.add(new CostedLine(line.sku(), line.quantity(), cost));
        }
        return record(new TransferRecorded(command.movementId(), command.fromWarehouseId(), command.toWarehouseId(),
                command.date(), currency, lines));
    }

    @CommandHandler
    CommandOutcome handle(AdjustStock command) throws Exception {
        Optional<CommandOutcome> repeat = repeatOf(command.movementId(), command);
        if (repeat.isPresent()) {
            return repeat.get();
        }
        requireWarehouse(command.warehouseId());
        Place place = place(command.warehouseId(), command.sku());
        Aggregate<Stock> stock = lock(command.warehouseId(), List.of(command.sku())).get(place.stockId());
        Moved<StockAdjusted> moved = stock.invoke(held -> held.adjust(place, command.movementId(), command.date(),
                command.countedQuantity(), command.reason()));
        carry(stock, moved.revisions());
        StockAdjusted adjusted = moved.event();
        return record(new AdjustmentRecorded(command.movementId(), command.warehouseId(), command.sku(),
                command.date(), command.countedQuantity(), adjusted.differenceQuantity(), adjusted.valueMinor(),
                command.reason(), currency));
    }

    @CommandHandler
    CommandOutcome handle(ReserveStock command) throws Exception {
        requireWarehouse(command.warehouseId());
        Place place = place(command.warehouseId(), command.sku());
        Aggregate<Stock> stock = stocks.loadOrCreate(place.stockId(), Stock::new);
        boolean created = stock.invoke(held -> held.reserve(place, command.reservationId(), command.quantity()));
        return new CommandOutcome(command.reservationId(), versionOf(stock), created);
    }

    /**
     * A refusal is recorded on the stock that was asked for, even when its product or warehouse is
     * unknown: the order learns of it from that stock's event.
     */
    @CommandHandler
    void handle(ReserveStockForOrder command) throws Exception {
        Aggregate<Stock> stock = stocks.loadOrCreate(
                StockEvent.aggregateId(command.warehouseId(), command.sku()), Stock::new);
        BusinessRuleViolation unknown = unknownPlace(command.warehouseId(), command.sku());
        if (unknown != null) {
            stock.execute(held -> held.refuse(command.warehouseId(), command.sku(), command.reservationId(),
                    command.quantity(), unknown));
            return;
        }
        Place place = place(command.warehouseId(), command.sku());
        stock.execute(held -> held.reserveOrRefuse(place, command.reservationId(), command.quantity()));
    }

    /** Why a stock cannot be reserved from at all (unknown warehouse or product), or {@code null}. */
    private BusinessRuleViolation unknownPlace(String warehouseId, String sku) {
        try {
            requireWarehouse(warehouseId);
            place(warehouseId, sku);
            return null;
        } catch (BusinessRuleViolation unknown) {
            return unknown;
        }
    }

    @CommandHandler
    void handle(ReleaseOrderReservation command) throws Exception {
        String stockId = StockEvent.aggregateId(command.warehouseId(), command.sku());
        if (eventStore.lastSequenceNumberFor(stockId).isEmpty()) {
            return; // nothing was ever held there
        }
        Place place = new Place(command.warehouseId(), command.sku(), null); // releasing values nothing
        stocks.load(stockId).execute(held -> held.releaseIfHeld(place, command.reservationId()));
    }

    @CommandHandler
    CommandOutcome handle(ReleaseStockReservation command) throws Exception {
        requireWarehouse(command.warehouseId());
        Place place = place(command.warehouseId(), command.sku());
        Aggregate<Stock> stock = stocks.loadOrCreate(place.stockId(), Stock::new);
        stock.execute(held -> held.release(place, command.reservationId()));
        return new CommandOutcome(command.reservationId(), versionOf(stock), false);
    }

    @CommandHandler
    CommandOutcome handle(IssueReservedStock command) throws Exception {
        Optional<CommandOutcome> repeat = repeatOf(command.movementId(), command);
        if (repeat.isPresent()) {
            return repeat.get();
        }
        requireWarehouse(command.warehouseId());
        Place place = place(command.warehouseId(), command.sku());
        Aggregate<Stock> stock = stocks.loadOrCreate(place.stockId(), Stock::new);
        Moved<StockIssued> moved = stock.invoke(held -> held.issueReserved(place, command.reservationId(),
                command.movementId(), command.date(), command.reason()));
        carry(stock, moved.revisions());
        StockIssued issued = moved.event();
        return record(new IssueRecorded(command.movementId(), command.warehouseId(), command.date(), command.reason(),
                command.reservationId(), currency,
                List.of(new CostedLine(command.sku(), issued.quantity(), issued.costMinor()))));
    }

    /**
     * Carries revised transfers out on to the warehouses the goods went to: they are worth there what
     * they now cost here, which may revise later movements there, and so on. Those stocks were not
     * locked up front (the revision was not known then), so in a rare race the lock factory reports a
     * deadlock and the whole unit of work is rolled back; the client is told to retry (409). At most
     * {@value #MAX_CARRIED} revisions are carried, far more than any real chain of transfers.
     */
    private void carry(Aggregate<Stock> stock, List<StockCostRevised> revisions) throws Exception {
        Deque<Carried> toCarry = new ArrayDeque<>();
        revisions.forEach(revision -> toCarry.add(new Carried(stock, revision)));
        int carried = 0;
        while (!toCarry.isEmpty()) {
            Carried next = toCarry.poll();
            StockCostRevised revision = next.revision();
            if (revision.kind() != MovementKind.TRANSFER_OUT) {
                continue;
            }
            if (++carried > MAX_CARRIED) {
                throw new IllegalStateException("more than " + MAX_CARRIED + " transfers revised by "
                        + revision.causedBy());
            }
            String toWarehouseId = next.stock().invoke(held -> held.destinationOf(revision.movementId()));
            Place to = place(toWarehouseId, revision.sku());
            Aggregate<Stock> destination = stocks.load(to.stockId());
            destination.invoke(held -> held.reviseTransferIn(to, revision.movementId(),
                            -revision.revisedValueMinor(), revision.causedBy()))
                    .forEach(caused -> toCarry.add(new Carried(destination, caused)));
        }
    }

    private record Carried(Aggregate<Stock> stock, StockCostRevised revision) {
    }

    private CommandOutcome record(StockMovementEvent recorded) throws Exception {
        movements.newInstance(() -> new StockMovement(recorded));
        return new CommandOutcome(recorded.movementId(), CommandOutcome.FIRST_VERSION, true);
    }

    /**
     * The answer to a repeated request: the same as the first time when it asks for the same, a
     * conflict when it asks for something else under the same id. Asking the event store first keeps
     * the common case (a new movement) free of a failed load, which Axon logs with a stack trace.
     */
    private Optional<CommandOutcome> repeatOf(String movementId, Object attempt) {
        String aggregateId = StockMovementEvent.aggregateId(movementId);
        if (eventStore.lastSequenceNumberFor(aggregateId).isEmpty()) {
            return Optional.empty();
        }
        Object recorded = movements.load(aggregateId).invoke(StockMovement::recordedCommand);
        if (!attempt.equals(recorded)) {
            throw new BusinessRuleViolation(CommonRule.ALREADY_EXISTS,
                    "A different stock movement with id " + movementId + " exists.");
        }
        return Optional.of(CommandOutcome.repeatedCreate(movementId));
    }

    /** Loads, and so locks, the stocks of these SKUs in one warehouse, in the order of their ids. */
    private Map<String, Aggregate<Stock>> lock(String warehouseId, List<String> skus) throws Exception {
        return lock(Map.of(warehouseId, skus));
    }

    private Map<String, Aggregate<Stock>> lock(Map<String, List<String>> skusByWarehouse) throws Exception {
        TreeSet<String> stockIds = new TreeSet<>();
        skusByWarehouse.forEach((warehouseId, skus) -> skus.forEach(sku -> stockIds.add(
                place(warehouseId, sku).stockId())));
        Map<String, Aggregate<Stock>> locked = new TreeMap<>();
        for (String stockId : stockIds) {
            locked.put(stockId, stocks.loadOrCreate(stockId, Stock::new));
        }
        return locked;
    }

    private Place place(String warehouseId, String sku) {
        CostMethod costMethod = catalog.costMethodOf(sku).orElseThrow(() -> new BusinessRuleViolation(
                InventoryRule.UNKNOWN_PRODUCT, "No product has the SKU " + sku + "."));
        return new Place(warehouseId, sku, costMethod);
    }

    private void requireWarehouse(String warehouseId) {
        if (!catalog.warehouseExists(warehouseId)) {
            throw new BusinessRuleViolation(InventoryRule.UNKNOWN_WAREHOUSE, "No warehouse has the id "
                    + warehouseId + ".");
        }
    }

    private static long versionOf(Aggregate<Stock> stock) {
        Long version = stock.version();
        return version == null ? 0 : version + 1;
    }
}
