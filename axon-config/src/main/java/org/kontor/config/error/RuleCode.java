package org.kontor.config.error;

/**
 * A named business rule (for example {@code ENTRY_NOT_BALANCED}). Implemented by one enum per
 * bounded context; the name is the {@code code} clients see in the problem body.
 */
public interface RuleCode {

    String name();

    /** The HTTP status of a violation; 422 unless the rule is about existence or identity. */
    default int httpStatus() {
        return 422;
    }
}
