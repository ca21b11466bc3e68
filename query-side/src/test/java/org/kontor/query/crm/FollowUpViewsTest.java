package org.kontor.query.crm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kontor.query.crm.PipelineEvents.ACME;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kontor.events.crm.ActivityEvent.ActivityCompleted;
import org.kontor.events.crm.ActivityEvent.ActivityOverdue;
import org.kontor.events.crm.ActivityEvent.ActivityScheduled;
import org.kontor.events.crm.ActivityType;
import org.kontor.events.crm.CaseEvent.CaseOpened;
import org.kontor.events.crm.CaseEvent.CaseResolved;
import org.kontor.events.crm.CasePriority;
import org.kontor.events.crm.LeadEvent.LeadCaptured;
import org.kontor.events.crm.LeadEvent.LeadQualified;
import org.kontor.query.crm.PipelineQueries.FetchActivitiesQuery;
import org.kontor.query.crm.PipelineQueries.FetchActivityQuery;
import org.kontor.query.crm.PipelineQueries.FetchCasesQuery;
import org.kontor.query.crm.PipelineQueries.FetchLeadQuery;
import org.kontor.query.crm.PipelineViews.ActivityList;
import org.kontor.query.crm.PipelineViews.ActivityView;
import org.kontor.query.crm.PipelineViews.CaseView;
import org.kontor.query.crm.PipelineViews.LeadView;
import org.kontor.query.projection.ProjectionHarness;
import org.springframework.core.env.StandardEnvironment;

class FollowUpViewsTest {

    private static final Instant DUE = Instant.parse("2026-03-02T10:00:00Z");

    private final ProjectionHarness harness = new ProjectionHarness();
    private final FollowUpQueryHandlers queries = new FollowUpQueryHandlers(harness.database());

    @AfterEach
    void stop() {
        harness.close();
    }

    @Test
    void activityScheduledThenOverdueThenCompleted_statusFollows() {
        ActivityProjection projection = new ActivityProjection(harness.database());
        harness.handle(projection, List.of(harness.next("a-1", 0, scheduled("a-1", "anna", DUE))));
        assertThat(queries.handle(new FetchActivityQuery("a-1")).status()).isEqualTo("OPEN");

        harness.handle(projection, List.of(harness.next("a-1", 1, new ActivityOverdue("a-1", ACME, "anna", DUE))));
        assertThat(queries.handle(new FetchActivityQuery("a-1")).status()).isEqualTo("OVERDUE");

        harness.handle(projection, List.of(harness.next("a-1", 2,
                new ActivityCompleted("a-1", ACME, "anna", "Called", true))));
        ActivityView done = queries.handle(new FetchActivityQuery("a-1"));
        assertThat(done.status()).isEqualTo("COMPLETED");
        assertThat(done.late()).isTrue();
        assertThat(done.version()).isEqualTo(3);
    }

    @Test
    void assigneesOverdueList_onlyTheirOverdueOnesByDueTimeInPages() {
        ActivityProjection projection = new ActivityProjection(harness.database());
        List<org.axonframework.eventhandling.TrackedEventMessage<?>> events = new ArrayList<>();
        for (int index = 0; index < 5; index++) {
            String id = "a-" + index;
            events.add(harness.next(id, 0, scheduled(id, index == 4 ? "bob" : "anna", DUE.minusSeconds(60L * index))));
            events.add(harness.next(id, 1, new ActivityOverdue(id, ACME, "anna", DUE)));
        }
        events.add(harness.next("a-open", 0, scheduled("a-open", "anna", DUE)));
        harness.handle(projection, events);

        ActivityList first = queries.handle(new FetchActivitiesQuery("anna", null, "OVERDUE", 3, null));
        ActivityList second = queries.handle(new FetchActivitiesQuery("anna", null, "OVERDUE", 3,
                first.lastSortKey()));

        assertThat(first.items()).extracting(ActivityView::id).containsExactly("a-3", "a-2", "a-1");
        assertThat(second.items()).extracting(ActivityView::id).containsExactly("a-0");
        assertThat(second.lastSortKey()).isNull();
    }

    @Test
    void casesOfACustomer_filteredByStatus() {
        CaseProjection projection = new CaseProjection(harness.database());
        harness.handle(projection, List.of(
                harness.next("k-1", 0, new CaseOpened("k-1", ACME, "Damaged", CasePriority.HIGH, "bob")),
                harness.next("k-2", 0, new CaseOpened("k-2", ACME, "Late", CasePriority.LOW, null)),
                harness.next("k-2", 1, new CaseResolved("k-2", ACME, "Delivered"))));

        assertThat(queries.handle(new FetchCasesQuery(ACME, null, "OPEN", 10, null)).items())
                .extracting(CaseView::id).containsExactly("k-1");
        assertThat(queries.handle(new FetchCasesQuery(ACME, null, "RESOLVED", 10, null)).items())
                .extracting(CaseView::resolution).containsExactly("Delivered");
    }

    @Test
    void leadCapturedAndQualified_viewShowsWhatItBecame() {
        harness.handle(new LeadProjection(harness.database()), List.of(
                harness.next("l-1", 0, new LeadCaptured("l-1", "Anna Berg", "Nordwind", null, "fair", null)),
                harness.next("l-1", 1, new LeadQualified("l-1", "Anna Berg", ACME, true, "o-1", null))));

        LeadView lead = new PipelineQueryHandlers(harness.database(),
                new StageProbabilities(new StandardEnvironment()), "EUR").handle(new FetchLeadQuery("l-1"));

        assertThat(lead.status()).isEqualTo("QUALIFIED");
        assertThat(lead.customerId()).isEqualTo(ACME);
        assertThat(lead.opportunityId()).isEqualTo("o-1");
        assertThat(lead.version()).isEqualTo(2);
    }

    private static ActivityScheduled scheduled(String id, String assigneeId, Instant dueAt) {
        return new ActivityScheduled(id, ACME, ActivityType.CALL, dueAt, assigneeId, null);
    }
}
