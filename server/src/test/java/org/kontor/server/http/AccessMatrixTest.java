package org.kontor.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.kontor.config.security.AccessMatrix;
import org.kontor.config.security.AccessMatrix.Rule;
import org.kontor.events.people.Role;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.server.PathContainer;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Every row of the access matrix, for every role: the roles the row names get past security (any
 * status but 401 and 403: the endpoint may still refuse the input or not exist yet), every other
 * role gets 403, and nobody gets in without signing in.
 */
class AccessMatrixTest extends HttpTestSupport {

    @BeforeEach
    void oneUserPerRole() {
        for (Role role : Role.values()) {
            http.post().uri("/api/users").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue("{\"username\": \"%s\", \"password\": \"%s\", \"roles\": [\"%s\"]}"
                            .formatted(username(role), password(role), role.name()))
                    .exchange()
                    .expectStatus().value(status -> assertThat(status).isIn(200, 201));
        }
    }

    @TestFactory
    Stream<DynamicTest> everyRowForEveryRole() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Rule rule : AccessMatrix.RULES) {
            HttpMethod method = rule.method() == null ? HttpMethod.POST : rule.method();
            String path = concretePath(rule.pathPattern());
            assertThat(firstRuleFor(method, path)).as("the probe path %s is decided by its own row", path).isEqualTo(rule);
            tests.add(DynamicTest.dynamicTest(method + " " + path + " without signing in", () ->
                    request(anonymous, method, path).expectStatus().isUnauthorized()));
            for (Role role : Role.values()) {
                boolean allowed = rule.roles().contains(role);
                tests.add(DynamicTest.dynamicTest(method + " " + path + " as " + role + (allowed ? " allowed" : " forbidden"), () -> {
                    WebTestClient client = anonymous.mutate()
                            .defaultHeaders(headers -> headers.setBasicAuth(username(role), password(role))).build();
                    request(client, method, path).expectStatus().value(status -> {
                        if (allowed) {
                            assertThat(status).isNotIn(401, 403);
                        } else {
                            assertThat(status).isEqualTo(403);
                        }
                    });
                }));
            }
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> apiPathsWithoutARow_administratorsOnly() {
        return Stream.of(Role.values()).map(role -> DynamicTest.dynamicTest("GET /api/unlisted as " + role, () -> {
            WebTestClient client = anonymous.mutate()
                    .defaultHeaders(headers -> headers.setBasicAuth(username(role), password(role))).build();
            client.get().uri("/api/unlisted").exchange().expectStatus()
                    .isEqualTo(role == Role.ADMIN ? 404 : 403);
        }));
    }

    private static WebTestClient.ResponseSpec request(WebTestClient client, HttpMethod method, String path) {
        if (method == HttpMethod.GET) {
            return client.get().uri(path).exchange();
        }
        return client.method(method).uri(path).contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange();
    }

    /** A path the pattern matches, with ids nobody has, so an allowed request changes nothing. */
    static String concretePath(String pattern) {
        return pattern.replace("/**", "/00000000-0000-4000-8000-000000000000")
                .replace("*", "00000000-0000-4000-8000-000000000000");
    }

    private static Rule firstRuleFor(HttpMethod method, String path) {
        PathContainer container = PathContainer.parsePath(path);
        return AccessMatrix.RULES.stream()
                .filter(rule -> rule.method() == null || rule.method().equals(method))
                .filter(rule -> PathPatternParser.defaultInstance.parse(rule.pathPattern()).matches(container))
                .findFirst()
                .orElseThrow();
    }

    static String username(Role role) {
        return "matrix-" + role.name().toLowerCase(Locale.ROOT);
    }

    static String password(Role role) {
        return "matrix-password-" + role.name().toLowerCase(Locale.ROOT);
    }
}
