package org.kontor.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kontor.server.KontorServer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The sales story from first contact to a won deal: a campaign brings leads, one is qualified into
 * a customer and an opportunity, the opportunity moves through its stages and is won, another lead
 * is disqualified. The funnel counts by the day events are recorded, so this story runs on a server
 * and data directory of its own: today's numbers are exactly this story's.
 */
@AutoConfigureObservability
@SpringBootTest(classes = KontorServer.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"erp.security.admin-password=" + SalesFunnelScenarioTest.ADMIN_PASSWORD,
                "server.shutdown=immediate"})
@DirtiesContext // its own server: stopped after the story, never shared with other tests
class SalesFunnelScenarioTest {

    static final String ADMIN_PASSWORD = "funnel-admin-password";
    private static final Path OWN_DATA_DIRECTORY = ownDirectory();

    @Autowired
    WebTestClient anonymous;
    private CrmRequests crm;

    @DynamicPropertySource
    static void storage(DynamicPropertyRegistry registry) {
        registry.add("erp.data-dir", OWN_DATA_DIRECTORY::toString);
    }

    @BeforeEach
    void signInAsAdministrator() {
        crm = new CrmRequests(anonymous.mutate()
                .defaultHeaders(headers -> headers.setBasicAuth("admin", ADMIN_PASSWORD)).build());
    }

    @Test
    void campaignToWonDeal_funnelAndCampaignNumbersTellTheStory() {
        String owner = "scenario-rep";
        // Marketing plans a fair with a budget of 600.00; three visitors leave their details.
        String campaignId = crm.planCampaign("Spring fair", "600.00");
        String nordwind = crm.captureLead("Nordwind", campaignId);
        String student = crm.captureLead("Student", campaignId);
        crm.captureLead("Undecided", campaignId);

        // Sales qualifies Nordwind: a customer and an opportunity of 12000.00 in one step.
        String opportunityId = crm.qualify(nordwind, "12000.00", owner);
        // The student has no budget.
        crm.post("/api/leads/" + student + "/disqualify", "{\"reason\": \"No budget\"}").expectStatus().isOk();

        // The opportunity moves through the stages; the weighted pipeline follows it.
        crm.moveTo(opportunityId, "QUALIFICATION");
        crm.moveTo(opportunityId, "PROPOSAL");
        JsonNode pipeline = crm.get("/api/pipeline?ownerId={owner}&consistent=true", owner);
        assertThat(pipeline.at("/stages/2/stage").asText()).isEqualTo("PROPOSAL");
        assertThat(pipeline.at("/stages/2/weightedAmount").asText()).isEqualTo("6000.00");
        crm.moveTo(opportunityId, "NEGOTIATION");
        crm.markWon(opportunityId);

        // Today's funnel: 3 leads, 1 qualified, 1 opportunity, 1 won.
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        JsonNode funnel = crm.get("/api/analytics/funnel?from={from}&to={to}&consistent=true", today.minusDays(1),
                today.plusDays(1));
        assertThat(funnel.get("leads").asLong()).isEqualTo(3);
        assertThat(funnel.get("qualified").asLong()).isEqualTo(1);
        assertThat(funnel.get("opportunities").asLong()).isEqualTo(1);
        assertThat(funnel.get("won").asLong()).isEqualTo(1);
        assertThat(funnel.at("/wonAmount/amount").asText()).isEqualTo("12000.00");
        assertThat(funnel.at("/conversion/leadToQualified").decimalValue()).isEqualByComparingTo("0.3333");
        assertThat(funnel.at("/conversion/qualifiedToOpportunity").decimalValue()).isEqualByComparingTo("1");
        assertThat(funnel.at("/conversion/opportunityToWon").decimalValue()).isEqualByComparingTo("1");

        // The campaign's own numbers: 600.00 for three leads and one won deal.
        JsonNode campaigns = crm.get("/api/analytics/campaigns?from={from}&to={to}&consistent=true", today, today);
        assertThat(campaigns.get("items")).hasSize(1);
        JsonNode fair = campaigns.at("/items/0");
        assertThat(fair.get("id").asText()).isEqualTo(campaignId);
        assertThat(fair.get("leads").asLong()).isEqualTo(3);
        assertThat(fair.get("qualified").asLong()).isEqualTo(1);
        assertThat(fair.get("disqualified").asLong()).isEqualTo(1);
        assertThat(fair.get("opportunities").asLong()).isEqualTo(1);
        assertThat(fair.get("won").asLong()).isEqualTo(1);
        assertThat(fair.at("/wonAmount/amount").asText()).isEqualTo("12000.00");
        assertThat(fair.at("/costPerLead/amount").asText()).isEqualTo("200.00");
        assertThat(fair.at("/costPerWonDeal/amount").asText()).isEqualTo("600.00");

        // The rep's week: one opportunity opened and won.
        JsonNode employees = crm.get("/api/analytics/employees?from={from}&to={to}&consistent=true", today, today);
        assertThat(employees.at("/items/0/employeeId").asText()).isEqualTo(owner);
        assertThat(employees.at("/items/0/opportunitiesWon").asLong()).isEqualTo(1);
        assertThat(employees.at("/items/0/winRate").decimalValue()).isEqualByComparingTo("1");
    }

    private static Path ownDirectory() {
        return HttpTest.createDataDirectory("kontor-funnel-scenario");
    }
}
