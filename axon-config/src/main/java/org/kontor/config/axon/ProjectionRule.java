package org.kontor.config.axon;

import org.kontor.config.error.RuleCode;

/** Why a projection cannot be rebuilt now. */
public enum ProjectionRule implements RuleCode {
    /**
     * The processor sends commands or links the audit chain (a saga, a posting policy): replaying it
     * would act on history again, so only read models are rebuilt.
     */
    NOT_A_READ_MODEL,
    /** The read model is being rebuilt already; its status shows how far. */
    REBUILD_IN_PROGRESS;

    @Override
    public int httpStatus() {
        return 409;
    }
}
