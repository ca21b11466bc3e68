package org.kontor.command.crm;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.kontor.config.http.InvalidRequestException;
import org.kontor.config.http.InvalidRequestException.FieldProblem;
import org.kontor.config.http.MoneyJson;
import org.kontor.events.common.Money;
import org.kontor.events.crm.ActivityType;
import org.kontor.events.crm.CasePriority;
import org.kontor.events.crm.OpportunityStage;

/**
 * The bodies of the pipeline, follow-up and case endpoints, and the checks they share (400). The
 * business rules are the aggregates' (422), so they hold for every caller.
 */
final class PipelineRequests {

    /** At most 10^13 minor units (a hundred billion euros): sums of many never overflow a long. */
    static final long MAX_AMOUNT_MINOR = 10_000_000_000_000L;

    private PipelineRequests() {
    }

    record CampaignJson(String id, String name, String channel, MoneyJson budget, LocalDate startsOn,
                        LocalDate endsOn) {
    }

    record LeadJson(String id, String name, String company, String email, String source, String campaignId) {
    }

    record QualifyJson(String customerId, OpportunityDraftJson opportunity) {
    }

    record OpportunityDraftJson(String title, MoneyJson amount, LocalDate expectedCloseDate, String ownerId) {
    }

    record OpportunityJson(String id, String customerId, String title, MoneyJson amount,
                           LocalDate expectedCloseDate, OpportunityStage stage, String ownerId) {
    }

    record StageJson(OpportunityStage stage) {
    }

    record ReasonJson(String reason) {
    }

    record ActivityJson(String id, String customerId, ActivityType type, Instant dueAt, String assigneeId,
                        String note) {
    }

    record OutcomeJson(String outcome) {
    }

    record CaseJson(String id, String customerId, String subject, CasePriority priority, String assigneeId) {
    }

    record AssigneeJson(String assigneeId) {
    }

    record PriorityJson(CasePriority priority) {
    }

    record ResolutionJson(String resolution) {
    }

    /** An amount of zero or more, within bounds; {@code null} with a problem added when it is not. */
    static Money amount(List<FieldProblem> problems, String field, MoneyJson json, boolean required) {
        if (json == null) {
            if (required) {
                problems.add(new FieldProblem(field, "is required: {\"amount\": \"1234.50\", \"currency\": \"EUR\"}"));
            }
            return null;
        }
        try {
            Money money = json.toMoney(field);
            if (money.amountMinor() < 0 || money.amountMinor() > MAX_AMOUNT_MINOR) {
                problems.add(new FieldProblem(field + ".amount", "must be between 0 and 100000000000"));
                return null;
            }
            return money;
        } catch (InvalidRequestException invalid) {
            problems.addAll(invalid.errors());
            return null;
        }
    }

    static void required(List<FieldProblem> problems, String field, Object value, String what) {
        if (value == null) {
            problems.add(new FieldProblem(field, "is required: " + what));
        }
    }

    /** An id another aggregate is known by (a customer, a campaign, an employee). */
    static void reference(List<FieldProblem> problems, String field, String value, boolean required) {
        if (required) {
            CustomerRequests.requiredText(problems, field, value, CustomerRequests.MAX_ID_LENGTH);
        } else {
            CustomerRequests.optionalText(problems, field, value, CustomerRequests.MAX_ID_LENGTH);
        }
    }

    /** A required text of at most {@link CustomerRequests#MAX_NAME_LENGTH} characters, trimmed. */
    static String requiredLine(String field, String value) {
        List<FieldProblem> problems = new ArrayList<>();
        CustomerRequests.requiredText(problems, field, value, CustomerRequests.MAX_NAME_LENGTH);
        CustomerRequests.throwIfAny(problems);
        return value.trim();
    }
}
