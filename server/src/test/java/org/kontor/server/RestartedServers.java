package org.kontor.server;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Servers of the restart tests: started on one data directory, one after the other, each with an
 * administrator and a client signed in as them.
 */
final class RestartedServers {

    static final String ADMIN_PASSWORD = "restart-admin-password";

    private RestartedServers() {
    }

    /** A server on the directory, polling for due deadlines every {@code deadlinePolling}. */
    static ConfigurableApplicationContext start(Path dataDirectory, Duration deadlinePolling) {
        // Arguments, not default properties: application.properties would override those.
        return new SpringApplicationBuilder(KontorServer.class)
                .run("--erp.data-dir=" + dataDirectory, "--server.port=0", "--server.shutdown=immediate",
                        "--erp.security.admin-password=" + ADMIN_PASSWORD,
                        "--db-scheduler.polling-interval=" + deadlinePolling.toMillis() + "ms");
    }

    static WebTestClient clientOf(ConfigurableApplicationContext context) {
        String port = context.getEnvironment().getProperty("local.server.port");
        return WebTestClient.bindToServer().baseUrl("http://localhost:" + port)
                .responseTimeout(Duration.ofSeconds(20))
                .defaultHeaders(headers -> headers.setBasicAuth("admin", ADMIN_PASSWORD))
                .build();
    }

    static WebTestClient.ResponseSpec post(WebTestClient http, String path, String json) {
        return http.post().uri(path).contentType(MediaType.APPLICATION_JSON).bodyValue(json).exchange();
    }

    static JsonNode get(WebTestClient http, String path) {
        return http.get().uri(path).exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult()
                .getResponseBody();
    }
}
