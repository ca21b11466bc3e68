package org.kontor.query.crm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kontor.query.crm.PipelineEvents.lost;
import static org.kontor.query.crm.PipelineEvents.moved;
import static org.kontor.query.crm.PipelineEvents.opened;
import static org.kontor.query.crm.PipelineEvents.won;

import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kontor.events.crm.OpportunityStage;
import org.kontor.query.crm.PipelineQueries.FetchPipelineQuery;
import org.kontor.query.crm.PipelineViews.PipelineView;
import org.kontor.query.crm.PipelineViews.StageTotals;
import org.kontor.query.projection.ProjectionHarness;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class PipelineProjectionTest {

    private final ProjectionHarness harness = new ProjectionHarness();
    private final PipelineProjection projection = new PipelineProjection(harness.database());

    @AfterEach
    void stop() {
        harness.close();
    }

    @Test
    void opportunitiesOpenedMovedAndClosed_eachStageCountsWhatIsInItNow() {
        harness.handle(projection, threeDeals());

        PipelineView all = queries(Map.of()).handle(new FetchPipelineQuery(null));

        assertThat(all.stages()).containsExactly(
                new StageTotals("PROSPECTING", 10, 0, "0.00", "0.00"),
                new StageTotals("QUALIFICATION", 25, 0, "0.00", "0.00"),
                new StageTotals("PROPOSAL", 50, 1, "1000.00", "500.00"),
                new StageTotals("NEGOTIATION", 75, 0, "0.00", "0.00"),
                new StageTotals("WON", 100, 1, "300.00", "300.00"),
                new StageTotals("LOST", 0, 1, "200.00", "0.00"));
        assertThat(all.open().count()).isEqualTo(1);
        assertThat(all.open().weightedAmount()).isEqualTo("500.00");
        assertThat(all.currency()).isEqualTo("EUR");
    }

    @Test
    void pipelineOfOneOwner_onlyTheirOpportunities() {
        harness.handle(projection, threeDeals());

        PipelineView bob = queries(Map.of()).handle(new FetchPipelineQuery("bob"));

        assertThat(bob.ownerId()).isEqualTo("bob");
        assertThat(bob.stages()).filteredOn(stage -> stage.count() > 0)
                .extracting(StageTotals::stage).containsExactly("LOST");
    }

    @Test
    void configuredProbabilities_weighTheSameAmounts() {
        harness.handle(projection, threeDeals());

        PipelineView all = queries(Map.of(StageProbabilities.PREFIX + "PROPOSAL", "33"))
                .handle(new FetchPipelineQuery(null));

        assertThat(all.stages().get(2)).isEqualTo(new StageTotals("PROPOSAL", 33, 1, "1000.00", "330.00"));
    }

    @Test
    void ownerWithoutOpportunities_emptyStages() {
        PipelineView nobody = queries(Map.of()).handle(new FetchPipelineQuery("nobody"));

        assertThat(nobody.stages()).allSatisfy(stage -> assertThat(stage.count()).isZero());
        assertThat(nobody.open().amount()).isEqualTo("0.00");
    }

    @Test
    void batchDeliveredTwice_appliedOnce() {
        List<TrackedEventMessage<?>> batch = threeDeals();

        harness.handle(projection, batch);
        harness.handle(projection, batch);

        PipelineView all = queries(Map.of()).handle(new FetchPipelineQuery(null));
        assertThat(all.stages()).extracting(StageTotals::count).containsExactly(0L, 0L, 1L, 0L, 1L, 1L);
    }

    /** Anna opens 1000 and 300 and moves them on, winning the 300; Bob loses 200. */
    private List<TrackedEventMessage<?>> threeDeals() {
        return List.of(
                harness.next("o-1", 0, opened("o-1", "anna", OpportunityStage.PROSPECTING, 1000, null)),
                harness.next("o-2", 0, opened("o-2", "anna", OpportunityStage.QUALIFICATION, 300, null)),
                harness.next("o-3", 0, opened("o-3", "bob", OpportunityStage.PROSPECTING, 200, null)),
                harness.next("o-1", 1, moved("o-1", "anna", OpportunityStage.PROSPECTING, OpportunityStage.PROPOSAL,
                        1000)),
                harness.next("o-2", 1, won("o-2", "anna", OpportunityStage.QUALIFICATION, 300, null)),
                harness.next("o-3", 1, lost("o-3", "bob", OpportunityStage.PROSPECTING, 200, null)));
    }

    private PipelineQueryHandlers queries(Map<String, Object> properties) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
        return new PipelineQueryHandlers(harness.database(), new StageProbabilities(environment), "EUR");
    }
}
