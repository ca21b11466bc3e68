package org.kontor.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/** Campaigns, leads, qualification and opportunities end to end: commands in, views out. */
class PipelineApiTest extends HttpTestSupport {

    private CrmRequests crm;

    @BeforeEach
    void crmRequests() {
        crm = new CrmRequests(http);
    }


    @Test
    void qualifyLead_customerAndOpportunityMadeAndTheLeadShowsWhatItBecame() {
        String leadId = crm.captureLead("Nordwind", null);

        JsonNode answer = crm.post("/api/leads/" + leadId + "/qualify",
                CrmRequests.qualifyJson("40 pallets", "25000.00", "anna"))
                .expectStatus().isCreated()
                .expectHeader().valueEquals(HttpHeaders.ETAG, "\"2\"")
                .expectBody(JsonNode.class).returnResult().getResponseBody();

        String customerId = answer.get("customerId").asText();
        String opportunityId = answer.get("opportunityId").asText();
        assertThat(answer.get("id").asText()).isEqualTo(leadId);
        JsonNode lead = crm.get("/api/leads/{id}?consistent=true", leadId);
        assertThat(lead.get("status").asText()).isEqualTo("QUALIFIED");
        assertThat(lead.get("customerId").asText()).isEqualTo(customerId);
        JsonNode customer = crm.get("/api/customers/{id}?consistent=true", customerId);
        assertThat(customer.get("name").asText()).isEqualTo("Nordwind GmbH");
        assertThat(customer.at("/openOpportunities/count").asLong()).isEqualTo(1);
        assertThat(customer.at("/openOpportunities/amount/amount").asText()).isEqualTo("25000.00");
        JsonNode opportunity = crm.get("/api/opportunities/{id}?consistent=true", opportunityId);
        assertThat(opportunity.get("stage").asText()).isEqualTo("PROSPECTING");
        assertThat(opportunity.get("ownerId").asText()).isEqualTo("anna");
        assertThat(opportunity.get("leadId").asText()).isEqualTo(leadId);
    }

    @Test
    void qualifyLeadAgainTheSameWay_sameAnswerWithOk() {
        String leadId = crm.captureLead("Retry", null);
        String json = CrmRequests.qualifyJson("Retry deal", "100.00", "anna");
        JsonNode first = crm.post("/api/leads/" + leadId + "/qualify", json).expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody();

        JsonNode retry = crm.post("/api/leads/" + leadId + "/qualify", json).expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();

        assertThat(retry).isEqualTo(first);
    }

    @Test
    void qualifyLeadAgainDifferently_unprocessableLeadAlreadyQualified() {
        String leadId = crm.captureLead("Twice", null);
        crm.qualify(leadId, "100.00", "anna");

        crm.post("/api/leads/" + leadId + "/qualify", CrmRequests.qualifyJson("Other deal", "999.00", "anna"))
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.code").isEqualTo("LEAD_ALREADY_QUALIFIED");
    }

    @Test
    void qualifyWithUnknownCustomer_notFound() {
        String leadId = crm.captureLead("Nobody", null);

        crm.post("/api/leads/" + leadId + "/qualify", "{\"customerId\": \"" + newId() + "\"}")
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.code").isEqualTo("NOT_FOUND");
    }

    @Test
    void qualifyWithExistingCustomer_linkedAndNoOpportunityWithoutOne() {
        String customerId = crm.registerCustomer("Existing AG");
        String leadId = crm.captureLead("Existing", null);

        crm.post("/api/leads/" + leadId + "/qualify", "{\"customerId\": \"" + customerId + "\"}")
                .expectStatus().isCreated()
                .expectHeader().location("/api/customers/" + customerId)
                .expectBody().jsonPath("$.customerId").isEqualTo(customerId)
                .jsonPath("$.opportunityId").doesNotExist();
    }

    @Test
    void disqualifyThenQualify_unprocessableLeadDisqualified() {
        String leadId = crm.captureLead("Student", null);
        crm.post("/api/leads/" + leadId + "/disqualify", "{\"reason\": \"No budget\"}").expectStatus().isOk();

        crm.post("/api/leads/" + leadId + "/qualify", "{}")
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.code").isEqualTo("LEAD_DISQUALIFIED");
        assertThat(crm.get("/api/leads/{id}?consistent=true", leadId).get("disqualifiedReason").asText())
                .isEqualTo("No budget");
    }

    @Test
    void disqualifyWithoutReason_badRequestNamingTheReason() {
        String leadId = crm.captureLead("Reasonless", null);

        crm.post("/api/leads/" + leadId + "/disqualify", "{}")
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("reason");
    }

    @Test
    void captureLeadOfUnknownCampaign_notFound() {
        crm.post("/api/leads", "{\"name\": \"Lost\", \"campaignId\": \"" + newId() + "\"}")
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.code").isEqualTo("NOT_FOUND");
    }

    @Test
    void qualifyUnknownLead_notFound() {
        crm.post("/api/leads/" + newId() + "/qualify", "{}").expectStatus().isNotFound();
    }

    @Test
    void opportunityThroughItsStages_historyKeptAndClosedForGoodWhenWon() {
        String customerId = crm.registerCustomer("Stages GmbH");
        String opportunityId = crm.openOpportunity(customerId, "500.00", "stage-owner");
        crm.moveTo(opportunityId, "QUALIFICATION");
        crm.moveTo(opportunityId, "QUALIFICATION"); // the current stage: nothing happens
        crm.moveTo(opportunityId, "NEGOTIATION");
        crm.markWon(opportunityId);

        crm.post("/api/opportunities/" + opportunityId + "/stage", "{\"stage\": \"PROPOSAL\"}")
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.code").isEqualTo("OPPORTUNITY_CLOSED");
        JsonNode opportunity = crm.get("/api/opportunities/{id}?consistent=true", opportunityId);
        List<String> stages = new ArrayList<>();
        opportunity.get("stageHistory").forEach(visit -> stages.add(visit.get("stage").asText()));
        assertThat(stages).containsExactly("PROSPECTING", "QUALIFICATION", "NEGOTIATION", "WON");
        assertThat(opportunity.at("/stageHistory/0/secondsInStage").isNumber()).isTrue();
        assertThat(opportunity.get("version").asLong()).isEqualTo(4);
    }

    @Test
    void markLostWithReason_lostAndLostAgainForTheSameReasonIsOk() {
        String opportunityId = crm.openOpportunity(crm.registerCustomer("Lost GmbH"), "500.00", "anna");

        crm.post("/api/opportunities/" + opportunityId + "/lost", "{\"reason\": \"Price\"}").expectStatus().isOk();
        crm.post("/api/opportunities/" + opportunityId + "/lost", "{\"reason\": \"Price\"}").expectStatus().isOk()
                .expectBody().jsonPath("$.version").isEqualTo(2);
        crm.post("/api/opportunities/" + opportunityId + "/won", "{}")
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.code").isEqualTo("OPPORTUNITY_CLOSED");
    }

    @Test
    void changeStageWithStaleIfMatch_preconditionFailedAndWithCurrentOneOk() {
        String opportunityId = crm.openOpportunity(crm.registerCustomer("Conditional GmbH"), "500.00", "anna");
        crm.moveTo(opportunityId, "QUALIFICATION"); // version 2

        http.post().uri("/api/opportunities/{id}/stage", opportunityId).contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.IF_MATCH, "\"1\"").bodyValue("{\"stage\": \"PROPOSAL\"}")
                .exchange()
                .expectStatus().isEqualTo(412)
                .expectBody().jsonPath("$.code").isEqualTo("VERSION_CONFLICT");
        http.post().uri("/api/opportunities/{id}/stage", opportunityId).contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.IF_MATCH, "\"2\"").bodyValue("{\"stage\": \"PROPOSAL\"}")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ETAG, "\"3\"");
    }

    @Test
    void changeStageToWon_unprocessableStageNotOpen() {
        String opportunityId = crm.openOpportunity(crm.registerCustomer("Shortcut GmbH"), "500.00", "anna");

        crm.post("/api/opportunities/" + opportunityId + "/stage", "{\"stage\": \"WON\"}")
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.code").isEqualTo("STAGE_NOT_OPEN");
    }

    @Test
    void openOpportunityInDollars_unprocessableCurrencyMismatch() {
        crm.post("/api/opportunities", """
                {"customerId": "%s", "title": "Dollar deal", "amount": {"amount": "10.00", "currency": "USD"},
                 "expectedCloseDate": "2026-06-30"}
                """.formatted(crm.registerCustomer("Dollar Inc")))
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.code").isEqualTo("CURRENCY_MISMATCH");
    }

    @Test
    void openOpportunityWithMissingAndInvalidFields_badRequestNamingEach() {
        crm.post("/api/opportunities", """
                {"customerId": "%s", "amount": {"amount": "10.001", "currency": "EUR"}, "stage": "SOMEDAY"}
                """.formatted(newId()))
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("INVALID_REQUEST");
        crm.post("/api/opportunities", """
                {"customerId": "%s", "amount": {"amount": "10.001", "currency": "EUR"}}
                """.formatted(newId()))
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors[?(@.field == 'title')]").exists()
                .jsonPath("$.errors[?(@.field == 'amount.amount')]").exists()
                .jsonPath("$.errors[?(@.field == 'expectedCloseDate')]").exists();
    }

    @Test
    void opportunityOfUnknownId_notFound() {
        crm.post("/api/opportunities/" + newId() + "/won", "{}").expectStatus().isNotFound();
        http.get().uri("/api/opportunities/{id}", newId()).exchange().expectStatus().isNotFound();
    }

    @Test
    void pipelineOfOneOwner_countsAmountsAndWeightedAmountsPerStage() {
        String owner = "owner-" + newId();
        String customerId = crm.registerCustomer("Pipeline GmbH");
        crm.openOpportunity(customerId, "1000.00", owner);
        crm.moveTo(crm.openOpportunity(customerId, "400.00", owner), "PROPOSAL");
        crm.markWon(crm.openOpportunity(customerId, "250.00", owner));

        JsonNode pipeline = crm.get("/api/pipeline?ownerId={owner}&consistent=true", owner);

        assertThat(pipeline.at("/stages/0/stage").asText()).isEqualTo("PROSPECTING");
        assertThat(pipeline.at("/stages/0/count").asLong()).isEqualTo(1);
        assertThat(pipeline.at("/stages/0/amount").asText()).isEqualTo("1000.00");
        assertThat(pipeline.at("/stages/0/weightedAmount").asText()).isEqualTo("100.00");
        assertThat(pipeline.at("/stages/2/weightedAmount").asText()).isEqualTo("200.00");
        assertThat(pipeline.at("/stages/4/stage").asText()).isEqualTo("WON");
        assertThat(pipeline.at("/stages/4/amount").asText()).isEqualTo("250.00");
        assertThat(pipeline.at("/open/count").asLong()).isEqualTo(2);
        assertThat(pipeline.at("/open/amount").asText()).isEqualTo("1400.00");
    }

    @Test
    void campaign_analyticsOfItsOwnLeads() {
        String campaignId = crm.planCampaign("Own campaign", "300.00");
        crm.captureLead("One", campaignId);
        crm.captureLead("Two", campaignId);
        crm.markWon(crm.qualify(crm.captureLead("Three", campaignId), "900.00", "anna"));

        JsonNode campaign = crm.get("/api/campaigns/{id}?consistent=true", campaignId);

        assertThat(campaign.get("leads").asLong()).isEqualTo(3);
        assertThat(campaign.get("qualified").asLong()).isEqualTo(1);
        assertThat(campaign.get("won").asLong()).isEqualTo(1);
        assertThat(campaign.at("/wonAmount/amount").asText()).isEqualTo("900.00");
        assertThat(campaign.at("/costPerLead/amount").asText()).isEqualTo("100.00");
        assertThat(campaign.at("/costPerWonDeal/amount").asText()).isEqualTo("300.00");
    }

    @Test
    void planCampaignEndingBeforeItStarts_badRequest() {
        crm.post("/api/campaigns", """
                {"name": "Backwards", "channel": "WEB", "startsOn": "2026-03-01", "endsOn": "2026-02-01"}
                """)
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("endsOn");
    }

    @Test
    void pipelineEvents_onTheCustomersTimelineWithWhoDidIt() {
        String leadId = crm.captureLead("Timeline", null);
        JsonNode answer = crm.post("/api/leads/" + leadId + "/qualify",
                CrmRequests.qualifyJson("Timeline deal", "10.00", "anna"))
                .expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody();
        crm.markWon(answer.get("opportunityId").asText());

        JsonNode timeline = crm.get("/api/customers/{id}/timeline?consistent=true", answer.get("customerId").asText());

        List<String> types = new ArrayList<>();
        timeline.get("items").forEach(entry -> types.add(entry.get("type").asText()));
        assertThat(types).containsExactly("OpportunityWon", "OpportunityOpened", "LeadQualified",
                "CustomerRegistered");
        timeline.get("items").forEach(entry -> assertThat(entry.get("by").asText()).isEqualTo("admin"));
    }
}
