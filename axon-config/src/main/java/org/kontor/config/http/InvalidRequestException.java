package org.kontor.config.http;

import java.util.List;

/** A request that is malformed or names an invalid value: answered 400 with the fields at fault. */
public class InvalidRequestException extends RuntimeException {

    private final List<FieldProblem> errors;

    public InvalidRequestException(List<FieldProblem> errors) {
        super(errors.isEmpty() ? "The request is invalid." : errors.get(0).field() + " " + errors.get(0).message());
        this.errors = List.copyOf(errors);
    }

    public InvalidRequestException(String field, String message) {
        this(List.of(new FieldProblem(field, message)));
    }

    public List<FieldProblem> errors() {
        return errors;
    }

    /** One field and what is wrong with it, as clients see it in {@code errors}. */
    public record FieldProblem(String field, String message) {
    }
}
