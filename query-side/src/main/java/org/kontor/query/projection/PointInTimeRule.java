package org.kontor.query.projection;

import org.kontor.config.error.RuleCode;

/** Why a read as known at an instant ({@code knownAt}) is refused. */
public enum PointInTimeRule implements RuleCode {
    /** More events were recorded up to the instant than one request may fold. */
    KNOWN_AT_TOO_MANY_EVENTS(422),
    /** As many such reads run as the server allows at once; retry later. */
    KNOWN_AT_BUSY(503);

    private final int httpStatus;

    PointInTimeRule(int httpStatus) {
        this.httpStatus = httpStatus;
    }

    @Override
    public int httpStatus() {
        return httpStatus;
    }
}
