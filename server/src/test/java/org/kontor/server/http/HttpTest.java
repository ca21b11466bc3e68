package org.kontor.server.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.kontor.server.KontorServer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The whole server on the embedded default storage, on a random port, with an administrator and
 * clients signed in as them and as nobody. Where the data lives is the subclass's choice:
 * {@link HttpTestSupport} shares one server among the tests, {@link OwnBooksHttpTest} gives a class
 * a server of its own.
 */
// Metrics exporters are off in tests unless asked for; /actuator/prometheus is part of the contract.
@AutoConfigureObservability
@SpringBootTest(classes = KontorServer.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"erp.read.max-wait=2s", "erp.security.admin-password=" + HttpTest.ADMIN_PASSWORD,
                "server.shutdown=immediate"})
abstract class HttpTest {

    static final String ADMIN_PASSWORD = "test-admin-password-1";

    /** Signed in as the administrator, who may call every endpoint. */
    WebTestClient http;
    /** Not signed in at all. */
    @Autowired
    WebTestClient anonymous;

    @BeforeEach
    void signInAsAdministrator() {
        http = anonymous.mutate().defaultHeaders(headers -> headers.setBasicAuth("admin", ADMIN_PASSWORD)).build();
    }

    static String newId() {
        return UUID.randomUUID().toString();
    }

    /** Registers a company with the given name and returns its id. */
    String registerCustomer(String name, String... tags) {
        String id = newId();
        http.post().uri("/api/customers").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(customerJson(id, name, tags))
                .exchange()
                .expectStatus().isCreated();
        return id;
    }

    static String customerJson(String id, String name, String... tags) {
        StringBuilder tagList = new StringBuilder();
        for (String tag : tags) {
            tagList.append(tagList.isEmpty() ? "" : ",").append('"').append(tag).append('"');
        }
        return """
                {"id": "%s", "name": "%s", "kind": "COMPANY", "email": "info@example.com",
                 "creditLimit": {"amount": "5000.00", "currency": "EUR"}, "tags": [%s]}
                """.formatted(id, name, tagList);
    }

    static String interactionJson(String id, String occurredAt, String subject) {
        return """
                {"id": "%s", "channel": "CALL", "direction": "OUTBOUND", "occurredAt": "%s", "subject": "%s"}
                """.formatted(id, occurredAt, subject);
    }

    /**
     * A new, empty data directory under the module's {@code target/test-data}: a server's files
     * stay out of the machine's temporary directory (a directory holding an H2 file is not removed
     * by {@code deleteOnExit}, so each build left some there) and go with {@code mvn clean}.
     */
    static Path createDataDirectory() {
        return createDataDirectory("kontor-http-test");
    }

    static Path createDataDirectory(String prefix) {
        try {
            return Files.createTempDirectory(Files.createDirectories(Path.of("target", "test-data")), prefix)
                    .toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
