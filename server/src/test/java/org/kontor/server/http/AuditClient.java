package org.kontor.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Reads of the audit endpoints for tests, as JSON trees. */
final class AuditClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration CHAIN_WAIT = Duration.ofSeconds(20);

    private final WebTestClient http;

    AuditClient(WebTestClient http) {
        this.http = http;
    }

    JsonNode get(String uri, Object... variables) {
        byte[] body = http.get().uri(uri, variables).exchange()
                .expectStatus().isOk()
                .expectBody().returnResult().getResponseBodyContent();
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One aggregate's history once the hash chain covers every event of it (it lags by milliseconds). */
    JsonNode linkedHistory(String aggregateId) throws InterruptedException {
        Instant deadline = Instant.now().plus(CHAIN_WAIT);
        while (true) {
            JsonNode items = get("/api/audit/aggregates/{id}/history", aggregateId).get("items");
            boolean linked = items.size() > 0;
            for (JsonNode item : items) {
                linked &= item.get("hash").isTextual();
            }
            if (linked) {
                return items;
            }
            assertThat(Instant.now()).as("the hash chain covers %s in time", aggregateId).isBefore(deadline);
            Thread.sleep(50);
        }
    }

    JsonNode verify() {
        return get("/api/audit/verify");
    }
}
