package org.kontor.command.sales;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.kontor.config.http.InvalidRequestException.FieldProblem;
import org.kontor.config.http.RequestFields;
import org.kontor.events.common.Money;
import org.kontor.events.sales.PaymentMethod;

/**
 * The bodies of invoicing and payments and their checks (400). A payment's amount is a decimal
 * string in the invoice's currency ({@code "40.00"}), more than zero, with no more decimals than the
 * currency has; {@code currency} may be given and must then be the invoice's.
 */
final class InvoiceRequests {

    private InvoiceRequests() {
    }

    record InvoiceJson(String invoiceId, LocalDate date, LocalDate dueDate) {
    }

    record PaymentJson(String id, String amount, String currency, LocalDate date, String method) {
    }

    /**
     * The invoice id the client chose, or one derived from the order: an order has one invoice, so
     * a retried request without an id names the same invoice and is answered as a repeat.
     */
    static String invoiceId(String orderId, String requested, List<FieldProblem> problems) {
        if (requested != null) {
            return RequestFields.uuid("invoiceId", requested, problems);
        }
        return UUID.nameUUIDFromBytes(("invoice:" + orderId).getBytes(StandardCharsets.UTF_8)).toString();
    }

    static void checkDates(InvoiceJson body, List<FieldProblem> problems) {
        if (body.date() == null) {
            problems.add(new FieldProblem("date", "is required: a business date such as 2026-03-31"));
        } else if (body.dueDate() != null && body.dueDate().isBefore(body.date())) {
            problems.add(new FieldProblem("dueDate", "must be on or after the invoice's date"));
        }
    }

    static PaymentMethod method(String value, List<FieldProblem> problems) {
        for (PaymentMethod method : PaymentMethod.values()) {
            if (method.name().equals(value)) {
                return method;
            }
        }
        problems.add(new FieldProblem("method", "is required: one of " + Arrays.toString(PaymentMethod.values())));
        return null;
    }

    /** Checks the amount's form before the invoice is known; its currency's decimals are checked after. */
    static void checkAmountForm(String amount, List<FieldProblem> problems) {
        try {
            if (amount == null || new BigDecimal(amount).signum() <= 0) {
                problems.add(new FieldProblem("amount", "is required: a decimal string more than zero, such as "
                        + "\"40.00\""));
            }
        } catch (NumberFormatException notDecimal) {
            problems.add(new FieldProblem("amount", "must be a decimal string such as \"40.00\""));
        }
    }

    /** The amount in the invoice's currency, or {@code null} with a problem. */
    static Money amount(PaymentJson body, String invoiceCurrency, List<FieldProblem> problems) {
        if (body.currency() != null && !body.currency().equals(invoiceCurrency)) {
            problems.add(new FieldProblem("currency", "must be the invoice's currency, " + invoiceCurrency));
            return null;
        }
        try {
            return Money.parse(body.amount(), invoiceCurrency);
        } catch (IllegalArgumentException invalid) {
            problems.add(new FieldProblem("amount", invalid.getMessage()));
            return null;
        }
    }
}
