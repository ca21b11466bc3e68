package org.kontor.command.crm;

import static org.kontor.command.RuleViolations.violationOf;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kontor.command.crm.FollowUpCommands.AssignCase;
import org.kontor.command.crm.FollowUpCommands.ChangeCasePriority;
import org.kontor.command.crm.FollowUpCommands.OpenCase;
import org.kontor.command.crm.FollowUpCommands.ReopenCase;
import org.kontor.command.crm.FollowUpCommands.ResolveCase;
import org.kontor.config.error.CommonRule;
import org.kontor.config.http.CommandOutcome;
import org.kontor.events.crm.CaseEvent.CaseAssigned;
import org.kontor.events.crm.CaseEvent.CaseOpened;
import org.kontor.events.crm.CaseEvent.CasePriorityChanged;
import org.kontor.events.crm.CaseEvent.CaseReopened;
import org.kontor.events.crm.CaseEvent.CaseResolved;
import org.kontor.events.crm.CasePriority;

class SupportCaseTest {

    private static final String CASE_ID = "2e5f6a7b-8c9d-4e0f-9a1b-3c4d5e6f7a8b";
    private static final String CUSTOMER_ID = "5f0c7f3e-8d1a-4c55-9a52-0c6f1f3b2a11";
    private static final CaseOpened OPENED = new CaseOpened(CASE_ID, CUSTOMER_ID, "Pallets arrived damaged",
            CasePriority.HIGH, null);
    private static final CaseResolved RESOLVED = new CaseResolved(CASE_ID, CUSTOMER_ID, "Replacement delivered");

    private FixtureConfiguration<SupportCase> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(SupportCase.class);
        fixture.registerInjectableResource((KnownCustomers) CUSTOMER_ID::equals);
    }

    @Test
    void openCase_caseOpened() {
        fixture.givenNoPriorActivity()
                .when(new OpenCase(CASE_ID, CUSTOMER_ID, OPENED.subject(), CasePriority.HIGH, null))
                .expectEvents(OPENED)
                .expectResultMessagePayload(new CommandOutcome(CASE_ID, 1, true));
    }

    @Test
    void openCaseForUnknownCustomer_refusedAsNotFound() {
        fixture.givenNoPriorActivity()
                .when(new OpenCase(CASE_ID, "00000000-0000-4000-8000-000000000000", "Broken", CasePriority.LOW, null))
                .expectNoEvents()
                .expectException(violationOf(CommonRule.NOT_FOUND));
    }

    @Test
    void assignAndReprioritise_recorded() {
        fixture.given(OPENED, new CaseAssigned(CASE_ID, CUSTOMER_ID, "bob"))
                .when(new ChangeCasePriority(CASE_ID, CasePriority.URGENT, null))
                .expectEvents(new CasePriorityChanged(CASE_ID, CUSTOMER_ID, CasePriority.URGENT));
    }

    @Test
    void assignToTheCurrentAssignee_nothingHappens() {
        fixture.given(OPENED, new CaseAssigned(CASE_ID, CUSTOMER_ID, "bob"))
                .when(new AssignCase(CASE_ID, "bob", null))
                .expectNoEvents();
    }

    @Test
    void resolveCase_caseResolved() {
        fixture.given(OPENED)
                .when(new ResolveCase(CASE_ID, RESOLVED.resolution(), null))
                .expectEvents(RESOLVED)
                .expectResultMessagePayload(new CommandOutcome(CASE_ID, 2, false));
    }

    @Test
    void resolveAgainTheSameWay_nothingHappens() {
        fixture.given(OPENED, RESOLVED)
                .when(new ResolveCase(CASE_ID, RESOLVED.resolution(), null))
                .expectNoEvents();
    }

    @Test
    void resolveAgainDifferently_refusedAsAlreadyResolved() {
        fixture.given(OPENED, RESOLVED)
                .when(new ResolveCase(CASE_ID, "Refunded", null))
                .expectNoEvents()
                .expectException(violationOf(CrmRule.CASE_ALREADY_RESOLVED));
    }

    @Test
    void assignResolvedCase_refusedAsAlreadyResolved() {
        fixture.given(OPENED, RESOLVED)
                .when(new AssignCase(CASE_ID, "carol", null))
                .expectNoEvents()
                .expectException(violationOf(CrmRule.CASE_ALREADY_RESOLVED));
    }

    @Test
    void reopenResolvedCase_reopenedWithWhatAnOpenCaseShows() {
        fixture.given(OPENED, new CaseAssigned(CASE_ID, CUSTOMER_ID, "bob"), RESOLVED)
                .when(new ReopenCase(CASE_ID, "Replacement damaged too", null))
                .expectEvents(new CaseReopened(CASE_ID, CUSTOMER_ID, "Replacement damaged too", OPENED.subject(),
                        CasePriority.HIGH, "bob"));
    }

    @Test
    void reopenOpenCase_refusedAsNotResolved() {
        fixture.given(OPENED)
                .when(new ReopenCase(CASE_ID, "Again", null))
                .expectNoEvents()
                .expectException(violationOf(CrmRule.CASE_NOT_RESOLVED));
    }

    @Test
    void resolveReopenedCase_resolvedAgain() {
        fixture.given(OPENED, RESOLVED, new CaseReopened(CASE_ID, CUSTOMER_ID, "Again", OPENED.subject(),
                        CasePriority.HIGH, null))
                .when(new ResolveCase(CASE_ID, RESOLVED.resolution(), null))
                .expectEvents(RESOLVED);
    }
}
