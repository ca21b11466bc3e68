package org.kontor.server.http;

import org.junit.jupiter.api.Test;
import org.kontor.server.KontorServer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/** With an origin configured, browsers from that origin (and only that one) may call the API. */
@SpringBootTest(classes = KontorServer.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"erp.security.cors.allowed-origins=https://app.example", "server.shutdown=immediate",
                "erp.security.admin-password=cors-test-admin-pw"})
class CorsConfiguredTest {

    @Autowired
    WebTestClient http;

    @DynamicPropertySource
    static void storage(DynamicPropertyRegistry registry) {
        registry.add("erp.data-dir", () -> HttpTest.createDataDirectory("kontor-cors-test").toString());
    }

    @Test
    void preflightFromTheConfiguredOrigin_allowed() {
        http.options().uri("/api/customers")
                .header(HttpHeaders.ORIGIN, "https://app.example")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "Authorization, Content-Type")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "https://app.example");
    }

    @Test
    void preflightFromAnotherOrigin_refused() {
        http.options().uri("/api/customers")
                .header(HttpHeaders.ORIGIN, "https://evil.example")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
                .exchange()
                .expectStatus().isForbidden()
                .expectHeader().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);
    }
}
