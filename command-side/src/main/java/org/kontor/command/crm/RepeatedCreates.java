package org.kontor.command.crm;

import org.kontor.config.error.BusinessRuleViolation;
import org.kontor.config.error.CommonRule;
import org.kontor.config.http.CommandOutcome;

/**
 * The answer to a create whose id exists already (API.md): with the same content it answers as the
 * first create did and writes nothing; with other content it is {@code ALREADY_EXISTS}.
 */
final class RepeatedCreates {

    private RepeatedCreates() {
    }

    static CommandOutcome repeatOf(Object firstEvent, Object attemptEvent, String what, String id) {
        if (!firstEvent.equals(attemptEvent)) {
            throw new BusinessRuleViolation(CommonRule.ALREADY_EXISTS, "A different " + what + " with id " + id
                    + " exists.");
        }
        return CommandOutcome.repeatedCreate(id);
    }

    static BusinessRuleViolation unknown(String what, String id) {
        return new BusinessRuleViolation(CommonRule.NOT_FOUND, "No " + what + " with id " + id + ".");
    }
}
