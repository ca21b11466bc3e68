package org.kontor.command;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.instanceOf;

import org.hamcrest.FeatureMatcher;
import org.hamcrest.Matcher;
import org.kontor.config.error.BusinessRuleViolation;
import org.kontor.config.error.RuleCode;

/**
 * Matchers for the fixture's {@code expectException}: a refusal must name the expected rule. Shared
 * by the tests of every context (the CRM tests still have their own copy from before).
 */
public final class RuleViolations {

    private RuleViolations() {
    }

    /** A {@link BusinessRuleViolation} of exactly this rule, so a refusal for another reason fails the test. */
    public static Matcher<Object> violationOf(RuleCode rule) {
        return allOf(instanceOf(BusinessRuleViolation.class), new FeatureMatcher<Object, String>(
                equalTo(rule.name()), "business rule violation with code", "code") {
            @Override
            protected String featureValueOf(Object actual) {
                return ((BusinessRuleViolation) actual).code();
            }
        });
    }
}
