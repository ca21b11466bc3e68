package org.kontor.command.ledger;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.kontor.config.http.InvalidRequestException;
import org.kontor.config.http.InvalidRequestException.FieldProblem;
import org.kontor.config.http.MoneyJson;
import org.kontor.config.http.RequestFields;
import org.kontor.events.common.Money;
import org.kontor.events.ledger.AccountType;
import org.kontor.events.ledger.JournalLine;

/**
 * The bodies of the ledger command endpoints and their checks (400). Business rules (balanced,
 * known accounts, open period, currency) are the aggregates' (422), so they hold for every caller.
 */
final class LedgerRequests {

    static final Pattern ACCOUNT_CODE = Pattern.compile("[A-Za-z0-9._-]{1,20}");
    static final Pattern PERIOD = Pattern.compile("\\d{4}-(0[1-9]|1[0-2])");
    static final int MAX_TEXT = 500;
    /**
     * At most 10^15 minor units a line (ten trillion euros): 500 such lines still add up far inside
     * a long, so no sum of an entry can overflow.
     */
    static final long MAX_LINE_AMOUNT_MINOR = 1_000_000_000_000_000L;

    private LedgerRequests() {
    }

    record AccountJson(String code, String name, AccountType type, String parentCode) {
    }

    record LineJson(String account, String debit, String credit, String costCenter, String memo) {
    }

    record JournalEntryJson(String id, LocalDate date, String description, String currency, String reference,
                            List<LineJson> lines) {
    }

    record ReversalJson(LocalDate date, String reason) {
    }

    record ReopenJson(String reason) {
    }

    static void checkAccount(AccountJson body) {
        List<FieldProblem> problems = new ArrayList<>();
        if (body.code() == null || !ACCOUNT_CODE.matcher(body.code()).matches()) {
            problems.add(new FieldProblem("code", "must be 1 to 20 letters, digits, '.', '_' or '-'"));
        }
        if (body.name() == null || body.name().isBlank() || body.name().length() > 200) {
            problems.add(new FieldProblem("name", "is required, at most 200 characters"));
        }
        if (body.type() == null) {
            problems.add(new FieldProblem("type", "is required: ASSET, LIABILITY, EQUITY, INCOME or EXPENSE"));
        }
        if (body.parentCode() != null && !ACCOUNT_CODE.matcher(body.parentCode()).matches()) {
            problems.add(new FieldProblem("parentCode", "must be an account code"));
        }
        throwIfAny(problems);
    }

    /** The lines of an entry in minor units; each has exactly one of debit and credit, positive. */
    static List<JournalLine> lines(JournalEntryJson body, List<FieldProblem> problems) {
        List<JournalLine> lines = new ArrayList<>();
        if (body.lines() == null || body.lines().isEmpty()) {
            problems.add(new FieldProblem("lines", "are required"));
            return lines;
        }
        if (body.lines().size() > JournalPosting.MAX_LINES) {
            problems.add(new FieldProblem("lines", "must be at most " + JournalPosting.MAX_LINES));
            return lines;
        }
        for (int index = 0; index < body.lines().size(); index++) {
            LineJson line = body.lines().get(index);
            String field = "lines[" + index + "]";
            if (line == null) {
                problems.add(new FieldProblem(field, "is required"));
                continue;
            }
            if (line.account() == null || !ACCOUNT_CODE.matcher(line.account()).matches()) {
                problems.add(new FieldProblem(field + ".account", "must be an account code"));
            }
            if ((line.debit() == null) == (line.credit() == null)) {
                problems.add(new FieldProblem(field, "must have exactly one of debit and credit"));
                continue;
            }
            String side = line.debit() != null ? "debit" : "credit";
            Long amount = positiveMinor(line.debit() != null ? line.debit() : line.credit(), body.currency(),
                    field + "." + side, problems);
            optionalText(problems, field + ".costCenter", line.costCenter(), 50);
            optionalText(problems, field + ".memo", line.memo(), MAX_TEXT);
            if (amount != null && line.account() != null && ACCOUNT_CODE.matcher(line.account()).matches()) {
                lines.add(line.debit() != null
                        ? new JournalLine(line.account(), amount, 0, line.costCenter(), line.memo())
                        : new JournalLine(line.account(), 0, amount, line.costCenter(), line.memo()));
            }
        }
        return lines;
    }

    static void checkEntryHeader(JournalEntryJson body, List<FieldProblem> problems) {
        if (body.date() == null) {
            problems.add(new FieldProblem("date", "is required: a business date such as 2026-03-31"));
        }
        if (body.description() == null || body.description().isBlank()) {
            problems.add(new FieldProblem("description", "is required"));
        }
        optionalText(problems, "description", body.description(), MAX_TEXT);
        optionalText(problems, "reference", body.reference(), 100);
        if (!MoneyJson.isCurrencyCode(body.currency())) {
            problems.add(new FieldProblem("currency", "is required: an ISO 4217 code such as EUR"));
        }
    }

    static void checkPeriod(String period) {
        if (!PERIOD.matcher(period).matches()) {
            throw new InvalidRequestException("period", "must be a month written YYYY-MM");
        }
    }

    static void throwIfAny(List<FieldProblem> problems) {
        RequestFields.throwIfAny(problems);
    }

    private static Long positiveMinor(String amount, String currency, String field, List<FieldProblem> problems) {
        if (!MoneyJson.isCurrencyCode(currency)) {
            return null; // reported on the currency field
        }
        try {
            Money money = new MoneyJson(amount, currency).toMoney(field);
            if (money.amountMinor() <= 0) {
                problems.add(new FieldProblem(field, "must be greater than zero"));
                return null;
            }
            if (money.amountMinor() > MAX_LINE_AMOUNT_MINOR) {
                problems.add(new FieldProblem(field, "is too large"));
                return null;
            }
            return money.amountMinor();
        } catch (InvalidRequestException invalid) {
            problems.add(new FieldProblem(field, invalid.errors().get(0).message()));
            return null;
        }
    }

    private static void optionalText(List<FieldProblem> problems, String field, String value, int max) {
        if (value != null && value.length() > max) {
            problems.add(new FieldProblem(field, "must be at most " + max + " characters"));
        }
    }
}
