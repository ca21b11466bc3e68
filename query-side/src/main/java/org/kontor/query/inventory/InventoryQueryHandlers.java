package org.kontor.query.inventory;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.kontor.events.common.Money;
import org.kontor.events.inventory.CostFlow;
import org.kontor.events.inventory.CostFlow.Step;
import org.kontor.events.inventory.CostFlow.Valued;
import org.kontor.query.inventory.InventoryQueries.FetchStockLevelsQuery;
import org.kontor.query.inventory.InventoryQueries.FetchStockMovementQuery;
import org.kontor.query.inventory.InventoryQueries.FetchStockMovementsQuery;
import org.kontor.query.inventory.InventoryQueries.FetchStockValuationQuery;
import org.kontor.query.inventory.InventoryQueries.LedgerPosition;
import org.kontor.query.inventory.InventoryViews.MovedLineView;
import org.kontor.query.inventory.InventoryViews.StockLedgerLine;
import org.kontor.query.inventory.InventoryViews.StockMovementView;
import org.kontor.query.inventory.InventoryViews.StockLedgerPage;
import org.kontor.query.inventory.InventoryViews.StockLevel;
import org.kontor.query.inventory.InventoryViews.StockLevelPage;
import org.kontor.query.inventory.InventoryViews.StockValuation;
import org.kontor.query.inventory.InventoryViews.ValuationRow;
import org.kontor.query.inventory.InventoryViews.WarehouseValuation;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Answers the stock level, stock ledger and valuation queries. A level of one product in one
 * warehouse is an {@code _id} read; lists filter by warehouse or SKU. The ledger and the valuation
 * replay each stock's movements in date order with the shared valuation rule.
 */
@Component
class InventoryQueryHandlers {

    /** Date order; within a date by stock, and within a stock in the order the valuation applies them. */
    private static final Comparator<LedgerPosition> POSITION_ORDER = Comparator.comparing(LedgerPosition::date)
            .thenComparing(LedgerPosition::stockId).thenComparingInt(LedgerPosition::index);

    private final MongoCollection<Document> levels;
    private final MongoCollection<Document> histories;
    private final MongoCollection<Document> movements;
    private final String currency;

    InventoryQueryHandlers(MongoDatabase readStore,
                           @Value("${erp.inventory.currency:${erp.ledger.currency:EUR}}") String currency) {
        this.levels = readStore.getCollection(InventoryProjection.LEVELS);
        this.histories = readStore.getCollection(InventoryProjection.HISTORY);
        this.movements = readStore.getCollection(InventoryProjection.MOVEMENTS);
        this.currency = currency;
    }

    /** One more level than asked for is read, to tell whether there is a next page. */
    @QueryHandler
    StockLevelPage handle(FetchStockLevelsQuery query) {
        List<Bson> filters = stockFilters(query.warehouseId(), query.sku());
        if (query.afterStockId() != null) {
            filters.add(Filters.gt("_id", query.afterStockId()));
        }
        List<Document> found = levels.find(filters.isEmpty() ? new Document() : Filters.and(filters))
                .sort(Sorts.ascending("_id")).limit(query.limit() + 1).into(new ArrayList<>());
        boolean more = found.size() > query.limit();
        List<Document> page = more ? found.subList(0, query.limit()) : found;
        List<StockLevel> items = page.stream().map(this::toLevel).toList();
        return new StockLevelPage(items, more ? page.get(page.size() - 1).getString("_id") : null);
    }

    @QueryHandler
    StockLedgerPage handle(FetchStockMovementsQuery query) {
        List<Positioned> lines = new ArrayList<>();
        for (Document history : histories(query.warehouseId(), query.sku())) {
            String stockId = history.getString("_id");
            Map<String, Document> movements = movementsById(history);
            List<Valued> valued = CostFlow.replay(StockHistory.costMethod(history), StockHistory.steps(history));
            for (int index = 0; index < valued.size(); index++) {
                Valued step = valued.get(index);
                LedgerPosition position = new LedgerPosition(step.step().date(), stockId, index);
                if (inRange(step.step().date(), query.from(), query.to()) && isAfter(position, query.after())) {
                    lines.add(new Positioned(position, toLine(history, movements.get(step.step().movementId()),
                            step)));
                }
            }
        }
        lines.sort(Comparator.comparing(Positioned::position, POSITION_ORDER));
        List<Positioned> page = lines.subList(0, Math.min(query.limit(), lines.size()));
        LedgerPosition next = lines.size() > query.limit() ? page.get(page.size() - 1).position() : null;
        return new StockLedgerPage(page.stream().map(Positioned::line).toList(), currency, next);
    }

    private record Positioned(LedgerPosition position, StockLedgerLine line) {
    }

    /** The movement, or {@code null} when the view does not know it. */
    @QueryHandler
    StockMovementView handle(FetchStockMovementQuery query) {
        Document movement = movements.find(Filters.eq("_id", query.movementId())).first();
        if (movement == null) {
            return null;
        }
        List<MovedLineView> lines = movement.getList("lines", Document.class).stream()
                .map(line -> new MovedLineView(line.getString("sku"), line.get("quantity", Number.class).longValue(),
                        amount(line.get("valueMinor", Number.class).longValue()),
                        line.get("countedQuantity", Number.class) == null ? null
                                : line.get("countedQuantity", Number.class).longValue()))
                .toList();
        return new StockMovementView(movement.getString("_id"), movement.getString("kind"),
                LocalDate.parse(movement.getString("date")), movement.getString("warehouseId"),
                movement.getString("toWarehouseId"), movement.getString("reason"), movement.getString("reservationId"),
                movement.getString("currency"), lines);
    }

    @QueryHandler
    StockValuation handle(FetchStockValuationQuery query) {
        Map<String, List<WarehouseValuation>> bySku = new LinkedHashMap<>();
        Map<String, long[]> totalsBySku = new LinkedHashMap<>();
        long totalValue = 0;
        for (Document history : histories.find().sort(Sorts.ascending("sku", "_id"))) {
            List<Step> steps = StockHistory.steps(history).stream()
                    .filter(step -> !step.date().isAfter(query.asOf())).toList();
            if (steps.isEmpty()) {
                continue;
            }
            CostFlow flow = new CostFlow(StockHistory.costMethod(history));
            CostFlow.inDateOrder(steps).forEach(flow::apply);
            totalValue += flow.valueMinor();
            String sku = history.getString("sku");
            if (query.afterSku() != null && sku.compareTo(query.afterSku()) <= 0) {
                continue;
            }
            bySku.computeIfAbsent(sku, key -> new ArrayList<>()).add(new WarehouseValuation(
                    history.getString("warehouseId"), flow.quantity(), amount(flow.valueMinor()),
                    unitCost(flow.valueMinor(), flow.quantity())));
            long[] totals = totalsBySku.computeIfAbsent(sku, key -> new long[2]);
            totals[0] += flow.quantity();
            totals[1] += flow.valueMinor();
        }
        List<ValuationRow> items = new ArrayList<>();
        String lastSku = null;
        for (Map.Entry<String, List<WarehouseValuation>> product : bySku.entrySet()) {
            if (items.size() == query.limit()) {
                lastSku = items.get(items.size() - 1).sku();
                break;
            }
            long[] totals = totalsBySku.get(product.getKey());
            items.add(new ValuationRow(product.getKey(), totals[0], amount(totals[1]), unitCost(totals[1], totals[0]),
                    product.getValue()));
        }
        return new StockValuation(query.asOf(), currency, amount(totalValue), items, lastSku);
    }

    private static boolean isAfter(LedgerPosition position, LedgerPosition after) {
        return after == null || POSITION_ORDER.compare(position, after) > 0;
    }

    private static boolean inRange(LocalDate date, LocalDate from, LocalDate to) {
        return (from == null || !date.isBefore(from)) && (to == null || !date.isAfter(to));
    }

    private Iterable<Document> histories(String warehouseId, String sku) {
        List<Bson> filters = stockFilters(warehouseId, sku);
        return histories.find(filters.isEmpty() ? new Document() : Filters.and(filters));
    }

    /** Both given: the one stock, by {@code _id}; otherwise a filter on the field given. */
    private static List<Bson> stockFilters(String warehouseId, String sku) {
        List<Bson> filters = new ArrayList<>();
        if (warehouseId != null && sku != null) {
            filters.add(Filters.eq("_id", warehouseId + ":" + sku));
        } else if (warehouseId != null) {
            filters.add(Filters.eq("warehouseId", warehouseId));
        } else if (sku != null) {
            filters.add(Filters.eq("sku", sku));
        }
        return filters;
    }

    private static Map<String, Document> movementsById(Document history) {
        Map<String, Document> byId = new LinkedHashMap<>();
        history.getList("movements", Document.class).forEach(movement ->
                byId.put(movement.getString("movementId"), movement));
        return byId;
    }

    private StockLedgerLine toLine(Document history, Document movement, Valued valued) {
        return new StockLedgerLine(valued.step().date(), valued.step().movementId(), movement.getString("kind"),
                history.getString("warehouseId"), history.getString("sku"), valued.step().quantityChange(),
                valued.quantityAfter(), amount(valued.valueMinor()), amount(valued.valueAfterMinor()),
                movement.getString("reason"), movement.getString("otherWarehouseId"));
    }

    private StockLevel toLevel(Document level) {
        long onHand = level.get("onHand", Number.class).longValue();
        long value = level.get("valueMinor", Number.class).longValue();
        return new StockLevel(level.getString("warehouseId"), level.getString("sku"), onHand,
                level.get("reserved", Number.class).longValue(), level.get("available", Number.class).longValue(),
                amount(value), unitCost(value, onHand), currency);
    }

    private String amount(long minor) {
        return Money.of(minor, currency).toDecimalString();
    }

    private String unitCost(long valueMinor, long quantity) {
        if (quantity == 0) {
            return null;
        }
        long minor = BigDecimal.valueOf(valueMinor).divide(BigDecimal.valueOf(quantity), 0, RoundingMode.HALF_UP)
                .longValueExact();
        return amount(minor);
    }
}
