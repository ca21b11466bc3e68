package org.kontor.command.sales;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.kontor.config.http.InvalidRequestException;
import org.kontor.config.http.InvalidRequestException.FieldProblem;
import org.kontor.config.http.MoneyJson;
import org.kontor.config.http.RequestFields;
import org.kontor.events.common.Money;
import org.kontor.events.sales.SalesOrderEvent.OrderLine;

/**
 * The bodies of the sales order endpoints and their checks (400). Quantities are whole units, unit
 * prices decimal strings in the order's currency ({@code "12.50"}), tax rates percentages from 0
 * to 100 with at most two decimals ({@code 19} is 19 %). Order rules (state, stock) are the
 * aggregate's (422).
 */
final class SalesOrderRequests {

    static final Pattern SKU = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    static final int MAX_LINES = 200;
    static final int MAX_TEXT = 500;
    static final long MAX_QUANTITY = 1_000_000_000L;
    /** Ten million a unit: a line's value (quantity times price) stays far inside a long. */
    static final long MAX_UNIT_PRICE_MINOR = 1_000_000_000L;

    private SalesOrderRequests() {
    }

    record OrderJson(String id, String customerId, String currency, List<LineJson> lines) {
    }

    record LineJson(String sku, BigDecimal qty, String unitPrice, BigDecimal taxRate) {
    }

    record ConfirmJson(String warehouseId) {
    }

    record DeliverJson(LocalDate date) {
    }

    record CancelJson(String reason) {
    }

    static String requiredText(String field, String value, List<FieldProblem> problems) {
        return RequestFields.requiredText(field, value, MAX_TEXT, problems);
    }

    static String currency(String value, List<FieldProblem> problems) {
        try {
            return new MoneyJson("0", value).toMoney("currency").currency();
        } catch (InvalidRequestException invalid) {
            problems.add(new FieldProblem("currency", "must be an ISO 4217 code such as EUR"));
            return null;
        }
    }

    static List<OrderLine> lines(List<LineJson> json, String currency, List<FieldProblem> problems) {
        List<OrderLine> lines = new ArrayList<>();
        if (json == null || json.isEmpty() || json.size() > MAX_LINES) {
            problems.add(new FieldProblem("lines", "are required: 1 to " + MAX_LINES));
            return lines;
        }
        for (int index = 0; index < json.size(); index++) {
            String field = "lines[" + index + "]";
            LineJson line = json.get(index);
            if (line == null) {
                problems.add(new FieldProblem(field, "is required"));
                continue;
            }
            String sku = line.sku() != null && SKU.matcher(line.sku()).matches() ? line.sku() : null;
            if (sku == null) {
                problems.add(new FieldProblem(field + ".sku", "must be 1 to 64 letters, digits, '.', '_' or '-'"));
            }
            long quantity = RequestFields.wholeNumber(field + ".qty", line.qty(), 1, MAX_QUANTITY, problems);
            Long unitPrice = currency == null ? null : unitPriceMinor(field + ".unitPrice", line.unitPrice(), currency,
                    problems);
            BigDecimal taxRate = RequestFields.percentage(field + ".taxRate", line.taxRate(), problems);
            if (sku != null && unitPrice != null && taxRate != null) {
                lines.add(new OrderLine(sku, quantity, unitPrice, taxRate));
            }
        }
        return lines;
    }

    private static Long unitPriceMinor(String field, String value, String currency, List<FieldProblem> problems) {
        try {
            Money price = new MoneyJson(value, currency).toMoney(field);
            if (price.amountMinor() < 0 || price.amountMinor() > MAX_UNIT_PRICE_MINOR) {
                problems.add(new FieldProblem(field, "must be from 0 to " + MAX_UNIT_PRICE_MINOR + " minor units"));
                return null;
            }
            return price.amountMinor();
        } catch (InvalidRequestException invalid) {
            problems.add(new FieldProblem(field, "is required: a decimal string in the order's currency, such as "
                    + "\"12.50\""));
            return null;
        }
    }
}
