package org.kontor.command.crm;

import static org.kontor.command.RuleViolations.violationOf;

import java.time.LocalDate;
import java.util.Map;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kontor.command.crm.PipelineCommands.ChangeOpportunityStage;
import org.kontor.command.crm.PipelineCommands.MarkOpportunityLost;
import org.kontor.command.crm.PipelineCommands.MarkOpportunityWon;
import org.kontor.command.crm.PipelineCommands.OpenOpportunity;
import org.kontor.config.error.CommonRule;
import org.kontor.config.http.CommandOutcome;
import org.kontor.events.common.Money;
import org.kontor.events.crm.OpportunityEvent.OpportunityLost;
import org.kontor.events.crm.OpportunityEvent.OpportunityOpened;
import org.kontor.events.crm.OpportunityEvent.OpportunityStageChanged;
import org.kontor.events.crm.OpportunityEvent.OpportunityWon;
import org.kontor.events.crm.OpportunityStage;

class OpportunityTest {

    private static final String OPPORTUNITY_ID = "8b2c3d4e-5f6a-4b7c-9d8e-0f1a2b3c4d5e";
    private static final String CUSTOMER_ID = "5f0c7f3e-8d1a-4c55-9a52-0c6f1f3b2a11";
    private static final Money DEAL = Money.of(2_500_000, "EUR");
    private static final LocalDate CLOSE = LocalDate.of(2026, 6, 30);
    private static final Map<String, String> BY_ANNA = Map.of("userId", "anna");
    private static final OpportunityOpened OPENED = new OpportunityOpened(OPPORTUNITY_ID, CUSTOMER_ID,
            "40 pallets", DEAL, CLOSE, OpportunityStage.PROSPECTING, "anna", null, null);

    private FixtureConfiguration<Opportunity> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Opportunity.class);
        fixture.registerInjectableResource((KnownCustomers) CUSTOMER_ID::equals);
        fixture.registerInjectableResource(new SalesCurrency("EUR"));
    }

    @Test
    void openOpportunityWithoutOwner_openedAndOwnedByTheUser() {
        fixture.givenNoPriorActivity()
                .when(open(CUSTOMER_ID, DEAL, OpportunityStage.PROSPECTING), BY_ANNA)
                .expectEvents(OPENED)
                .expectResultMessagePayload(new CommandOutcome(OPPORTUNITY_ID, 1, true));
    }

    @Test
    void openOpportunityForUnknownCustomer_refusedAsNotFound() {
        fixture.givenNoPriorActivity()
                .when(open("00000000-0000-4000-8000-000000000000", DEAL, OpportunityStage.PROSPECTING), BY_ANNA)
                .expectNoEvents()
                .expectException(violationOf(CommonRule.NOT_FOUND));
    }

    @Test
    void openOpportunityInOtherCurrency_refusedAsCurrencyMismatch() {
        fixture.givenNoPriorActivity()
                .when(open(CUSTOMER_ID, Money.of(100, "USD"), OpportunityStage.PROSPECTING), BY_ANNA)
                .expectNoEvents()
                .expectException(violationOf(CrmRule.CURRENCY_MISMATCH))
                .expectExceptionMessage("The amount is in USD; the sales pipeline keeps its amounts in EUR.");
    }

    @Test
    void openOpportunityAsWon_refusedAsStageNotOpen() {
        fixture.givenNoPriorActivity()
                .when(open(CUSTOMER_ID, DEAL, OpportunityStage.WON), BY_ANNA)
                .expectNoEvents()
                .expectException(violationOf(CrmRule.STAGE_NOT_OPEN));
    }

    @Test
    void changeStage_stageChangedFromTheCurrentOne() {
        fixture.given(OPENED)
                .when(new ChangeOpportunityStage(OPPORTUNITY_ID, OpportunityStage.PROPOSAL, null))
                .expectEvents(new OpportunityStageChanged(OPPORTUNITY_ID, CUSTOMER_ID, OpportunityStage.PROSPECTING,
                        OpportunityStage.PROPOSAL, DEAL, "anna"))
                .expectResultMessagePayload(new CommandOutcome(OPPORTUNITY_ID, 2, false));
    }

    @Test
    void changeToCurrentStage_nothingHappens() {
        fixture.given(OPENED)
                .when(new ChangeOpportunityStage(OPPORTUNITY_ID, OpportunityStage.PROSPECTING, null))
                .expectNoEvents()
                .expectResultMessagePayload(new CommandOutcome(OPPORTUNITY_ID, 1, false));
    }

    @Test
    void changeStageToWon_refusedAsStageNotOpen() {
        fixture.given(OPENED)
                .when(new ChangeOpportunityStage(OPPORTUNITY_ID, OpportunityStage.WON, null))
                .expectNoEvents()
                .expectException(violationOf(CrmRule.STAGE_NOT_OPEN));
    }

    @Test
    void markWon_wonFromTheCurrentStage() {
        fixture.given(OPENED)
                .when(new MarkOpportunityWon(OPPORTUNITY_ID, null))
                .expectEvents(new OpportunityWon(OPPORTUNITY_ID, CUSTOMER_ID, OpportunityStage.PROSPECTING, DEAL,
                        "anna", null));
    }

    @Test
    void markWonAgain_nothingHappens() {
        fixture.given(OPENED, won())
                .when(new MarkOpportunityWon(OPPORTUNITY_ID, null))
                .expectNoEvents()
                .expectResultMessagePayload(new CommandOutcome(OPPORTUNITY_ID, 2, false));
    }

    @Test
    void changeStageOfWonOpportunity_refusedAsClosed() {
        fixture.given(OPENED, won())
                .when(new ChangeOpportunityStage(OPPORTUNITY_ID, OpportunityStage.NEGOTIATION, null))
                .expectNoEvents()
                .expectException(violationOf(CrmRule.OPPORTUNITY_CLOSED));
    }

    @Test
    void markWonOpportunityLost_refusedAsClosed() {
        fixture.given(OPENED, won())
                .when(new MarkOpportunityLost(OPPORTUNITY_ID, "Changed their mind", null))
                .expectNoEvents()
                .expectException(violationOf(CrmRule.OPPORTUNITY_CLOSED));
    }

    @Test
    void markLost_lostWithTheReason() {
        fixture.given(OPENED)
                .when(new MarkOpportunityLost(OPPORTUNITY_ID, "Price too high", null))
                .expectEvents(new OpportunityLost(OPPORTUNITY_ID, CUSTOMER_ID, OpportunityStage.PROSPECTING,
                        "Price too high", DEAL, "anna", null));
    }

    @Test
    void markLostAgainForTheSameReason_nothingHappens() {
        fixture.given(OPENED, new OpportunityLost(OPPORTUNITY_ID, CUSTOMER_ID, OpportunityStage.PROSPECTING,
                        "Price too high", DEAL, "anna", null))
                .when(new MarkOpportunityLost(OPPORTUNITY_ID, "Price too high", null))
                .expectNoEvents();
    }

    private static OpportunityWon won() {
        return new OpportunityWon(OPPORTUNITY_ID, CUSTOMER_ID, OpportunityStage.PROSPECTING, DEAL, "anna", null);
    }

    private static OpenOpportunity open(String customerId, Money amount, OpportunityStage stage) {
        return new OpenOpportunity(OPPORTUNITY_ID, customerId, "40 pallets", amount, CLOSE, stage, null);
    }
}
