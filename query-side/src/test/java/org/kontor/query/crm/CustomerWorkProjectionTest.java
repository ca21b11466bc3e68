package org.kontor.query.crm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kontor.query.crm.PipelineEvents.ACME;
import static org.kontor.query.crm.PipelineEvents.opened;
import static org.kontor.query.crm.PipelineEvents.won;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kontor.events.crm.CaseEvent.CaseAssigned;
import org.kontor.events.crm.CaseEvent.CaseOpened;
import org.kontor.events.crm.CaseEvent.CaseReopened;
import org.kontor.events.crm.CaseEvent.CaseResolved;
import org.kontor.events.crm.CasePriority;
import org.kontor.events.crm.OpportunityStage;
import org.kontor.query.crm.CustomerQueries.FetchCustomerQuery;
import org.kontor.query.crm.CustomerViews.CustomerView;
import org.kontor.query.crm.CustomerViews.OpenCase;
import org.kontor.query.projection.ProjectionHarness;

class CustomerWorkProjectionTest {

    private final ProjectionHarness harness = new ProjectionHarness();
    private final CustomerProjection customers = new CustomerProjection(harness.database());
    private final CustomerWorkProjection work = new CustomerWorkProjection(harness.database());
    private final CustomerQueryHandlers queries = new CustomerQueryHandlers(harness.database());

    @AfterEach
    void stop() {
        harness.close();
    }

    @Test
    void opportunitiesOpenedAndWon_360ViewCountsTheOpenOnes() {
        harness.handle(customers, List.of(harness.next(ACME, 0, CustomerProjectionTest.registered(ACME, "Acme GmbH"))));
        harness.handle(work, List.of(
                harness.next("o-1", 0, opened("o-1", "anna", OpportunityStage.PROSPECTING, 1000, null)),
                harness.next("o-2", 0, opened("o-2", "anna", OpportunityStage.PROPOSAL, 250, null)),
                harness.next("o-1", 1, won("o-1", "anna", OpportunityStage.PROSPECTING, 1000, null))));

        CustomerView view = queries.handle(new FetchCustomerQuery(ACME));

        assertThat(view.openOpportunities().count()).isEqualTo(1);
        assertThat(view.openOpportunities().amount().amount()).isEqualTo("250.00");
        assertThat(view.version()).as("work on a customer is no change of the customer").isEqualTo(1);
    }

    @Test
    void casesOpenedResolvedAndReopened_360ViewListsTheOpenOnes() {
        harness.handle(customers, List.of(harness.next(ACME, 0, CustomerProjectionTest.registered(ACME, "Acme GmbH"))));
        harness.handle(work, List.of(
                harness.next("k-1", 0, new CaseOpened("k-1", ACME, "Damaged", CasePriority.HIGH, null)),
                harness.next("k-2", 0, new CaseOpened("k-2", ACME, "Late", CasePriority.LOW, null)),
                harness.next("k-1", 1, new CaseAssigned("k-1", ACME, "bob")),
                harness.next("k-2", 1, new CaseResolved("k-2", ACME, "Delivered")),
                harness.next("k-1", 2, new CaseResolved("k-1", ACME, "Replaced")),
                harness.next("k-1", 3, new CaseReopened("k-1", ACME, "Damaged again", "Damaged", CasePriority.HIGH,
                        "bob"))));

        CustomerView view = queries.handle(new FetchCustomerQuery(ACME));

        assertThat(view.openCases()).extracting(OpenCase::id, OpenCase::priority, OpenCase::assigneeId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("k-1", "HIGH", "bob"));
    }

    @Test
    void customerWithoutWork_noOpenOpportunitiesOrCases() {
        harness.handle(customers, List.of(harness.next(ACME, 0, CustomerProjectionTest.registered(ACME, "Acme GmbH"))));

        CustomerView view = queries.handle(new FetchCustomerQuery(ACME));

        assertThat(view.openOpportunities().count()).isZero();
        assertThat(view.openCases()).isEmpty();
    }
}
