package org.kontor.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** {@code GET /api/admin/projections}: where every processor stands against the head of the store. */
class ProjectionAdminApiTest extends HttpTestSupport {

    @Test
    void projections_everyProcessorWithPositionHeadAndLag() throws InterruptedException {
        registerCustomer("Status Check BV");

        JsonNode customers = awaitCaughtUp("crm-customers");

        assertThat(customers.get("position").asLong()).isPositive()
                .isGreaterThanOrEqualTo(customers.get("head").asLong());
        assertThat(customers.get("replaying").isBoolean()).isTrue();
        assertThat(customers.get("running").asBoolean()).isTrue();
        assertThat(customers.get("error").isNull()).isTrue();
        JsonNode chain = awaitCaughtUp("audit-hash-chain");
        assertThat(chain.get("segments").asInt()).as("the chain is linked by one thread, in order").isEqualTo(1);
    }

    private JsonNode awaitCaughtUp(String name) throws InterruptedException {
        AuditClient client = new AuditClient(http);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (true) {
            JsonNode found = null;
            for (JsonNode processor : client.get("/api/admin/projections").get("items")) {
                if (processor.get("name").asText().equals(name)) {
                    found = processor;
                }
            }
            assertThat(found).as("processor %s", name).isNotNull();
            assertThat(found.get("lag").asLong()).isEqualTo(
                    Math.max(0, found.get("head").asLong() - found.get("position").asLong()));
            if (found.get("lag").asLong() == 0) {
                return found;
            }
            assertThat(Instant.now()).as("%s catches up in time", name).isBefore(deadline);
            Thread.sleep(50);
        }
    }
}
