package org.kontor.command.purchasing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.kontor.config.http.InvalidRequestException.FieldProblem;
import org.kontor.config.http.MoneyJson;
import org.kontor.config.http.RequestFields;
import org.kontor.events.common.Money;
import org.kontor.events.purchasing.PurchaseOrderEvent.OrderQuantity;
import org.kontor.events.purchasing.PurchaseOrderEvent.OrderedLine;

/**
 * The bodies of the purchasing endpoints and their checks (400). Quantities are whole units, unit
 * costs and amounts decimal strings in the purchasing currency ({@code "12.50"}), tax rates
 * percentages from 0 to 100 with at most two decimals ({@code 19} is 19 %), each SKU at most once
 * per order or receipt. Business rules (state, quantities left) are the aggregates' (422).
 */
final class PurchasingRequests {

    static final Pattern SKU = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    static final int MAX_LINES = 200;
    static final int MAX_NAME = 200;
    static final int MAX_PATH_ID = 100;
    static final int MAX_REASON = 500;
    static final int DEFAULT_PAYMENT_TERM_DAYS = 30;
    static final int MAX_PAYMENT_TERM_DAYS = 365;
    static final long MAX_QUANTITY = 1_000_000_000L;
    /** Ten million a unit: a line's value (quantity times cost) stays far inside a long. */
    static final long MAX_UNIT_COST_MINOR = 1_000_000_000L;
    /** How bills are paid; CASH is booked to the cash account, every other method to the bank. */
    static final Set<String> PAYMENT_METHODS = Set.of("BANK_TRANSFER", "CASH", "CARD", "DIRECT_DEBIT", "CHEQUE");

    private PurchasingRequests() {
    }

    record SupplierJson(String id, String name, String email, Integer paymentTermDays) {
    }

    record OrderJson(String id, String supplierId, String currency, List<OrderLineJson> lines) {
    }

    record OrderLineJson(String sku, BigDecimal qty, String unitCost, BigDecimal taxRate) {
    }

    record ReceiveJson(String warehouseId, LocalDate date, List<QuantityJson> lines) {
    }

    record QuantityJson(String sku, BigDecimal qty) {
    }

    record CancelJson(String reason) {
    }

    record BillJson(String billId, LocalDate date, LocalDate dueDate) {
    }

    record PaymentJson(String id, String amount, LocalDate date, String method) {
    }

    static String email(String value, List<FieldProblem> problems) {
        String email = RequestFields.optionalText("email", value, MAX_NAME, problems);
        if (email != null && !email.contains("@")) {
            problems.add(new FieldProblem("email", "must be an e-mail address"));
        }
        return email;
    }

    static int paymentTermDays(Integer value, List<FieldProblem> problems) {
        if (value == null) {
            return DEFAULT_PAYMENT_TERM_DAYS;
        }
        if (value < 0 || value > MAX_PAYMENT_TERM_DAYS) {
            problems.add(new FieldProblem("paymentTermDays", "must be from 0 to " + MAX_PAYMENT_TERM_DAYS));
        }
        return value;
    }

    /** An id in the path: its aggregate is looked up, so only its length needs a bound. */
    static void pathId(String field, String value, List<FieldProblem> problems) {
        if (value.length() > MAX_PATH_ID) {
            problems.add(new FieldProblem(field, "must be at most " + MAX_PATH_ID + " characters"));
        }
    }

    static String currency(String value, List<FieldProblem> problems) {
        if (!MoneyJson.isIsoCurrency(value)) {
            problems.add(new FieldProblem("currency", "must be an ISO 4217 code such as EUR"));
            return null;
        }
        return value;
    }

    static List<OrderedLine> orderLines(List<OrderLineJson> json, String currency, List<FieldProblem> problems) {
        List<OrderedLine> lines = new ArrayList<>();
        if (json == null || json.isEmpty() || json.size() > MAX_LINES) {
            problems.add(new FieldProblem("lines", "are required: 1 to " + MAX_LINES));
            return lines;
        }
        Set<String> skus = new HashSet<>();
        for (int index = 0; index < json.size(); index++) {
            String field = "lines[" + index + "]";
            OrderLineJson line = json.get(index);
            if (line == null) {
                problems.add(new FieldProblem(field, "is required"));
                continue;
            }
            String sku = sku(field, line.sku(), skus, problems);
            long quantity = RequestFields.wholeNumber(field + ".qty", line.qty(), 1, MAX_QUANTITY, problems);
            Long unitCost = currency == null ? null : unitCostMinor(field + ".unitCost", line.unitCost(), currency,
                    problems);
            BigDecimal taxRate = taxRate(field + ".taxRate", line.taxRate(), problems);
            if (sku != null && unitCost != null && taxRate != null) {
                lines.add(new OrderedLine(sku, quantity, unitCost, taxRate));
            }
        }
        return lines;
    }

    /** The lines of a receipt; {@code null} when none are given: everything outstanding. */
    static List<OrderQuantity> receiptLines(List<QuantityJson> json, List<FieldProblem> problems) {
        if (json == null) {
            return null;
        }
        List<OrderQuantity> lines = new ArrayList<>();
        if (json.isEmpty() || json.size() > MAX_LINES) {
            problems.add(new FieldProblem("lines", "must be 1 to " + MAX_LINES + " when given; leave them out to "
                    + "receive everything outstanding"));
            return lines;
        }
        Set<String> skus = new HashSet<>();
        for (int index = 0; index < json.size(); index++) {
            String field = "lines[" + index + "]";
            QuantityJson line = json.get(index);
            if (line == null) {
                problems.add(new FieldProblem(field, "is required"));
                continue;
            }
            String sku = sku(field, line.sku(), skus, problems);
            long quantity = RequestFields.wholeNumber(field + ".qty", line.qty(), 1, MAX_QUANTITY, problems);
            if (sku != null) {
                lines.add(new OrderQuantity(sku, quantity));
            }
        }
        return lines;
    }

    static LocalDate requiredDate(String field, LocalDate value, List<FieldProblem> problems) {
        if (value == null) {
            problems.add(new FieldProblem(field, "is required: a business date such as 2026-03-31"));
        }
        return value;
    }

    /** A payment's amount: more than zero, in the purchasing currency. */
    static long paymentMinor(String value, String currency, List<FieldProblem> problems) {
        try {
            Money amount = Money.parse(value, currency);
            if (amount.amountMinor() <= 0) {
                problems.add(new FieldProblem("amount", "must be more than zero"));
            }
            return amount.amountMinor();
        } catch (NullPointerException | NumberFormatException missingOrNotDecimal) {
            problems.add(new FieldProblem("amount", "is required: a decimal string in " + currency + ", such as "
                    + "\"100.00\""));
        } catch (IllegalArgumentException invalid) {
            problems.add(new FieldProblem("amount", invalid.getMessage()));
        }
        return 0;
    }

    static String method(String value, List<FieldProblem> problems) {
        if (value == null || !PAYMENT_METHODS.contains(value)) {
            problems.add(new FieldProblem("method", "is required: one of " + String.join(", ",
                    PAYMENT_METHODS.stream().sorted().toList())));
            return null;
        }
        return value;
    }

    private static String sku(String field, String value, Set<String> seen, List<FieldProblem> problems) {
        if (value == null || !SKU.matcher(value).matches()) {
            problems.add(new FieldProblem(field + ".sku", "must be 1 to 64 letters, digits, '.', '_' or '-'"));
            return null;
        }
        if (!seen.add(value)) {
            problems.add(new FieldProblem(field + ".sku", "appears twice: each SKU once"));
            return null;
        }
        return value;
    }

    private static Long unitCostMinor(String field, String value, String currency, List<FieldProblem> problems) {
        try {
            long minor = Money.parse(value, currency).amountMinor();
            if (minor < 0 || minor > MAX_UNIT_COST_MINOR) {
                problems.add(new FieldProblem(field, "must be from 0 to " + MAX_UNIT_COST_MINOR + " minor units"));
                return null;
            }
            return minor;
        } catch (NullPointerException | IllegalArgumentException invalid) {
            problems.add(new FieldProblem(field, "is required: a decimal string in the order's currency with at "
                    + "most its decimals, such as \"12.50\""));
            return null;
        }
    }

    /** Optional: no tax rate is 0 %. */
    private static BigDecimal taxRate(String field, BigDecimal value, List<FieldProblem> problems) {
        return value == null ? BigDecimal.ZERO : RequestFields.percentage(field, value, problems);
    }
}
