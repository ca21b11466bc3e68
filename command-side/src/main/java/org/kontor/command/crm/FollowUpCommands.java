package org.kontor.command.crm;

import java.time.Instant;
import java.util.Objects;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.kontor.events.crm.ActivityType;
import org.kontor.events.crm.CasePriority;

/**
 * The commands of follow-up activities and support cases. A command on an existing aggregate
 * carries the version the client expects ({@code If-Match}), or null.
 */
final class FollowUpCommands {

    private FollowUpCommands() {
    }

    /** Schedule a follow-up; without an assignee, the user who schedules it does it. */
    record ScheduleActivity(@TargetAggregateIdentifier String activityId, String customerId, ActivityType type,
                            Instant dueAt, String assigneeId, String note) {

        ScheduleActivity {
            Objects.requireNonNull(activityId, "activityId");
            Objects.requireNonNull(customerId, "customerId");
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(dueAt, "dueAt");
        }
    }

    record CompleteActivity(@TargetAggregateIdentifier String activityId, String outcome,
                            @TargetAggregateVersion Long expectedVersion) {

        CompleteActivity {
            Objects.requireNonNull(activityId, "activityId");
        }
    }

    record OpenCase(@TargetAggregateIdentifier String caseId, String customerId, String subject,
                    CasePriority priority, String assigneeId) {

        OpenCase {
            Objects.requireNonNull(caseId, "caseId");
            Objects.requireNonNull(customerId, "customerId");
            Objects.requireNonNull(subject, "subject");
            Objects.requireNonNull(priority, "priority");
        }
    }

    record AssignCase(@TargetAggregateIdentifier String caseId, String assigneeId,
                      @TargetAggregateVersion Long expectedVersion) {

        AssignCase {
            Objects.requireNonNull(caseId, "caseId");
            Objects.requireNonNull(assigneeId, "assigneeId");
        }
    }

    record ChangeCasePriority(@TargetAggregateIdentifier String caseId, CasePriority priority,
                              @TargetAggregateVersion Long expectedVersion) {

        ChangeCasePriority {
            Objects.requireNonNull(caseId, "caseId");
            Objects.requireNonNull(priority, "priority");
        }
    }

    record ResolveCase(@TargetAggregateIdentifier String caseId, String resolution,
                       @TargetAggregateVersion Long expectedVersion) {

        ResolveCase {
            Objects.requireNonNull(caseId, "caseId");
            Objects.requireNonNull(resolution, "resolution");
        }
    }

    record ReopenCase(@TargetAggregateIdentifier String caseId, String reason,
                      @TargetAggregateVersion Long expectedVersion) {

        ReopenCase {
            Objects.requireNonNull(caseId, "caseId");
            Objects.requireNonNull(reason, "reason");
        }
    }
}
