package org.kontor.query.inventory;

import java.time.LocalDate;
import java.util.List;
import org.bson.Document;
import org.kontor.events.inventory.CostFlow.Step;
import org.kontor.events.inventory.CostMethod;

/** Reads the movements of a {@code stock_history} document as the steps of the valuation rule. */
final class StockHistory {

    private StockHistory() {
    }

    static List<Step> steps(Document history) {
        return history.getList("movements", Document.class).stream().map(StockHistory::step).toList();
    }

    static Step step(Document movement) {
        Number fixed = movement.get("fixedValueMinor", Number.class);
        return new Step(movement.getString("movementId"), LocalDate.parse(movement.getString("date")),
                movement.get("quantity", Number.class).longValue(), fixed == null ? null : fixed.longValue());
    }

    static CostMethod costMethod(Document history) {
        return CostMethod.valueOf(history.getString("costMethod"));
    }
}
