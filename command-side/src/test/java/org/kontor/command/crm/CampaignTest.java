package org.kontor.command.crm;

import static org.kontor.command.RuleViolations.violationOf;

import java.time.LocalDate;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kontor.command.crm.PipelineCommands.PlanCampaign;
import org.kontor.config.error.CommonRule;
import org.kontor.config.http.CommandOutcome;
import org.kontor.events.common.Money;
import org.kontor.events.crm.CampaignEvent.CampaignPlanned;

class CampaignTest {

    private static final String CAMPAIGN_ID = "9c3d4e5f-6a7b-4c8d-8e9f-1a2b3c4d5e6f";
    private static final LocalDate STARTS = LocalDate.of(2026, 3, 1);
    private static final LocalDate ENDS = LocalDate.of(2026, 3, 31);
    private static final Money BUDGET = Money.of(1_000_000, "EUR");

    private FixtureConfiguration<Campaign> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Campaign.class);
        fixture.registerInjectableResource(new SalesCurrency("EUR"));
    }

    @Test
    void planCampaign_campaignPlanned() {
        fixture.givenNoPriorActivity()
                .when(plan("Spring fair", BUDGET))
                .expectEvents(new CampaignPlanned(CAMPAIGN_ID, "Spring fair", "EVENT", BUDGET, STARTS, ENDS))
                .expectResultMessagePayload(new CommandOutcome(CAMPAIGN_ID, 1, true));
    }

    @Test
    void planCampaignAgain_sameAnswerAndNothingStored() {
        fixture.given(new CampaignPlanned(CAMPAIGN_ID, "Spring fair", "EVENT", BUDGET, STARTS, ENDS))
                .when(plan("Spring fair", BUDGET))
                .expectNoEvents()
                .expectResultMessagePayload(CommandOutcome.repeatedCreate(CAMPAIGN_ID));
    }

    @Test
    void planCampaignAgainDifferently_refusedAsAlreadyExists() {
        fixture.given(new CampaignPlanned(CAMPAIGN_ID, "Spring fair", "EVENT", BUDGET, STARTS, ENDS))
                .when(plan("Autumn fair", BUDGET))
                .expectNoEvents()
                .expectException(violationOf(CommonRule.ALREADY_EXISTS));
    }

    @Test
    void planCampaignWithBudgetInOtherCurrency_refusedAsCurrencyMismatch() {
        fixture.givenNoPriorActivity()
                .when(plan("Spring fair", Money.of(100, "USD")))
                .expectNoEvents()
                .expectException(violationOf(CrmRule.CURRENCY_MISMATCH));
    }

    private static PlanCampaign plan(String name, Money budget) {
        return new PlanCampaign(CAMPAIGN_ID, name, "EVENT", budget, STARTS, ENDS);
    }
}
