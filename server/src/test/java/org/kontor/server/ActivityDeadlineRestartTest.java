package org.kontor.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A follow-up's deadline is a row in the database, not a timer in memory: an activity scheduled
 * before a shutdown becomes overdue after the restart, raised by the new process. The first server
 * is stopped before the due time, so only the second one can have fired the deadline.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class ActivityDeadlineRestartTest {

    private static final Duration DUE_AFTER = Duration.ofSeconds(8);
    private static final Duration MAX_WAIT = Duration.ofSeconds(60);

    @TempDir
    Path dataDirectory;

    @Test
    void activityScheduledBeforeARestart_overdueAfterIt() throws Exception {
        String customerId = UUID.randomUUID().toString();
        String activityId = UUID.randomUUID().toString();
        Instant dueAt;
        Instant firstStopped;
        try (ConfigurableApplicationContext first = start()) {
            assertThat(first.getBean(DeadlineManager.class)).isInstanceOf(DbSchedulerDeadlineManager.class);
            WebTestClient http = clientOf(first);
            post(http, "/api/customers", "{\"id\": \"%s\", \"name\": \"Restart GmbH\", \"kind\": \"COMPANY\"}"
                    .formatted(customerId));
            dueAt = Instant.now().plus(DUE_AFTER);
            post(http, "/api/activities", """
                    {"id": "%s", "customerId": "%s", "type": "CALL", "dueAt": "%s", "assigneeId": "restart-rep"}
                    """.formatted(activityId, customerId, dueAt));
            assertThat(activity(http, activityId).get("status").asText()).isEqualTo("OPEN");
        }
        firstStopped = Instant.now();
        assertThat(firstStopped).as("the first server stopped before the activity was due").isBefore(dueAt);

        try (ConfigurableApplicationContext second = start()) {
            WebTestClient http = clientOf(second);
            JsonNode activity = activity(http, activityId);
            Instant giveUp = Instant.now().plus(MAX_WAIT);
            while (!"OVERDUE".equals(activity.get("status").asText()) && Instant.now().isBefore(giveUp)) {
                Thread.sleep(250);
                activity = activity(http, activityId);
            }
            assertThat(activity.get("status").asText()).isEqualTo("OVERDUE");
            JsonNode timeline = http.get().uri("/api/customers/{id}/timeline?consistent=true", customerId)
                    .exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
            assertThat(timeline.at("/items/0/type").asText()).isEqualTo("ActivityOverdue");
            assertThat(timeline.at("/items/0/by").asText()).isEqualTo("system");
        }
    }

    private ConfigurableApplicationContext start() {
        // Poll for due deadlines often, so the test waits for the deadline, not the poll.
        return RestartedServers.start(dataDirectory, Duration.ofMillis(500));
    }

    private static WebTestClient clientOf(ConfigurableApplicationContext context) {
        return RestartedServers.clientOf(context);
    }

    private static void post(WebTestClient http, String path, String json) {
        RestartedServers.post(http, path, json).expectStatus().isCreated();
    }

    private static JsonNode activity(WebTestClient http, String activityId) {
        return RestartedServers.get(http, "/api/activities/" + activityId + "?consistent=true");
    }
}
