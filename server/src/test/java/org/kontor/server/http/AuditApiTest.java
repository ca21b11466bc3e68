package org.kontor.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/**
 * The event browser and aggregate history (API.md, Audit rows): stored events in global order with
 * the metadata of the command behind them, filtered, paged and bounded, secrets redacted.
 */
class AuditApiTest extends HttpTestSupport {

    private AuditClient audit;

    @BeforeEach
    void auditClient() {
        audit = new AuditClient(http);
    }

    @Test
    void history_everyEventOfTheAggregateInOrderWithWhoDidItAndItsLink() throws InterruptedException {
        String id = registerCustomer("Audited Trading AG");
        http.patch().uri("/api/customers/{id}", id).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"phone\": \"+49 30 999999\"}").exchange().expectStatus().isOk();

        JsonNode history = audit.linkedHistory(id);

        assertThat(history).hasSize(2);
        JsonNode registered = history.get(0);
        assertThat(registered.get("aggregateId").asText()).isEqualTo(id);
        assertThat(registered.get("aggregateType").asText()).isEqualTo("Customer");
        assertThat(registered.get("sequence").asLong()).isZero();
        assertThat(registered.get("type").asText()).isEqualTo("CustomerRegistered");
        assertThat(registered.get("payload").get("name").asText()).isEqualTo("Audited Trading AG");
        assertThat(registered.get("metadata").get("userId").asText()).isEqualTo("admin");
        assertThat(registered.get("metadata").get("requestId").asText()).isNotBlank();
        assertThat(registered.get("metadata").get("correlationId").asText()).isNotBlank();
        assertThat(registered.get("timestamp").asText()).endsWith("Z");
        assertThat(registered.get("hash").asText()).matches("[0-9a-f]{64}");
        JsonNode changed = history.get(1);
        assertThat(changed.get("sequence").asLong()).isEqualTo(1);
        assertThat(changed.get("position").asLong()).isGreaterThan(registered.get("position").asLong());
        assertThat(changed.get("payload").toString()).contains("+49 30 999999");
    }

    @Test
    void events_inGlobalOrderFromAPositionPagedByCursor() {
        String first = registerCustomer("Paged One KG");
        String second = registerCustomer("Paged Two KG");
        JsonNode firstEvent = audit.get("/api/audit/events?aggregateId={id}", first).get("items").get(0);
        long start = firstEvent.get("position").asLong() - 1;

        JsonNode page = audit.get("/api/audit/events?after={after}&limit=1", start);
        assertThat(page.get("items")).hasSize(1);
        assertThat(page.get("items").get(0).get("aggregateId").asText()).isEqualTo(first);

        List<String> seen = new ArrayList<>();
        long previous = start;
        String cursor = page.get("nextCursor").asText();
        for (int read = 0; read < 50 && !seen.contains(second); read++) {
            JsonNode next = audit.get("/api/audit/events?limit=1&cursor={cursor}", cursor);
            JsonNode item = next.get("items").get(0);
            assertThat(item.get("position").asLong()).as("global order").isGreaterThan(previous);
            previous = item.get("position").asLong();
            seen.add(item.get("aggregateId").asText());
            cursor = next.get("nextCursor").asText();
        }
        assertThat(seen).contains(second);
    }

    @Test
    void events_filteredByTypeAndTime() {
        String id = registerCustomer("Filtered GmbH");

        JsonNode registrations = audit.get("/api/audit/events?type=CustomerRegistered&aggregateId={id}", id);
        assertThat(registrations.get("items")).hasSize(1);
        assertThat(audit.get("/api/audit/events?type=CustomerDetailsChanged&aggregateId={id}", id).get("items"))
                .isEmpty();
        String at = registrations.get("items").get(0).get("timestamp").asText();
        assertThat(audit.get("/api/audit/events?aggregateId={id}&from={at}", id, at).get("items")).hasSize(1);
        assertThat(audit.get("/api/audit/events?aggregateId={id}&to={at}", id, at).get("items"))
                .as("to is exclusive").isEmpty();
        assertThat(audit.get("/api/audit/events?aggregateId={id}&from=2999-01-01T00:00:00Z", id).get("items"))
                .isEmpty();
    }

    @Test
    void events_passwordHashesAreRedacted() {
        String username = "audited-" + newId().substring(0, 8);
        http.post().uri("/api/users").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"username\": \"%s\", \"password\": \"a-long-secret-password\", \"roles\": [\"AUDITOR\"]}"
                        .formatted(username))
                .exchange().expectStatus().isCreated();

        JsonNode registered = null;
        String cursor = "";
        for (int page = 0; page < 20 && registered == null && cursor != null; page++) {
            JsonNode events = audit.get("/api/audit/events?type=UserRegistered&limit=1000&cursor={cursor}", cursor);
            for (JsonNode event : events.get("items")) {
                if (username.equals(event.get("payload").get("username").asText())) {
                    registered = event;
                }
            }
            cursor = events.get("nextCursor").isNull() ? null : events.get("nextCursor").asText();
        }

        assertThat(registered).as("the registration of %s", username).isNotNull();
        assertThat(registered.get("payload").get("passwordHash").asText()).isEqualTo("[redacted]");
        assertThat(registered.toString()).doesNotContain("$2a$").doesNotContain("$2b$");
    }

    @Test
    void history_ofAnUnknownAggregate_notFound() {
        http.get().uri("/api/audit/aggregates/{id}/history", newId()).exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.code").isEqualTo("NOT_FOUND");
    }

    @Test
    void events_limitAboveTheMaximumOrABadInstant_badRequest() {
        http.get().uri("/api/audit/events?limit=1001").exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("INVALID_REQUEST");
        http.get().uri("/api/audit/events?from=yesterday").exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("from");
        http.get().uri("/api/audit/events?cursor=bm90LW91cnM").exchange()
                .expectStatus().isBadRequest();
    }
}
