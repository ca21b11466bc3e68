package org.kontor.query.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kontor.events.inventory.CostMethod;
import org.kontor.events.inventory.ProductEvent;
import org.kontor.events.inventory.ProductEvent.ProductRegistered;
import org.kontor.events.inventory.MovementKind;
import org.kontor.events.inventory.StockEvent;
import org.kontor.events.inventory.StockEvent.StockCostRevised;
import org.kontor.events.inventory.StockEvent.StockIssued;
import org.kontor.events.inventory.StockEvent.StockReceived;
import org.kontor.events.inventory.StockEvent.StockReserved;
import org.kontor.events.inventory.StockEvent.StockTransferredIn;
import org.kontor.events.inventory.StockEvent.StockTransferredOut;
import org.kontor.query.inventory.InventoryQueries.FetchStockLevelsQuery;
import org.kontor.query.inventory.InventoryQueries.FetchStockMovementsQuery;
import org.kontor.query.inventory.InventoryQueries.FetchStockValuationQuery;
import org.kontor.query.inventory.InventoryViews.StockLedgerLine;
import org.kontor.query.inventory.InventoryViews.StockLevel;
import org.kontor.query.inventory.InventoryViews.StockValuation;
import org.kontor.query.projection.ProjectionHarness;

class InventoryProjectionTest {

    private static final String MAIN = "main";
    private static final String OTHER = "other";
    private static final String BOLT = "BOLT";
    private static final LocalDate MARCH_1 = LocalDate.of(2026, 3, 1);
    private static final LocalDate MARCH_10 = LocalDate.of(2026, 3, 10);
    private static final LocalDate MARCH_20 = LocalDate.of(2026, 3, 20);

    private final ProjectionHarness harness = new ProjectionHarness();
    private final InventoryProjection projection = new InventoryProjection(harness.database());
    private final InventoryQueryHandlers queries = new InventoryQueryHandlers(harness.database(), "EUR");
    private long boltSequence;

    @AfterEach
    void stop() {
        harness.close();
    }

    @Test
    void receiptsAndIssue_levelShowsOnHandAndValueAtFifo() {
        handle(product(CostMethod.FIFO),
                stock(new StockReceived(MAIN, BOLT, "r1", MARCH_1, 2, 200)),
                stock(new StockReceived(MAIN, BOLT, "r2", MARCH_10, 2, 600)),
                stock(new StockIssued(MAIN, BOLT, "i1", MARCH_20, 3, 500, "Production", null)));

        assertThat(level()).isEqualTo(new StockLevel(MAIN, BOLT, 1, 0, 1, "3.00", "3.00", "EUR"));
    }

    @Test
    void backdatedReceipt_laterIssueRevaluedByTheViewWithoutAnyEventRewritten() {
        handle(product(CostMethod.FIFO),
                stock(new StockReceived(MAIN, BOLT, "r1", MARCH_10, 4, 1_200)),
                stock(new StockIssued(MAIN, BOLT, "i1", MARCH_20, 2, 600, "Production", null)));

        // Recorded last, dated first: FIFO takes it first, so the issue now cost 1.00 + 3.00.
        handle(stock(new StockReceived(MAIN, BOLT, "r0", MARCH_1, 1, 100)));

        List<StockLedgerLine> ledger = queries.handle(new FetchStockMovementsQuery(BOLT, MAIN, null, null, 10, null))
                .items();
        assertThat(ledger).extracting(StockLedgerLine::movementId).containsExactly("r0", "r1", "i1");
        assertThat(ledger.get(2).value()).isEqualTo("-4.00");
        assertThat(ledger.get(2).runningQuantity()).isEqualTo(3);
        assertThat(level().value()).isEqualTo("9.00");
        StockValuation beforeTheIssue = queries.handle(new FetchStockValuationQuery(MARCH_10, 10, null));
        assertThat(beforeTheIssue.totalValue()).isEqualTo("13.00");
        assertThat(beforeTheIssue.items().get(0).quantity()).isEqualTo(5);
    }

    @Test
    void transferAndReservation_bothWarehousesAndTheReservedQuantity() {
        handle(product(CostMethod.AVERAGE),
                stock(new StockReceived(MAIN, BOLT, "r1", MARCH_1, 4, 1_000)),
                stock(new StockTransferredOut(MAIN, BOLT, "t1", MARCH_10, 2, 500, OTHER)),
                other(new StockTransferredIn(OTHER, BOLT, "t1", MARCH_10, 2, 500, MAIN)),
                stock(new StockReserved(MAIN, BOLT, "res1", 1)));

        List<StockLevel> levels = queries.handle(new FetchStockLevelsQuery(null, BOLT, 10, null)).items();

        assertThat(levels).containsExactly(
                new StockLevel(MAIN, BOLT, 2, 1, 1, "5.00", "2.50", "EUR"),
                new StockLevel(OTHER, BOLT, 2, 0, 2, "5.00", "2.50", "EUR"));
        StockValuation valuation = queries.handle(new FetchStockValuationQuery(MARCH_20, 10, null));
        assertThat(valuation.items().get(0).quantity()).isEqualTo(4);
        assertThat(valuation.items().get(0).warehouses()).hasSize(2);
        assertThat(valuation.totalValue()).isEqualTo("10.00");
    }

    @Test
    void revisedTransferIn_theGoodsAreWorthTheRevisedCostInTheWarehouseTheyWentTo() {
        handle(product(CostMethod.FIFO),
                stock(new StockReceived(MAIN, BOLT, "r1", MARCH_10, 2, 600)),
                stock(new StockTransferredOut(MAIN, BOLT, "t1", MARCH_10, 1, 300, OTHER)),
                other(new StockTransferredIn(OTHER, BOLT, "t1", MARCH_10, 1, 300, MAIN)));

        handle(stock(new StockReceived(MAIN, BOLT, "r0", MARCH_1, 1, 100)),
                harness.next(StockEvent.aggregateId(OTHER, BOLT), 1, new StockCostRevised(OTHER, BOLT, "t1",
                        MovementKind.TRANSFER_IN, MARCH_10, 300, 100, "r0")));

        assertThat(queries.handle(new FetchStockLevelsQuery(OTHER, BOLT, 1, null)).items().get(0).value())
                .isEqualTo("1.00");
        assertThat(queries.handle(new FetchStockValuationQuery(MARCH_20, 10, null)).totalValue()).isEqualTo("7.00");
    }

    @Test
    void eventDeliveredAgain_appliedOnce() {
        TrackedEventMessage<?> receipt = stock(new StockReceived(MAIN, BOLT, "r1", MARCH_1, 2, 200));
        handle(product(CostMethod.FIFO), receipt);

        handle(receipt);

        assertThat(level().onHand()).isEqualTo(2);
        assertThat(queries.handle(new FetchStockMovementsQuery(BOLT, null, null, null, 10, null)).items()).hasSize(1);
    }

    @Test
    void stockLedgerPages_continueAfterTheLastLineOfThePage() {
        handle(product(CostMethod.FIFO),
                stock(new StockReceived(MAIN, BOLT, "r1", MARCH_1, 2, 200)),
                stock(new StockReceived(MAIN, BOLT, "r2", MARCH_10, 2, 200)),
                stock(new StockIssued(MAIN, BOLT, "i1", MARCH_20, 1, 100, "Production", null)));

        var first = queries.handle(new FetchStockMovementsQuery(BOLT, MAIN, null, null, 2, null));
        var second = queries.handle(new FetchStockMovementsQuery(BOLT, MAIN, null, null, 2, first.next()));

        assertThat(first.items()).extracting(StockLedgerLine::movementId).containsExactly("r1", "r2");
        assertThat(second.items()).extracting(StockLedgerLine::movementId).containsExactly("i1");
        assertThat(second.next()).isNull();
    }

    private StockLevel level() {
        return queries.handle(new FetchStockLevelsQuery(MAIN, BOLT, 1, null)).items().get(0);
    }

    private void handle(TrackedEventMessage<?>... events) {
        harness.handle(projection, List.of(events));
    }

    private TrackedEventMessage<?> product(CostMethod method) {
        return harness.next(ProductEvent.aggregateId(BOLT), 0,
                new ProductRegistered(BOLT, "bolt-id", "Bolt", "piece", method, null));
    }

    private TrackedEventMessage<?> stock(StockEvent event) {
        return harness.next(StockEvent.aggregateId(MAIN, BOLT), boltSequence++, event);
    }

    private TrackedEventMessage<?> other(StockEvent event) {
        return harness.next(StockEvent.aggregateId(OTHER, BOLT), 0, event);
    }
}
