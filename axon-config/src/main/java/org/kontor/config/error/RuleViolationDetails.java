package org.kontor.config.error;

/**
 * What survives of a {@link BusinessRuleViolation} when a command runs on another node: Axon
 * Server carries only a message and serializable details, so the code and status travel here.
 */
public record RuleViolationDetails(String code, int httpStatus, String detail) {

    static RuleViolationDetails of(BusinessRuleViolation violation) {
        return new RuleViolationDetails(violation.code(), violation.httpStatus(), violation.getMessage());
    }
}
