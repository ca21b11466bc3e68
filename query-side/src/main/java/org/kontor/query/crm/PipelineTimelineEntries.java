package org.kontor.query.crm;

import java.time.Instant;
import java.util.Locale;
import org.kontor.events.crm.AboutCustomer;
import org.kontor.events.crm.ActivityEvent.ActivityCompleted;
import org.kontor.events.crm.ActivityEvent.ActivityOverdue;
import org.kontor.events.crm.ActivityEvent.ActivityScheduled;
import org.kontor.events.crm.CaseEvent.CaseAssigned;
import org.kontor.events.crm.CaseEvent.CaseOpened;
import org.kontor.events.crm.CaseEvent.CasePriorityChanged;
import org.kontor.events.crm.CaseEvent.CaseReopened;
import org.kontor.events.crm.CaseEvent.CaseResolved;
import org.kontor.events.crm.LeadEvent.LeadQualified;
import org.kontor.events.crm.OpportunityEvent.OpportunityLost;
import org.kontor.events.crm.OpportunityEvent.OpportunityOpened;
import org.kontor.events.crm.OpportunityEvent.OpportunityStageChanged;
import org.kontor.events.crm.OpportunityEvent.OpportunityWon;

/**
 * The timeline sentences of leads, opportunities, follow-ups and cases. An activity becoming
 * overdue is done by the clock, not by a person, so it shows {@value #SYSTEM} as {@code by}.
 */
final class PipelineTimelineEntries {

    static final String SYSTEM = "system";

    private PipelineTimelineEntries() {
    }

    /** The entry for one of these events, or {@code null} for an event of another kind. */
    static TimelineEntry describe(AboutCustomer event, Instant at, String by) {
        String type = event.getClass().getSimpleName();
        if (event instanceof LeadQualified lead) {
            return new TimelineEntry(at, type, "Lead qualified: " + lead.leadName(), lead.leadId(), by);
        }
        if (event instanceof OpportunityOpened opened) {
            return new TimelineEntry(at, type, "Opportunity opened: " + opened.title() + " ("
                    + opened.amount().toDecimalString() + " " + opened.amount().currency() + ")",
                    opened.opportunityId(), by);
        }
        if (event instanceof OpportunityStageChanged changed) {
            return new TimelineEntry(at, type, "Opportunity moved from " + word(changed.from().name()) + " to "
                    + word(changed.to().name()), changed.opportunityId(), by);
        }
        if (event instanceof OpportunityWon won) {
            return new TimelineEntry(at, type, "Opportunity won: " + won.amount().toDecimalString() + " "
                    + won.amount().currency(), won.opportunityId(), by);
        }
        if (event instanceof OpportunityLost lost) {
            return new TimelineEntry(at, type, "Opportunity lost: " + lost.reason(), lost.opportunityId(), by);
        }
        return describeFollowUp(event, type, at, by);
    }

    private static TimelineEntry describeFollowUp(AboutCustomer event, String type, Instant at, String by) {
        if (event instanceof ActivityScheduled scheduled) {
            return new TimelineEntry(at, type, capitalized(scheduled.type().name()) + " due " + scheduled.dueAt()
                    + " for " + scheduled.assigneeId(), scheduled.activityId(), by);
        }
        if (event instanceof ActivityCompleted completed) {
            String outcome = completed.outcome() == null ? "" : ": " + completed.outcome();
            return new TimelineEntry(at, type, "Activity completed" + (completed.late() ? " late" : "") + outcome,
                    completed.activityId(), by);
        }
        if (event instanceof ActivityOverdue overdue) {
            return new TimelineEntry(at, type, "Activity overdue since " + overdue.dueAt() + " (assigned to "
                    + overdue.assigneeId() + ")", overdue.activityId(), SYSTEM);
        }
        return describeCase(event, type, at, by);
    }

    private static TimelineEntry describeCase(AboutCustomer event, String type, Instant at, String by) {
        if (event instanceof CaseOpened opened) {
            return new TimelineEntry(at, type, "Case opened (" + word(opened.priority().name()) + "): "
                    + opened.subject(), opened.caseId(), by);
        }
        if (event instanceof CaseAssigned assigned) {
            return new TimelineEntry(at, type, "Case assigned to " + assigned.assigneeId(), assigned.caseId(), by);
        }
        if (event instanceof CasePriorityChanged changed) {
            return new TimelineEntry(at, type, "Case priority now " + word(changed.priority().name()),
                    changed.caseId(), by);
        }
        if (event instanceof CaseResolved resolved) {
            return new TimelineEntry(at, type, "Case resolved: " + resolved.resolution(), resolved.caseId(), by);
        }
        if (event instanceof CaseReopened reopened) {
            return new TimelineEntry(at, type, "Case reopened: " + reopened.reason(), reopened.caseId(), by);
        }
        return null;
    }

    private static String word(String constant) {
        return constant.toLowerCase(Locale.ROOT);
    }

    private static String capitalized(String constant) {
        return constant.charAt(0) + word(constant.substring(1));
    }
}
