package org.kontor.query.crm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kontor.query.crm.PipelineEvents.moved;
import static org.kontor.query.crm.PipelineEvents.opened;
import static org.kontor.query.crm.PipelineEvents.won;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kontor.events.crm.OpportunityStage;
import org.kontor.query.crm.PipelineQueries.FetchOpportunityQuery;
import org.kontor.query.crm.PipelineViews.OpportunityView;
import org.kontor.query.crm.PipelineViews.StageVisit;
import org.kontor.query.projection.ProjectionHarness;
import org.springframework.core.env.StandardEnvironment;

class OpportunityProjectionTest {

    private static final Instant MONDAY = Instant.parse("2026-03-02T09:00:00Z");

    private final ProjectionHarness harness = new ProjectionHarness();
    private final OpportunityProjection projection = new OpportunityProjection(harness.database());
    private final PipelineQueryHandlers queries = new PipelineQueryHandlers(harness.database(),
            new StageProbabilities(new StandardEnvironment()), "EUR");

    @AfterEach
    void stop() {
        harness.close();
    }

    @Test
    void stagesEnteredAndLeft_historyWithTheTimeSpentInEach() {
        harness.handle(projection, List.of(
                harness.next("o-1", 0, opened("o-1", "anna", OpportunityStage.PROSPECTING, 1000, null), MONDAY),
                harness.next("o-1", 1, moved("o-1", "anna", OpportunityStage.PROSPECTING, OpportunityStage.PROPOSAL,
                        1000), MONDAY.plusSeconds(3600)),
                harness.next("o-1", 2, won("o-1", "anna", OpportunityStage.PROPOSAL, 1000, null),
                        MONDAY.plusSeconds(3600 + 2 * 86_400))));

        OpportunityView view = queries.handle(new FetchOpportunityQuery("o-1"));

        assertThat(view.stage()).isEqualTo("WON");
        assertThat(view.version()).isEqualTo(3);
        assertThat(view.amount().amount()).isEqualTo("1000.00");
        assertThat(view.closedAt()).isEqualTo(MONDAY.plusSeconds(3600 + 2 * 86_400));
        assertThat(view.stageHistory()).containsExactly(
                new StageVisit("PROSPECTING", MONDAY, MONDAY.plusSeconds(3600), 3600L),
                new StageVisit("PROPOSAL", MONDAY.plusSeconds(3600), MONDAY.plusSeconds(3600 + 2 * 86_400),
                        2 * 86_400L),
                new StageVisit("WON", MONDAY.plusSeconds(3600 + 2 * 86_400), null, null));
    }

    @Test
    void unknownOpportunity_noView() {
        assertThat(queries.handle(new FetchOpportunityQuery("o-404"))).isNull();
    }
}
