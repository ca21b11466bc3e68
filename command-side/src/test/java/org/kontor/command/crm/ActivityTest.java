package org.kontor.command.crm;

import static org.kontor.command.RuleViolations.violationOf;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kontor.command.crm.FollowUpCommands.CompleteActivity;
import org.kontor.command.crm.FollowUpCommands.ScheduleActivity;
import org.kontor.config.error.CommonRule;
import org.kontor.config.http.CommandOutcome;
import org.kontor.events.crm.ActivityEvent.ActivityCompleted;
import org.kontor.events.crm.ActivityEvent.ActivityOverdue;
import org.kontor.events.crm.ActivityEvent.ActivityScheduled;
import org.kontor.events.crm.ActivityType;

class ActivityTest {

    private static final String ACTIVITY_ID = "1d4e5f6a-7b8c-4d9e-8f0a-2b3c4d5e6f7a";
    private static final String CUSTOMER_ID = "5f0c7f3e-8d1a-4c55-9a52-0c6f1f3b2a11";
    private static final Instant NOW = Instant.parse("2026-03-02T08:00:00Z");
    private static final Instant DUE = Instant.parse("2026-03-02T10:00:00Z");
    private static final ActivityScheduled SCHEDULED = new ActivityScheduled(ACTIVITY_ID, CUSTOMER_ID,
            ActivityType.CALL, DUE, "anna", "Call back about the quote");

    private FixtureConfiguration<Activity> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Activity.class);
        fixture.registerInjectableResource((KnownCustomers) CUSTOMER_ID::equals);
    }

    @Test
    void scheduleActivityWithoutAssignee_scheduledForTheUserWithADeadlineAtItsDueTime() {
        fixture.givenCurrentTime(NOW)
                .when(schedule(null), Map.of("userId", "anna"))
                .expectEvents(SCHEDULED)
                .expectScheduledDeadlineWithName(DUE, Activity.DUE_DEADLINE)
                .expectResultMessagePayload(new CommandOutcome(ACTIVITY_ID, 1, true));
    }

    @Test
    void scheduleActivityForUnknownCustomer_refusedAsNotFound() {
        fixture.givenNoPriorActivity()
                .when(new ScheduleActivity(ACTIVITY_ID, "00000000-0000-4000-8000-000000000000", ActivityType.CALL,
                        DUE, "anna", null))
                .expectNoEvents()
                .expectNoScheduledDeadlines()
                .expectException(violationOf(CommonRule.NOT_FOUND));
    }

    @Test
    void dueTimePassesWithoutCompletion_activityOverdue() {
        fixture.givenCurrentTime(NOW)
                .andGivenCommands(schedule("anna"))
                .whenTimeAdvancesTo(DUE)
                .expectTriggeredDeadlinesWithName(Activity.DUE_DEADLINE)
                .expectEvents(new ActivityOverdue(ACTIVITY_ID, CUSTOMER_ID, "anna", DUE));
    }

    @Test
    void dueTimePassesAfterCompletion_nothingHappens() {
        fixture.givenCurrentTime(NOW)
                .andGivenCommands(schedule("anna"), new CompleteActivity(ACTIVITY_ID, "Reached her", null))
                .whenTimeElapses(Duration.ofHours(3))
                .expectTriggeredDeadlinesWithName(Activity.DUE_DEADLINE)
                .expectNoEvents();
    }

    @Test
    void completeActivity_completedOnTime() {
        fixture.given(SCHEDULED)
                .when(new CompleteActivity(ACTIVITY_ID, "Reached her", null))
                .expectEvents(new ActivityCompleted(ACTIVITY_ID, CUSTOMER_ID, "anna", "Reached her", false))
                .expectResultMessagePayload(new CommandOutcome(ACTIVITY_ID, 2, false));
    }

    @Test
    void completeOverdueActivity_completedLate() {
        fixture.given(SCHEDULED, new ActivityOverdue(ACTIVITY_ID, CUSTOMER_ID, "anna", DUE))
                .when(new CompleteActivity(ACTIVITY_ID, null, null))
                .expectEvents(new ActivityCompleted(ACTIVITY_ID, CUSTOMER_ID, "anna", null, true));
    }

    @Test
    void completeAgainWithTheSameOutcome_nothingHappens() {
        fixture.given(SCHEDULED, new ActivityCompleted(ACTIVITY_ID, CUSTOMER_ID, "anna", "Reached her", false))
                .when(new CompleteActivity(ACTIVITY_ID, "Reached her", null))
                .expectNoEvents()
                .expectResultMessagePayload(new CommandOutcome(ACTIVITY_ID, 2, false));
    }

    @Test
    void completeAgainWithAnotherOutcome_refusedAsAlreadyCompleted() {
        fixture.given(SCHEDULED, new ActivityCompleted(ACTIVITY_ID, CUSTOMER_ID, "anna", "Reached her", false))
                .when(new CompleteActivity(ACTIVITY_ID, "Left a message", null))
                .expectNoEvents()
                .expectException(violationOf(CrmRule.ACTIVITY_ALREADY_COMPLETED));
    }

    private static ScheduleActivity schedule(String assigneeId) {
        return new ScheduleActivity(ACTIVITY_ID, CUSTOMER_ID, ActivityType.CALL, DUE, assigneeId, SCHEDULED.note());
    }
}
