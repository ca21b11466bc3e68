package org.kontor.config.error;

import java.util.Objects;

/** A command was refused because it would break a named business rule. */
public class BusinessRuleViolation extends RuntimeException {

    private final transient RuleCode rule;

    public BusinessRuleViolation(RuleCode rule, String detail) {
        super(detail, null, false, false); // a business outcome, not a fault: no stack trace
        this.rule = Objects.requireNonNull(rule, "rule");
    }

    public RuleCode rule() {
        return rule;
    }

    public String code() {
        return rule.name();
    }

    public int httpStatus() {
        return rule.httpStatus();
    }
}
