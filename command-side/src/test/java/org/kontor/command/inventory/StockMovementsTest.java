package org.kontor.command.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kontor.command.inventory.InventoryCommands.AdjustStock;
import org.kontor.command.inventory.InventoryCommands.IssueReservedStock;
import org.kontor.command.inventory.InventoryCommands.IssueStock;
import org.kontor.command.inventory.InventoryCommands.Line;
import org.kontor.command.inventory.InventoryCommands.OpenWarehouse;
import org.kontor.command.inventory.InventoryCommands.ReceiptLine;
import org.kontor.command.inventory.InventoryCommands.ReceiveStock;
import org.kontor.command.inventory.InventoryCommands.RegisterProduct;
import org.kontor.command.inventory.InventoryCommands.ReleaseStockReservation;
import org.kontor.command.inventory.InventoryCommands.ReleaseOrderReservation;
import org.kontor.command.inventory.InventoryCommands.ReserveStock;
import org.kontor.command.inventory.InventoryCommands.ReserveStockForOrder;
import org.kontor.command.inventory.InventoryCommands.TransferStock;
import org.kontor.config.axon.BoundedCache;
import org.kontor.config.axon.SerializerConfiguration;
import org.kontor.config.error.CommonRule;
import org.kontor.config.error.RuleCode;
import org.kontor.config.error.RuleViolationDetails;
import org.kontor.config.error.RuleViolationInterceptor;
import org.kontor.config.http.CommandOutcome;
import org.kontor.events.inventory.CostMethod;
import org.kontor.events.inventory.MovementKind;
import org.kontor.events.inventory.ProductEvent;
import org.kontor.events.inventory.StockEvent;
import org.kontor.events.inventory.StockEvent.StockAdjusted;
import org.kontor.events.inventory.StockEvent.StockCostRevised;
import org.kontor.events.inventory.StockEvent.StockIssued;
import org.kontor.events.inventory.StockEvent.StockReceived;
import org.kontor.events.inventory.StockEvent.StockReservationRefused;
import org.kontor.events.inventory.StockEvent.StockReservationReleased;
import org.kontor.events.inventory.StockEvent.StockReserved;
import org.kontor.events.inventory.StockEvent.StockTransferredIn;
import org.kontor.events.inventory.StockEvent.StockTransferredOut;
import org.kontor.events.inventory.StockMovementEvent;
import org.kontor.events.inventory.StockMovementEvent.CostedLine;
import org.kontor.events.inventory.StockMovementEvent.IssueRecorded;
import org.kontor.events.inventory.StockMovementEvent.ReceiptRecorded;
import org.kontor.events.inventory.StockMovementEvent.ReceivedLine;
import org.kontor.events.inventory.WarehouseEvent;

/**
 * Movements touch several aggregates in one unit of work (the stocks of their lines and the
 * movement), so they are tested on real Axon pieces without Spring: an in-memory event store,
 * event-sourcing repositories (the stock's cached, as in the application) and the rule violation
 * interceptor, with products and warehouses registered through their own commands.
 */
class StockMovementsTest {

    private static final String MAIN = "2b3c4d5e-6f70-4a8b-9c0d-1e2f3a4b5c6d";
    private static final String OTHER = "8e9f0a1b-2c3d-4e5f-a6b7-c8d9e0f1a2b3";
    private static final String FIFO = "BOLT";
    private static final String AVERAGE = "PAINT";
    private static final LocalDate MARCH_1 = LocalDate.of(2026, 3, 1);
    private static final LocalDate MARCH_10 = LocalDate.of(2026, 3, 10);
    private static final LocalDate MARCH_20 = LocalDate.of(2026, 3, 20);

    private Configuration axon;
    private CommandGateway commands;
    /** What each committed unit of work published, one list per commit. */
    private final List<List<Object>> commits = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startAxon() {
        axon = DefaultConfigurer.defaultConfiguration(false)
                .configureSerializer(configuration -> SerializerConfiguration.storageSerializer())
                .configureEmbeddedEventStore(configuration -> new InMemoryEventStorageEngine())
                .configureAggregate(Product.class)
                .configureAggregate(Warehouse.class)
                .configureAggregate(StockMovement.class)
                .configureAggregate(AggregateConfigurer.defaultConfiguration(Stock.class)
                        .configureCache(configuration -> new BoundedCache(InventoryConfiguration.CACHED_STOCKS)))
                .registerCommandHandler(configuration -> new StockMovements(configuration.repository(Stock.class),
                        configuration.repository(StockMovement.class), new InventoryCatalog(configuration.eventStore()),
                        configuration.eventStore(), "EUR"))
                .buildConfiguration();
        axon.commandBus().registerHandlerInterceptor(new RuleViolationInterceptor());
        axon.start();
        commands = axon.commandGateway();
        product(FIFO, CostMethod.FIFO);
        product(AVERAGE, CostMethod.AVERAGE);
        warehouse(MAIN);
        warehouse(OTHER);
        axon.eventStore().subscribe(events -> commits.add(events.stream().<Object>map(EventMessage::getPayload)
                .toList()));
    }

    @AfterEach
    void stopAxon() {
        axon.shutdown();
    }

    @Test
    void receive_stockReceivedAndMovementRecordedInOneUnitOfWork() {
        CommandOutcome outcome = commands.sendAndWait(receipt("m1", MARCH_1, FIFO, 10, 125));

        assertThat(outcome).isEqualTo(new CommandOutcome("m1", 1, true));
        assertThat(commits).containsExactly(List.of(
                new StockReceived(MAIN, FIFO, "m1", MARCH_1, 10, 1_250),
                new ReceiptRecorded("m1", MAIN, MARCH_1, "EUR", List.of(new ReceivedLine(FIFO, 10, 125, 1_250)))));
    }

    @Test
    void issueMoreThanAvailable_insufficientStockAndNothingStored() {
        commands.sendAndWait(receipt("m1", MARCH_1, FIFO, 3, 100));
        commits.clear();

        assertRefused(issue("m2", MARCH_10, FIFO, 4), InventoryRule.INSUFFICIENT_STOCK);

        assertThat(commits).allSatisfy(commit -> assertThat(commit).isEmpty());
        assertThat(eventsOf(StockMovementEvent.aggregateId("m2"))).isEmpty();
    }

    @Test
    void multiLineIssueWithOneLineShort_noLineIsIssued() {
        commands.sendAndWait(receipt("m1", MARCH_1, FIFO, 5, 100));
        commands.sendAndWait(receipt("m2", MARCH_1, AVERAGE, 1, 100));
        commits.clear();

        assertRefused(new IssueStock("m3", MAIN, MARCH_10, "Kit", List.of(new Line(FIFO, 2), new Line(AVERAGE, 2))),
                InventoryRule.INSUFFICIENT_STOCK);

        assertThat(commits).allSatisfy(commit -> assertThat(commit).isEmpty());
        assertThat(eventsOf(StockEvent.aggregateId(MAIN, FIFO))).hasSize(1);
    }

    @Test
    void issueAtFifo_oldestLayerFirstWithTheRestOfAPartLayerKept() {
        commands.sendAndWait(receipt("m1", MARCH_1, FIFO, 3, 100));
        commands.sendAndWait(receipt("m2", MARCH_1, FIFO, 3, 200));
        commits.clear();

        commands.sendAndWait(issue("m3", MARCH_10, FIFO, 4));

        assertThat(commits).containsExactly(List.of(
                new StockIssued(MAIN, FIFO, "m3", MARCH_10, 4, 500, "Production", null),
                new IssueRecorded("m3", MAIN, MARCH_10, "Production", null, "EUR",
                        List.of(new CostedLine(FIFO, 4, 500)))));
    }

    @Test
    void backdatedReceipt_laterIssuesRevaluedByNewEventsNotEdits() {
        commands.sendAndWait(receipt("m1", MARCH_10, FIFO, 4, 300));
        commands.sendAndWait(issue("m2", MARCH_20, FIFO, 2));
        commits.clear();

        commands.sendAndWait(receipt("m3", MARCH_1, FIFO, 1, 100));

        // In date order the issue now takes the cheaper unit first: 1 x 1.00 + 1 x 3.00.
        assertThat(commits.get(0)).startsWith(new StockReceived(MAIN, FIFO, "m3", MARCH_1, 1, 100),
                new StockCostRevised(MAIN, FIFO, "m2", MovementKind.ISSUE, MARCH_20, -600, -400, "m3"));
        assertThat(eventsOf(StockEvent.aggregateId(MAIN, FIFO)))
                .contains(new StockIssued(MAIN, FIFO, "m2", MARCH_20, 2, 600, "Production", null));
    }

    @Test
    void backdatedReceiptBeforeATransfer_theRevisedCostIsCarriedToTheOtherWarehouseAndItsLaterIssue() {
        commands.sendAndWait(receipt("m1", MARCH_10, FIFO, 2, 300));
        commands.sendAndWait(new TransferStock("m2", MAIN, OTHER, MARCH_10, List.of(new Line(FIFO, 1))));
        commands.sendAndWait(new IssueStock("m3", OTHER, MARCH_20, "Production", List.of(new Line(FIFO, 1))));
        commits.clear();

        commands.sendAndWait(receipt("m4", MARCH_1, FIFO, 1, 100));

        // The transfer now moved the cheaper unit: 1.00 instead of 3.00, here and there.
        assertThat(commits.get(0)).contains(
                new StockCostRevised(MAIN, FIFO, "m2", MovementKind.TRANSFER_OUT, MARCH_10, -300, -100, "m4"),
                new StockCostRevised(OTHER, FIFO, "m2", MovementKind.TRANSFER_IN, MARCH_10, 300, 100, "m4"),
                new StockCostRevised(OTHER, FIFO, "m3", MovementKind.ISSUE, MARCH_20, -300, -100, "m4"));
        // The other warehouse values its next movements from the revised value.
        commands.sendAndWait(new TransferStock("m5", MAIN, OTHER, MARCH_20, List.of(new Line(FIFO, 1))));
        commits.clear();
        commands.sendAndWait(new IssueStock("m6", OTHER, MARCH_20, "Production", List.of(new Line(FIFO, 1))));
        assertThat(commits.get(0).get(0)).isEqualTo(new StockIssued(OTHER, FIFO, "m6", MARCH_20, 1, 300,
                "Production", null));
    }

    @Test
    void backdatedIssueThatWouldLeaveAnEarlierDateShort_insufficientStock() {
        commands.sendAndWait(receipt("m1", MARCH_10, FIFO, 4, 300));

        assertRefused(issue("m2", MARCH_1, FIFO, 1), InventoryRule.INSUFFICIENT_STOCK);
    }

    @Test
    void repeatedMovement_sameAnswerNothingStored_otherContentAlreadyExists() {
        commands.sendAndWait(receipt("m1", MARCH_1, FIFO, 10, 125));
        commits.clear();

        assertThat((CommandOutcome) commands.sendAndWait(receipt("m1", MARCH_1, FIFO, 10, 125)))
                .isEqualTo(new CommandOutcome("m1", 1, false));
        assertThat(commits).allSatisfy(commit -> assertThat(commit).isEmpty());
        assertRefused(receipt("m1", MARCH_1, FIFO, 11, 125), CommonRule.ALREADY_EXISTS);
    }

    @Test
    void unknownProductOrWarehouse_namedRefusals() {
        assertRefused(receipt("m1", MARCH_1, "NO-SUCH-SKU", 1, 1), InventoryRule.UNKNOWN_PRODUCT);
        assertRefused(new ReceiveStock("m1", "no-such-warehouse", MARCH_1, "EUR",
                List.of(new ReceiptLine(FIFO, 1, 1))), InventoryRule.UNKNOWN_WAREHOUSE);
        assertRefused(new ReceiveStock("m1", MAIN, MARCH_1, "USD", List.of(new ReceiptLine(FIFO, 1, 1))),
                InventoryRule.CURRENCY_MISMATCH);
    }

    @Test
    void transfer_leavesAtCostAndArrivesAtTheSameValue() {
        commands.sendAndWait(receipt("m1", MARCH_1, AVERAGE, 3, 100));
        commands.sendAndWait(receipt("m2", MARCH_1, AVERAGE, 3, 200));
        commits.clear();

        commands.sendAndWait(new TransferStock("m3", MAIN, OTHER, MARCH_10, List.of(new Line(AVERAGE, 2))));

        assertThat(commits.get(0)).startsWith(
                new StockTransferredOut(MAIN, AVERAGE, "m3", MARCH_10, 2, 300, OTHER),
                new StockTransferredIn(OTHER, AVERAGE, "m3", MARCH_10, 2, 300, MAIN));
    }

    @Test
    void adjustment_theDifferenceToTheBooksAtThatDateValuedAtAverageCost() {
        commands.sendAndWait(receipt("m1", MARCH_1, AVERAGE, 4, 250));
        commands.sendAndWait(receipt("m2", MARCH_20, AVERAGE, 10, 100));
        commits.clear();

        commands.sendAndWait(new AdjustStock("m3", MAIN, AVERAGE, 5, MARCH_10, "Found one"));

        assertThat(commits.get(0).get(0)).isEqualTo(new StockAdjusted(MAIN, AVERAGE, "m3", MARCH_10, 5, 1, 250,
                "Found one"));
    }

    @Test
    void reservations_holdStockReleaseAndIssue() {
        commands.sendAndWait(receipt("m1", MARCH_1, FIFO, 5, 100));
        commands.sendAndWait(new ReserveStock("r1", MAIN, FIFO, 4));

        assertRefused(issue("m2", MARCH_10, FIFO, 2), InventoryRule.INSUFFICIENT_STOCK);
        assertRefused(new ReserveStock("r1", MAIN, FIFO, 3), CommonRule.ALREADY_EXISTS);
        commands.sendAndWait(new IssueReservedStock("r1", MAIN, FIFO, "m3", MARCH_10, "Order 7"));
        assertRefused(new ReleaseStockReservation("r1", MAIN, FIFO), InventoryRule.RESERVATION_NOT_OPEN);
        assertRefused(new ReleaseStockReservation("r2", MAIN, FIFO), CommonRule.NOT_FOUND);

        assertThat(eventsOf(StockEvent.aggregateId(MAIN, FIFO))).contains(
                new StockReserved(MAIN, FIFO, "r1", 4),
                new StockIssued(MAIN, FIFO, "m3", MARCH_10, 4, 400, "Order 7", "r1"));
        commands.sendAndWait(issue("m4", MARCH_10, FIFO, 1));
    }

    @Test
    void reservationsForAnOrder_refusalsRecordedNotThrownAndReleasesOnlyWhatIsHeld() {
        commands.sendAndWait(receipt("m1", MARCH_1, FIFO, 5, 100));

        commands.sendAndWait(new ReserveStockForOrder("o1/1", MAIN, FIFO, 4));
        commands.sendAndWait(new ReserveStockForOrder("o1/2", MAIN, FIFO, 2));
        commands.sendAndWait(new ReserveStockForOrder("o1/3", MAIN, "NO-SUCH-SKU", 1));
        commands.sendAndWait(new ReserveStockForOrder("o1/1", MAIN, FIFO, 4)); // redelivered: nothing new

        assertThat(eventsOf(StockEvent.aggregateId(MAIN, FIFO))).endsWith(
                new StockReserved(MAIN, FIFO, "o1/1", 4),
                new StockReservationRefused(MAIN, FIFO, "o1/2", 2, "INSUFFICIENT_STOCK",
                        "Fewer than 2 of BOLT are available in warehouse " + MAIN + " now."));
        assertThat(eventsOf(StockEvent.aggregateId(MAIN, "NO-SUCH-SKU"))).containsExactly(
                new StockReservationRefused(MAIN, "NO-SUCH-SKU", "o1/3", 1, "UNKNOWN_PRODUCT",
                        "No product has the SKU NO-SUCH-SKU."));

        commands.sendAndWait(new ReleaseOrderReservation("o1/1", MAIN, FIFO));
        commands.sendAndWait(new ReleaseOrderReservation("o1/2", MAIN, FIFO)); // refused: nothing held
        commands.sendAndWait(new ReleaseOrderReservation("o1/1", OTHER, FIFO)); // never there

        assertThat(eventsOf(StockEvent.aggregateId(MAIN, FIFO))).filteredOn(StockReservationReleased.class::isInstance)
                .containsExactly(new StockReservationReleased(MAIN, FIFO, "o1/1", 4));
        commands.sendAndWait(issue("m2", MARCH_10, FIFO, 5)); // all of it is available again
    }

    private void product(String sku, CostMethod method) {
        commands.sendAndWait(new RegisterProduct(ProductEvent.aggregateId(sku), sku, null, sku + "-id", sku, "piece",
                method, null));
    }

    private void warehouse(String id) {
        commands.sendAndWait(new OpenWarehouse(WarehouseEvent.aggregateId(id), id, id.substring(0, 4), "Warehouse"));
    }

    private static ReceiveStock receipt(String id, LocalDate date, String sku, long qty, long unitCostMinor) {
        return new ReceiveStock(id, MAIN, date, "EUR", List.of(new ReceiptLine(sku, qty, unitCostMinor)));
    }

    private static IssueStock issue(String id, LocalDate date, String sku, long qty) {
        return new IssueStock(id, MAIN, date, "Production", List.of(new Line(sku, qty)));
    }

    private void assertRefused(Object command, RuleCode rule) {
        assertThatThrownBy(() -> commands.sendAndWait(command))
                .isInstanceOfSatisfying(CommandExecutionException.class, refused ->
                        assertThat(refused.getDetails()).get()
                                .isInstanceOfSatisfying(RuleViolationDetails.class, details ->
                                        assertThat(details.code()).isEqualTo(rule.name())));
    }

    private List<Object> eventsOf(String aggregateId) {
        List<Object> payloads = new ArrayList<>();
        axon.eventStore().readEvents(aggregateId).forEachRemaining(event -> payloads.add(event.getPayload()));
        return payloads;
    }
}
