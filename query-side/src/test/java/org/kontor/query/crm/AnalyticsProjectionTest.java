package org.kontor.query.crm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kontor.query.crm.PipelineEvents.euros;
import static org.kontor.query.crm.PipelineEvents.lost;
import static org.kontor.query.crm.PipelineEvents.opened;
import static org.kontor.query.crm.PipelineEvents.won;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kontor.events.crm.ActivityEvent.ActivityCompleted;
import org.kontor.events.crm.ActivityEvent.ActivityOverdue;
import org.kontor.events.crm.ActivityEvent.ActivityScheduled;
import org.kontor.events.crm.ActivityType;
import org.kontor.events.crm.CampaignEvent.CampaignPlanned;
import org.kontor.events.crm.LeadEvent.LeadCaptured;
import org.kontor.events.crm.LeadEvent.LeadDisqualified;
import org.kontor.events.crm.LeadEvent.LeadQualified;
import org.kontor.events.crm.OpportunityStage;
import org.kontor.query.crm.PipelineQueries.FetchCampaignAnalyticsQuery;
import org.kontor.query.crm.PipelineQueries.FetchCampaignQuery;
import org.kontor.query.crm.PipelineQueries.FetchEmployeeReportQuery;
import org.kontor.query.crm.PipelineQueries.FetchFunnelQuery;
import org.kontor.query.crm.PipelineViews.CampaignView;
import org.kontor.query.crm.PipelineViews.ConversionRates;
import org.kontor.query.crm.PipelineViews.EmployeeRow;
import org.kontor.query.crm.PipelineViews.FunnelView;
import org.kontor.query.projection.ProjectionHarness;

/**
 * A campaign of four leads on 2 March: three qualified, one disqualified; two of the qualified get
 * opportunities, one won (1200), one lost; one more opportunity is opened directly on 3 March.
 */
class AnalyticsProjectionTest {

    private static final String FAIR = "campaign-fair";
    private static final Instant MARCH_2 = Instant.parse("2026-03-02T10:00:00Z");
    private static final Instant MARCH_3 = Instant.parse("2026-03-03T10:00:00Z");
    private static final LocalDate MARCH_1 = LocalDate.of(2026, 3, 1);

    private final ProjectionHarness harness = new ProjectionHarness();
    private final CampaignProjection campaigns = new CampaignProjection(harness.database());
    private final SalesDayProjection days = new SalesDayProjection(harness.database());
    private final AnalyticsQueryHandlers queries = new AnalyticsQueryHandlers(harness.database());

    @AfterEach
    void stop() {
        harness.close();
    }

    @Test
    void campaign_leadsQualifiedWonAndCosts() {
        List<TrackedEventMessage<?>> story = story();
        harness.handle(campaigns, story);

        CampaignView fair = queries.handle(new FetchCampaignQuery(FAIR));

        assertThat(fair.leads()).isEqualTo(4);
        assertThat(fair.qualified()).isEqualTo(3);
        assertThat(fair.disqualified()).isEqualTo(1);
        assertThat(fair.opportunities()).isEqualTo(2);
        assertThat(fair.won()).isEqualTo(1);
        assertThat(fair.lost()).isEqualTo(1);
        assertThat(fair.wonAmount().amount()).isEqualTo("1200.00");
        assertThat(fair.costPerLead().amount()).isEqualTo("250.00");
        assertThat(fair.costPerWonDeal().amount()).isEqualTo("1000.00");
    }

    @Test
    void campaignsByRange_onlyThoseRunningInIt() {
        harness.handle(campaigns, story());

        assertThat(queries.handle(new FetchCampaignAnalyticsQuery(MARCH_1, MARCH_1.plusDays(5), 10, null)).items())
                .extracting(CampaignView::id).containsExactly(FAIR);
        assertThat(queries.handle(new FetchCampaignAnalyticsQuery(MARCH_1.plusMonths(2), null, 10, null)).items())
                .isEmpty();
    }

    @Test
    void funnel_countsOfTheDaysInRangeWithConversionRates() {
        harness.handle(days, story());

        FunnelView both = queries.handle(new FetchFunnelQuery(MARCH_1, MARCH_1.plusDays(2)));
        FunnelView second = queries.handle(new FetchFunnelQuery(MARCH_1, MARCH_1.plusDays(1)));

        assertThat(both.leads()).isEqualTo(4);
        assertThat(both.qualified()).isEqualTo(3);
        assertThat(both.opportunities()).isEqualTo(3);
        assertThat(both.won()).isEqualTo(1);
        assertThat(both.wonAmount().amount()).isEqualTo("1200.00");
        assertThat(both.conversion()).isEqualTo(new ConversionRates(new BigDecimal("0.7500"),
                new BigDecimal("1.0000"), new BigDecimal("0.3333"), new BigDecimal("0.2500")));
        assertThat(second.opportunities()).as("the direct opportunity of 3 March is outside").isEqualTo(2);
    }

    @Test
    void funnelOfAnEmptyRange_zeroAndNoRates() {
        FunnelView empty = queries.handle(new FetchFunnelQuery(MARCH_1, MARCH_1));

        assertThat(empty.leads()).isZero();
        assertThat(empty.conversion().leadToQualified()).isNull();
    }

    @Test
    void employeeReport_activitiesAndDealsPerEmployee() {
        List<TrackedEventMessage<?>> story = new ArrayList<>(story());
        story.add(harness.next("a-1", 0, new ActivityScheduled("a-1", PipelineEvents.ACME, ActivityType.CALL, MARCH_3,
                "anna", null), MARCH_2));
        story.add(harness.next("a-2", 0, new ActivityScheduled("a-2", PipelineEvents.ACME, ActivityType.TASK, MARCH_3,
                "anna", null), MARCH_2));
        story.add(harness.next("a-1", 1, new ActivityCompleted("a-1", PipelineEvents.ACME, "anna", "Done", false),
                MARCH_3));
        story.add(harness.next("a-2", 1, new ActivityOverdue("a-2", PipelineEvents.ACME, "anna", MARCH_3), MARCH_3));
        harness.handle(days, story);

        List<EmployeeRow> rows = queries.handle(new FetchEmployeeReportQuery(MARCH_1, MARCH_1.plusDays(6))).items();

        assertThat(rows).extracting(EmployeeRow::employeeId).containsExactly("anna", "bob");
        EmployeeRow anna = rows.get(0);
        assertThat(anna.activitiesScheduled()).isEqualTo(2);
        assertThat(anna.activitiesCompleted()).isEqualTo(1);
        assertThat(anna.activitiesOverdue()).isEqualTo(1);
        assertThat(anna.opportunitiesOpened()).isEqualTo(2);
        assertThat(anna.opportunitiesWon()).isEqualTo(1);
        assertThat(anna.wonAmount().amount()).isEqualTo("1200.00");
        assertThat(anna.winRate()).isEqualByComparingTo("1");
        assertThat(rows.get(1).winRate()).isEqualByComparingTo("0");
    }

    @Test
    void batchDeliveredTwice_countedOnce() {
        List<TrackedEventMessage<?>> story = story();
        harness.handle(days, story);
        harness.handle(days, story);
        harness.handle(campaigns, story);
        harness.handle(campaigns, story);

        assertThat(queries.handle(new FetchFunnelQuery(MARCH_1, MARCH_1.plusDays(2))).leads()).isEqualTo(4);
        assertThat(queries.handle(new FetchCampaignQuery(FAIR)).leads()).isEqualTo(4);
    }

    private List<TrackedEventMessage<?>> story() {
        List<TrackedEventMessage<?>> events = new ArrayList<>();
        events.add(harness.next(FAIR, 0, new CampaignPlanned(FAIR, "Spring fair", "EVENT", euros(1000), MARCH_1,
                MARCH_1.plusDays(30)), MARCH_2));
        for (int lead = 1; lead <= 4; lead++) {
            events.add(harness.next("l-" + lead, 0, new LeadCaptured("l-" + lead, "Lead " + lead, null, null, "fair",
                    FAIR), MARCH_2));
        }
        for (int lead = 1; lead <= 3; lead++) {
            events.add(harness.next("l-" + lead, 1, new LeadQualified("l-" + lead, "Lead " + lead, "c-" + lead, true,
                    lead < 3 ? "o-" + lead : null, FAIR), MARCH_2));
        }
        events.add(harness.next("l-4", 1, new LeadDisqualified("l-4", "No budget", FAIR), MARCH_2));
        events.add(harness.next("o-1", 0, opened("o-1", "anna", OpportunityStage.PROSPECTING, 1200, FAIR), MARCH_2));
        events.add(harness.next("o-2", 0, opened("o-2", "bob", OpportunityStage.PROSPECTING, 800, FAIR), MARCH_2));
        events.add(harness.next("o-1", 1, won("o-1", "anna", OpportunityStage.PROSPECTING, 1200, FAIR), MARCH_2));
        events.add(harness.next("o-2", 1, lost("o-2", "bob", OpportunityStage.PROSPECTING, 800, FAIR), MARCH_2));
        events.add(harness.next("o-9", 0, opened("o-9", "anna", OpportunityStage.PROSPECTING, 50, null), MARCH_3));
        return events;
    }
}
