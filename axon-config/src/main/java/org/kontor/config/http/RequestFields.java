package org.kontor.config.http;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.kontor.config.http.InvalidRequestException.FieldProblem;

/**
 * The checks of request fields every context makes the same way. Each adds a {@link FieldProblem}
 * instead of throwing, so a request with several faults names all of them in one 400; then
 * {@link #throwIfAny} answers.
 */
public final class RequestFields {

    private RequestFields() {
    }

    /** The id a client chose (a UUID), or a new one. */
    public static String idOrNew(String id, List<FieldProblem> problems) {
        return id == null ? UUID.randomUUID().toString() : uuid("id", id, problems);
    }

    /** A required UUID, in its canonical form; {@code null} (with a problem) otherwise. */
    public static String uuid(String field, String value, List<FieldProblem> problems) {
        if (value == null) {
            problems.add(new FieldProblem(field, "is required"));
            return null;
        }
        try {
            return UUID.fromString(value).toString();
        } catch (IllegalArgumentException notUuid) {
            problems.add(new FieldProblem(field, "must be a UUID"));
            return null;
        }
    }

    /** Required, not blank, at most {@code maxLength} characters; trimmed. */
    public static String requiredText(String field, String value, int maxLength, List<FieldProblem> problems) {
        if (value == null || value.isBlank() || value.length() > maxLength) {
            problems.add(new FieldProblem(field, "is required, at most " + maxLength + " characters"));
            return null;
        }
        return value.trim();
    }

    /** At most {@code maxLength} characters; trimmed, and {@code null} when blank. */
    public static String optionalText(String field, String value, int maxLength, List<FieldProblem> problems) {
        if (value != null && value.length() > maxLength) {
            problems.add(new FieldProblem(field, "must be at most " + maxLength + " characters"));
            return null;
        }
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** A required whole number from {@code min} to {@code max} (a quantity); {@code min}, with a problem, otherwise. */
    public static long wholeNumber(String field, BigDecimal value, long min, long max, List<FieldProblem> problems) {
        if (value == null || value.stripTrailingZeros().scale() > 0 || value.compareTo(BigDecimal.valueOf(min)) < 0
                || value.compareTo(BigDecimal.valueOf(max)) > 0) {
            problems.add(new FieldProblem(field, "is required: a whole number from " + min + " to " + max));
            return min;
        }
        return value.longValueExact();
    }

    /**
     * A required percentage from 0 to 100 with at most two decimals (a tax rate: {@code 19} is 19 %),
     * without trailing zeros, so {@code 19.00} and {@code 19} are the same rate; {@code null}, with a
     * problem, otherwise.
     */
    public static BigDecimal percentage(String field, BigDecimal value, List<FieldProblem> problems) {
        if (value == null || value.signum() < 0 || value.compareTo(BigDecimal.valueOf(100)) > 0
                || value.stripTrailingZeros().scale() > 2) {
            problems.add(new FieldProblem(field, "is required: a percentage from 0 to 100 with at most two decimals"));
            return null;
        }
        return value.stripTrailingZeros().scale() < 0 ? value.setScale(0) : value.stripTrailingZeros();
    }

    /** Answers 400 with every problem found, if there is any. */
    public static void throwIfAny(List<FieldProblem> problems) {
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
    }
}
