package org.kontor.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.function.Predicate;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Requests the CRM pipeline tests make again and again, each with ids of its own. */
final class CrmRequests {

    private final WebTestClient http;

    CrmRequests(WebTestClient http) {
        this.http = http;
    }

    static String newId() {
        return HttpTestSupport.newId();
    }

    String registerCustomer(String name) {
        String id = newId();
        post("/api/customers", HttpTestSupport.customerJson(id, name)).expectStatus().isCreated();
        return id;
    }

    WebTestClient.ResponseSpec post(String path, String json) {
        return http.post().uri(path).contentType(MediaType.APPLICATION_JSON).bodyValue(json).exchange();
    }

    JsonNode get(String path, Object... variables) {
        return http.get().uri(path, variables).exchange()
                .expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    /** Reads until {@code ready} holds, at most {@code maxWait}: for views fed by a deadline. */
    JsonNode getUntil(Predicate<JsonNode> ready, Duration maxWait, String path, Object... variables)
            throws InterruptedException {
        Instant giveUp = Instant.now().plus(maxWait);
        JsonNode found = get(path, variables);
        while (!ready.test(found) && Instant.now().isBefore(giveUp)) {
            Thread.sleep(200);
            found = get(path, variables);
        }
        return found;
    }

    String planCampaign(String name, String budget) {
        String id = newId();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        post("/api/campaigns", """
                {"id": "%s", "name": "%s", "channel": "EVENT", "budget": {"amount": "%s", "currency": "EUR"},
                 "startsOn": "%s", "endsOn": "%s"}
                """.formatted(id, name, budget, today.minusDays(30), today.plusDays(30))).expectStatus().isCreated();
        return id;
    }

    String captureLead(String name, String campaignId) {
        String id = newId();
        post("/api/leads", """
                {"id": "%s", "name": "%s", "company": "%s GmbH", "email": "lead@example.com", "source": "fair",
                 "campaignId": %s}
                """.formatted(id, name, name, campaignId == null ? "null" : "\"" + campaignId + "\""))
                .expectStatus().isCreated();
        return id;
    }

    static String qualifyJson(String title, String amount, String ownerId) {
        return """
                {"opportunity": {"title": "%s", "amount": {"amount": "%s", "currency": "EUR"},
                 "expectedCloseDate": "2026-06-30", "ownerId": "%s"}}
                """.formatted(title, amount, ownerId);
    }

    /** Qualifies the lead with an opportunity and answers the opportunity's id. */
    String qualify(String leadId, String amount, String ownerId) {
        return post("/api/leads/" + leadId + "/qualify", qualifyJson("Deal of " + leadId, amount, ownerId))
                .expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody().get("opportunityId").asText();
    }

    String openOpportunity(String customerId, String amount, String ownerId) {
        String id = newId();
        post("/api/opportunities", """
                {"id": "%s", "customerId": "%s", "title": "Direct deal", "amount": {"amount": "%s", "currency": "EUR"},
                 "expectedCloseDate": "2026-06-30", "ownerId": "%s"}
                """.formatted(id, customerId, amount, ownerId)).expectStatus().isCreated();
        return id;
    }

    void moveTo(String opportunityId, String stage) {
        post("/api/opportunities/" + opportunityId + "/stage", "{\"stage\": \"" + stage + "\"}")
                .expectStatus().isOk();
    }

    void markWon(String opportunityId) {
        post("/api/opportunities/" + opportunityId + "/won", "{}").expectStatus().isOk();
    }
}
