package org.kontor.config.error;

/** Rules every aggregate shares, whatever its context. */
public enum CommonRule implements RuleCode {
    /** A create repeated with the same id but different content. */
    ALREADY_EXISTS(409),
    /** The command names something that does not exist. */
    NOT_FOUND(404);

    private final int httpStatus;

    CommonRule(int httpStatus) {
        this.httpStatus = httpStatus;
    }

    @Override
    public int httpStatus() {
        return httpStatus;
    }
}
