package org.kontor.command.crm;

import static org.kontor.command.RuleViolations.violationOf;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kontor.command.crm.PipelineCommands.CaptureLead;
import org.kontor.command.crm.PipelineCommands.DisqualifyLead;
import org.kontor.config.error.CommonRule;
import org.kontor.config.http.CommandOutcome;
import org.kontor.events.crm.LeadEvent.LeadCaptured;
import org.kontor.events.crm.LeadEvent.LeadDisqualified;
import org.kontor.events.crm.LeadEvent.LeadQualified;

class LeadTest {

    private static final String LEAD_ID = "7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
    private static final String CAMPAIGN_ID = "9c3d4e5f-6a7b-4c8d-8e9f-1a2b3c4d5e6f";
    private static final String UNKNOWN_CAMPAIGN_ID = "00000000-0000-4000-8000-000000000000";
    private static final LeadCaptured CAPTURED = new LeadCaptured(LEAD_ID, "Anna Berg", "Nordwind GmbH",
            "anna.berg@nordwind.example", "fair", CAMPAIGN_ID);

    private FixtureConfiguration<Lead> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Lead.class);
        fixture.registerInjectableResource((KnownCampaigns) CAMPAIGN_ID::equals);
    }

    @Test
    void captureLead_leadCaptured() {
        fixture.givenNoPriorActivity()
                .when(capture(CAMPAIGN_ID, "fair"))
                .expectEvents(CAPTURED)
                .expectResultMessagePayload(new CommandOutcome(LEAD_ID, 1, true));
    }

    @Test
    void captureLeadOfUnknownCampaign_refusedAsNotFound() {
        fixture.givenNoPriorActivity()
                .when(capture(UNKNOWN_CAMPAIGN_ID, "fair"))
                .expectNoEvents()
                .expectException(violationOf(CommonRule.NOT_FOUND))
                .expectExceptionMessage("No campaign with id " + UNKNOWN_CAMPAIGN_ID + ".");
    }

    @Test
    void captureLeadAgainWithSameContent_nothingHappens() {
        fixture.given(CAPTURED)
                .when(capture(CAMPAIGN_ID, "fair"))
                .expectNoEvents()
                .expectResultMessagePayload(CommandOutcome.repeatedCreate(LEAD_ID));
    }

    @Test
    void captureLeadAgainWithOtherContent_refusedAsAlreadyExists() {
        fixture.given(CAPTURED)
                .when(capture(CAMPAIGN_ID, "website"))
                .expectNoEvents()
                .expectException(violationOf(CommonRule.ALREADY_EXISTS));
    }

    @Test
    void disqualifyLead_leadDisqualifiedWithItsCampaign() {
        fixture.given(CAPTURED)
                .when(new DisqualifyLead(LEAD_ID, "No budget", null))
                .expectEvents(new LeadDisqualified(LEAD_ID, "No budget", CAMPAIGN_ID))
                .expectResultMessagePayload(new CommandOutcome(LEAD_ID, 2, false));
    }

    @Test
    void disqualifyLeadAgainForTheSameReason_nothingHappens() {
        fixture.given(CAPTURED, new LeadDisqualified(LEAD_ID, "No budget", CAMPAIGN_ID))
                .when(new DisqualifyLead(LEAD_ID, "No budget", null))
                .expectNoEvents()
                .expectResultMessagePayload(new CommandOutcome(LEAD_ID, 2, false));
    }

    @Test
    void disqualifyLeadAgainForAnotherReason_refusedAsDisqualified() {
        fixture.given(CAPTURED, new LeadDisqualified(LEAD_ID, "No budget", CAMPAIGN_ID))
                .when(new DisqualifyLead(LEAD_ID, "Competitor", null))
                .expectNoEvents()
                .expectException(violationOf(CrmRule.LEAD_DISQUALIFIED));
    }

    @Test
    void disqualifyQualifiedLead_refusedAsAlreadyQualified() {
        fixture.given(CAPTURED, new LeadQualified(LEAD_ID, "Anna Berg", "c-1", true, null, CAMPAIGN_ID))
                .when(new DisqualifyLead(LEAD_ID, "No budget", null))
                .expectNoEvents()
                .expectException(violationOf(CrmRule.LEAD_ALREADY_QUALIFIED));
    }

    private static CaptureLead capture(String campaignId, String source) {
        return new CaptureLead(LEAD_ID, CAPTURED.name(), CAPTURED.company(), CAPTURED.email(), source, campaignId);
    }
}
