package org.kontor.command.crm;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.kontor.command.crm.FollowUpCommands.CompleteActivity;
import org.kontor.command.crm.FollowUpCommands.ScheduleActivity;
import org.kontor.config.axon.RequestMetadata;
import org.kontor.config.error.BusinessRuleViolation;
import org.kontor.config.http.CommandOutcome;
import org.kontor.events.crm.ActivityEvent.ActivityCompleted;
import org.kontor.events.crm.ActivityEvent.ActivityOverdue;
import org.kontor.events.crm.ActivityEvent.ActivityScheduled;

/**
 * A follow-up with a customer, due at a time. Scheduling it sets a deadline at its due time; the
 * deadline manager keeps that deadline in the database (db-scheduler on the embedded profile), so it
 * fires after a restart too. When it fires and the activity is still not done, it becomes overdue.
 * A completed activity's deadline is left to fire and do nothing: the handler checks, which is also
 * what makes a deadline delivered twice harmless.
 */
@Aggregate
class Activity {

    static final String DUE_DEADLINE = "activity-due";

    @AggregateIdentifier
    private String activityId;
    private ActivityScheduled scheduled;
    private ActivityCompleted completed;
    private boolean overdue;

    Activity() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    CommandOutcome handle(ScheduleActivity command, KnownCustomers knownCustomers, DeadlineManager deadlines,
                          @MetaDataValue(RequestMetadata.USER_ID) String userId) {
        ActivityScheduled attempt = new ActivityScheduled(command.activityId(), command.customerId(), command.type(),
                command.dueAt(), command.assigneeId() != null ? command.assigneeId() : userId, command.note());
        if (isScheduled()) {
            return RepeatedCreates.repeatOf(scheduled, attempt, "activity", activityId);
        }
        if (!knownCustomers.exists(command.customerId())) {
            throw RepeatedCreates.unknown("customer", command.customerId());
        }
        apply(attempt);
        deadlines.schedule(command.dueAt(), DUE_DEADLINE);
        return CommandOutcome.ofCurrentAggregate(command.activityId(), true);
    }

    /** Completing it again with the same outcome changes nothing; another outcome is refused. */
    @CommandHandler
    CommandOutcome handle(CompleteActivity command) {
        ActivityCompleted attempt = new ActivityCompleted(activityId, scheduled.customerId(),
                scheduled.assigneeId(), command.outcome(), overdue);
        if (completed == null) {
            apply(attempt);
        } else if (!completed.equals(attempt)) {
            throw new BusinessRuleViolation(CrmRule.ACTIVITY_ALREADY_COMPLETED,
                    "Activity " + activityId + " was completed already.");
        }
        return CommandOutcome.ofCurrentAggregate(activityId, false);
    }

    @DeadlineHandler(deadlineName = DUE_DEADLINE)
    void onDue() {
        if (completed == null && !overdue) {
            apply(new ActivityOverdue(activityId, scheduled.customerId(), scheduled.assigneeId(),
                    scheduled.dueAt()));
        }
    }

    private boolean isScheduled() {
        return activityId != null;
    }

    @EventSourcingHandler
    void on(ActivityScheduled event) {
        activityId = event.activityId();
        scheduled = event;
    }

    @EventSourcingHandler
    void on(ActivityOverdue event) {
        overdue = true;
    }

    @EventSourcingHandler
    void on(ActivityCompleted event) {
        completed = event;
    }
}
