package org.kontor.command.inventory;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.kontor.command.inventory.InventoryCommands.Line;
import org.kontor.command.inventory.InventoryCommands.ReceiptLine;
import org.kontor.config.http.InvalidRequestException;
import org.kontor.config.http.InvalidRequestException.FieldProblem;
import org.kontor.config.http.MoneyJson;
import org.kontor.config.http.RequestFields;
import org.kontor.events.common.Money;
import org.kontor.events.inventory.CostMethod;

/**
 * The bodies of the inventory command endpoints and their checks (400). Stock rules (enough
 * available, known products and warehouses, currency) are the aggregates' (422), so they hold for
 * every caller. Quantities are whole units of the product's unit of measure: JSON numbers, checked
 * here so that {@code 1.5} is refused instead of being truncated to 1.
 */
final class InventoryRequests {

    static final Pattern SKU = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    static final int MAX_LINES = 200;
    static final int MAX_TEXT = 500;
    static final long MAX_QUANTITY = 1_000_000_000L;
    /** Ten million euros a unit: a line's value (quantity times unit cost) stays far inside a long. */
    static final long MAX_UNIT_COST_MINOR = 1_000_000_000L;

    private InventoryRequests() {
    }

    record ProductJson(String id, String sku, String name, String uom, CostMethod costMethod, MoneyJson salesPrice) {
    }

    record WarehouseJson(String id, String code, String name) {
    }

    record ReceiptLineJson(String sku, BigDecimal qty, MoneyJson unitCost) {
    }

    record LineJson(String sku, BigDecimal qty) {
    }

    record ReceiptJson(String id, String warehouseId, LocalDate date, List<ReceiptLineJson> lines) {
    }

    record IssueJson(String id, String warehouseId, LocalDate date, String reason, List<LineJson> lines) {
    }

    record TransferJson(String id, String fromWarehouseId, String toWarehouseId, LocalDate date,
                        List<LineJson> lines) {
    }

    record AdjustmentJson(String id, String warehouseId, String sku, BigDecimal countedQty, LocalDate date,
                          String reason) {
    }

    record ReservationJson(String id, String warehouseId, String sku, BigDecimal qty) {
    }

    /** Names the stock a reservation is held in: release and issue need it to find the reservation. */
    record ReservationStockJson(String warehouseId, String sku, LocalDate date, String reason, String movementId) {
    }

    /** A warehouse id: warehouses are created with UUIDs, so anything else names none. */
    static String warehouseId(String field, String value, List<FieldProblem> problems) {
        return RequestFields.uuid(field, value, problems);
    }

    static String sku(String field, String value, List<FieldProblem> problems) {
        if (value == null || !SKU.matcher(value).matches()) {
            problems.add(new FieldProblem(field, "must be 1 to 64 letters, digits, '.', '_' or '-'"));
            return null;
        }
        return value;
    }

    static void date(LocalDate date, List<FieldProblem> problems) {
        if (date == null) {
            problems.add(new FieldProblem("date", "is required: a business date such as 2026-03-31"));
        }
    }

    /** A whole number from {@code min} to {@link #MAX_QUANTITY}. */
    static long quantity(String field, BigDecimal value, long min, List<FieldProblem> problems) {
        if (value == null) {
            problems.add(new FieldProblem(field, "is required"));
            return min;
        }
        if (value.stripTrailingZeros().scale() > 0 || value.compareTo(BigDecimal.valueOf(min)) < 0
                || value.compareTo(BigDecimal.valueOf(MAX_QUANTITY)) > 0) {
            problems.add(new FieldProblem(field, "must be a whole number from " + min + " to " + MAX_QUANTITY));
            return min;
        }
        return value.longValueExact();
    }

    static List<ReceiptLine> receiptLines(List<ReceiptLineJson> json, List<FieldProblem> problems) {
        List<ReceiptLine> lines = new ArrayList<>();
        Set<String> skus = new HashSet<>();
        if (!lineCount(json, problems)) {
            return lines;
        }
        for (int index = 0; index < json.size(); index++) {
            String field = "lines[" + index + "]";
            ReceiptLineJson line = json.get(index);
            if (line == null) {
                problems.add(new FieldProblem(field, "is required"));
                continue;
            }
            String sku = distinctSku(field, line.sku(), skus, problems);
            long quantity = quantity(field + ".qty", line.qty(), 1, problems);
            Long unitCost = unitCostMinor(field + ".unitCost", line.unitCost(), problems);
            if (sku != null && unitCost != null) {
                lines.add(new ReceiptLine(sku, quantity, unitCost));
            }
        }
        return lines;
    }

    static String currencyOf(List<ReceiptLineJson> json) {
        return json == null || json.isEmpty() || json.get(0) == null || json.get(0).unitCost() == null ? null
                : json.get(0).unitCost().currency();
    }

    static List<Line> lines(List<LineJson> json, List<FieldProblem> problems) {
        List<Line> lines = new ArrayList<>();
        Set<String> skus = new HashSet<>();
        if (!lineCount(json, problems)) {
            return lines;
        }
        for (int index = 0; index < json.size(); index++) {
            String field = "lines[" + index + "]";
            LineJson line = json.get(index);
            if (line == null) {
                problems.add(new FieldProblem(field, "is required"));
                continue;
            }
            String sku = distinctSku(field, line.sku(), skus, problems);
            long quantity = quantity(field + ".qty", line.qty(), 1, problems);
            if (sku != null) {
                lines.add(new Line(sku, quantity));
            }
        }
        return lines;
    }

    static Money salesPrice(MoneyJson json, List<FieldProblem> problems) {
        if (json == null) {
            return null;
        }
        try {
            Money price = json.toMoney("salesPrice");
            if (price.amountMinor() < 0) {
                problems.add(new FieldProblem("salesPrice.amount", "must not be negative"));
            }
            return price;
        } catch (InvalidRequestException invalid) {
            problems.addAll(invalid.errors());
            return null;
        }
    }

    private static boolean lineCount(List<?> json, List<FieldProblem> problems) {
        if (json == null || json.isEmpty() || json.size() > MAX_LINES) {
            problems.add(new FieldProblem("lines", "are required: 1 to " + MAX_LINES));
            return false;
        }
        return true;
    }

    /** A product appears once in a movement: two lines of one SKU are one line with the sum. */
    private static String distinctSku(String field, String value, Set<String> seen, List<FieldProblem> problems) {
        String sku = sku(field + ".sku", value, problems);
        if (sku != null && !seen.add(sku)) {
            problems.add(new FieldProblem(field + ".sku", "names a product another line of this movement names"));
            return null;
        }
        return sku;
    }

    private static Long unitCostMinor(String field, MoneyJson json, List<FieldProblem> problems) {
        if (json == null) {
            problems.add(new FieldProblem(field, "is required: {\"amount\": \"12.50\", \"currency\": \"EUR\"}"));
            return null;
        }
        try {
            long minor = json.toMoney(field).amountMinor();
            if (minor < 0 || minor > MAX_UNIT_COST_MINOR) {
                problems.add(new FieldProblem(field + ".amount", "must be from 0 to " + MAX_UNIT_COST_MINOR
                        + " minor units"));
                return null;
            }
            return minor;
        } catch (InvalidRequestException invalid) {
            problems.addAll(invalid.errors());
            return null;
        }
    }
}
