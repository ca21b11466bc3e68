package org.kontor.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Sign-in, accounts and the hardening around them. */
class SecurityTest extends HttpTestSupport {

    @Test
    void noCredentials_unauthorizedProblemWithBasicChallenge() {
        anonymous.get().uri("/api/customers").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"kontor\"")
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo("UNAUTHENTICATED");
    }

    @Test
    void wrongPassword_unauthorized() {
        signedInAs("admin", "not-the-password").get().uri("/api/customers").exchange()
                .expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.code").isEqualTo("UNAUTHENTICATED");
    }

    @Test
    void roleNotAllowed_forbiddenProblem() {
        createUser("reader-" + newId().substring(0, 8), "analyst-password-1", "ANALYST");

        signedInAs(lastUser, "analyst-password-1").post().uri("/api/customers").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(customerJson(newId(), "Not Allowed GmbH"))
                .exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo("FORBIDDEN");
    }

    @Test
    void healthAndOpenApi_publicButOtherActuatorEndpointsForAdministratorsOnly() {
        anonymous.get().uri("/actuator/health").exchange().expectStatus().isOk();
        anonymous.get().uri("/v3/api-docs").exchange().expectStatus().isOk();
        anonymous.get().uri("/actuator/prometheus").exchange().expectStatus().isUnauthorized();
        createUser("ops-" + newId().substring(0, 8), "manager-password-1", "MANAGER");
        signedInAs(lastUser, "manager-password-1").get().uri("/actuator/prometheus").exchange()
                .expectStatus().isForbidden();
        http.get().uri("/actuator/prometheus").exchange().expectStatus().isOk();
    }

    @Test
    void signedInUser_becomesTheUserOfTheCommandAndTheTimeline() {
        createUser("sales-" + newId().substring(0, 8), "sales-password-12", "SALES");
        String customerId = newId();

        signedInAs(lastUser, "sales-password-12").post().uri("/api/customers").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(customerJson(customerId, "Attributed GmbH"))
                .exchange()
                .expectStatus().isCreated();

        http.get().uri("/api/customers/{id}/timeline?consistent=true", customerId).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.items[0].by").isEqualTo(lastUser);
    }

    @Test
    void disabledUser_canNoLongerSignIn() {
        createUser("leaver-" + newId().substring(0, 8), "leaver-password-1", "SALES");
        signedInAs(lastUser, "leaver-password-1").get().uri("/api/customers").exchange().expectStatus().isOk();

        http.post().uri("/api/users/{u}/disable", lastUser).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"reason\": \"left the company\"}").exchange().expectStatus().isOk();

        signedInAs(lastUser, "leaver-password-1").get().uri("/api/customers").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void disabledUserEnabledAgain_signsInAsBeforeAndAnAdministratorResetsTheirPassword() {
        createUser("returner-" + newId().substring(0, 8), "returner-password-1", "SALES");
        http.post().uri("/api/users/{u}/disable", lastUser).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"reason\": \"parental leave\"}").exchange().expectStatus().isOk();
        signedInAs(lastUser, "returner-password-1").get().uri("/api/customers").exchange()
                .expectStatus().isUnauthorized();

        http.post().uri("/api/users/{u}/enable", lastUser).contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.IF_MATCH, "\"2\"")
                .bodyValue("{\"reason\": \"back from leave\"}").exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ETAG, "\"3\"");
        signedInAs(lastUser, "returner-password-1").get().uri("/api/customers").exchange().expectStatus().isOk();
        http.get().uri("/api/users/{u}?minVersion=3", lastUser).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.enabled").isEqualTo(true)
                .jsonPath("$.reenabledAt").isNotEmpty()
                .jsonPath("$.reenabledReason").isEqualTo("back from leave")
                .jsonPath("$.disabledAt").isEmpty()
                .jsonPath("$.disabledReason").isEmpty();

        http.post().uri("/api/users/{u}/password", lastUser).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"newPassword\": \"handed-over-password-1\"}").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.version").isEqualTo(4);
        signedInAs(lastUser, "returner-password-1").get().uri("/api/customers").exchange()
                .expectStatus().isUnauthorized();
        signedInAs(lastUser, "handed-over-password-1").get().uri("/api/customers").exchange().expectStatus().isOk();
    }

    @Test
    void administratorResettingTheirOwnPassword_refusedTheirOwnChangeAsksForTheCurrentOne() {
        createUser("keeper-" + newId().substring(0, 8), "keeper-password-12", "ADMIN");

        signedInAs(lastUser, "keeper-password-12").post().uri("/api/users/{u}/password", lastUser)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"newPassword\": \"taken-over-password\"}").exchange()
                .expectStatus().isEqualTo(422)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo("OWN_PASSWORD_RESET");
        signedInAs(lastUser, "keeper-password-12").get().uri("/api/admin/projections").exchange()
                .expectStatus().isOk();
    }

    @Test
    void passwordResetAndEnable_forAdministratorsOnly() {
        createUser("seller-" + newId().substring(0, 8), "seller-password-12", "MANAGER");
        WebTestClient manager = signedInAs(lastUser, "seller-password-12");

        manager.post().uri("/api/users/admin/password").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"newPassword\": \"taken-over-password\"}").exchange()
                .expectStatus().isForbidden();
        manager.post().uri("/api/users/admin/enable").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{}").exchange()
                .expectStatus().isForbidden();
    }

    @Test
    void administratorLockingThemselvesOut_refusedAndTheAccountUnchanged() {
        createUser("boss-" + newId().substring(0, 8), "boss-password-123", "ADMIN");
        WebTestClient boss = signedInAs(lastUser, "boss-password-123");

        boss.post().uri("/api/users/{u}/disable", lastUser).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"reason\": \"by mistake\"}").exchange()
                .expectStatus().isEqualTo(422)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo("SELF_LOCKOUT");
        boss.post().uri("/api/users/{u}/roles", lastUser).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"roles\": [\"MANAGER\"]}").exchange()
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.code").isEqualTo("SELF_LOCKOUT");

        // Still an enabled administrator, at the version it was created with; another one may disable it.
        boss.get().uri("/api/admin/projections").exchange().expectStatus().isOk();
        http.post().uri("/api/users/{u}/disable", lastUser).contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.IF_MATCH, "\"1\"")
                .bodyValue("{\"reason\": \"left\"}").exchange().expectStatus().isOk();
        boss.get().uri("/api/admin/projections").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void changedRoles_applyToTheNextRequest() {
        createUser("mover-" + newId().substring(0, 8), "mover-password-12", "ANALYST");
        WebTestClient mover = signedInAs(lastUser, "mover-password-12");
        mover.post().uri("/api/customers").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(customerJson(newId(), "Before Promotion")).exchange().expectStatus().isForbidden();

        http.post().uri("/api/users/{u}/roles", lastUser).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"roles\": [\"SALES\"]}").exchange().expectStatus().isOk();

        mover.post().uri("/api/customers").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(customerJson(newId(), "After Promotion")).exchange().expectStatus().isCreated();
    }

    @Test
    void ownPasswordChanged_oldOneNoLongerWorks() {
        createUser("changer-" + newId().substring(0, 8), "first-password-12", "SUPPORT");

        signedInAs(lastUser, "first-password-12").post().uri("/api/users/me/password")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"currentPassword\": \"first-password-12\", \"newPassword\": \"second-password-12\"}")
                .exchange()
                .expectStatus().isOk();

        signedInAs(lastUser, "first-password-12").get().uri("/api/customers").exchange().expectStatus().isUnauthorized();
        signedInAs(lastUser, "second-password-12").get().uri("/api/customers").exchange().expectStatus().isOk();
    }

    @Test
    void repeatedFailedSignIns_throttledEvenWithTheRightPassword() {
        createUser("guessed-" + newId().substring(0, 8), "guessed-password-1", "SALES");
        for (int attempt = 0; attempt < 5; attempt++) {
            signedInAs(lastUser, "wrong-" + attempt).get().uri("/api/customers").exchange()
                    .expectStatus().isUnauthorized();
        }

        signedInAs(lastUser, "guessed-password-1").get().uri("/api/customers").exchange()
                .expectStatus().isEqualTo(429)
                .expectHeader().exists(HttpHeaders.RETRY_AFTER)
                .expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
                .expectBody().jsonPath("$.code").isEqualTo("TOO_MANY_REQUESTS");
    }

    @Test
    void responses_carrySecurityHeaders() {
        http.get().uri("/api/customers").exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
                .expectHeader().valueEquals("X-Frame-Options", "DENY")
                .expectHeader().valueEquals("Referrer-Policy", "no-referrer")
                .expectHeader().exists("Content-Security-Policy")
                .expectHeader().value(HttpHeaders.CACHE_CONTROL, value -> assertThat(value).contains("no-store"));
    }

    @Test
    void crossOriginRequest_refusedByDefault() {
        http.options().uri("/api/customers")
                .header(HttpHeaders.ORIGIN, "https://evil.example")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
                .exchange()
                .expectHeader().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);
    }

    @Test
    void userCreatedAgainWithTheSameContent_sameAnswerNothingWritten() {
        String username = "twice-" + newId().substring(0, 8);
        String body = "{\"username\": \"%s\", \"password\": \"twice-password-1\", \"roles\": [\"SALES\"]}"
                .formatted(username);
        http.post().uri("/api/users").contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
                .expectStatus().isCreated();

        http.post().uri("/api/users").contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
                .expectStatus().isOk();
        http.post().uri("/api/users").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body.replace("twice-password-1", "other-password-1")).exchange()
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.code").isEqualTo("ALREADY_EXISTS");
    }

    @Test
    void passwords_neverInResponses() {
        String username = "secret-" + newId().substring(0, 8);
        http.post().uri("/api/users").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"username\": \"%s\", \"password\": \"very-secret-pass-1\", \"roles\": [\"SALES\"]}"
                        .formatted(username))
                .exchange()
                .expectStatus().isCreated()
                .expectBody(String.class).value(body -> assertThat(body)
                        .doesNotContain("very-secret-pass-1").doesNotContain("$2a$"));
    }

    @Test
    void registeredAccount_readAtItsLocationWithItsVersionAndNeverItsPassword() {
        String username = "reader-" + newId().substring(0, 8);
        String location = http.post().uri("/api/users").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"username\": \"%s\", \"password\": \"reader-password-1\", \"roles\": [\"ANALYST\"],"
                        .formatted(username) + " \"employeeId\": \"E-77\"}")
                .exchange()
                .expectStatus().isCreated()
                .returnResult(String.class).getResponseHeaders().getLocation().toString();

        http.get().uri(location + "?consistent=true").exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ETAG, "\"1\"")
                .expectBody()
                .jsonPath("$.username").isEqualTo(username)
                .jsonPath("$.roles[0]").isEqualTo("ANALYST")
                .jsonPath("$.employeeId").isEqualTo("E-77")
                .jsonPath("$.enabled").isEqualTo(true)
                .jsonPath("$.registeredAt").isNotEmpty()
                .jsonPath("$.passwordHash").doesNotExist()
                .jsonPath("$.password").doesNotExist();

        http.post().uri("/api/users/{u}/disable", username).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"reason\": \"left the company\"}").exchange().expectStatus().isOk();
        http.get().uri(location + "?minVersion=2").exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ETAG, "\"2\"")
                .expectBody()
                .jsonPath("$.enabled").isEqualTo(false)
                .jsonPath("$.disabledReason").isEqualTo("left the company");
        http.get().uri("/api/users/nobody-" + newId().substring(0, 8)).exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        http.get().uri("/api/users/" + "x".repeat(65)).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void ownAccount_readByEveryRole_theDirectoryByAdministratorsOnly() {
        createUser("clerk-" + newId().substring(0, 8), "clerk-password-12", "SUPPORT");
        WebTestClient clerk = signedInAs(lastUser, "clerk-password-12");

        clerk.get().uri("/api/users/me?consistent=true").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.username").isEqualTo(lastUser)
                .jsonPath("$.roles[0]").isEqualTo("SUPPORT");
        clerk.get().uri("/api/users").exchange().expectStatus().isForbidden();
        clerk.get().uri("/api/users/admin").exchange().expectStatus().isForbidden();

        http.get().uri("/api/users?limit=1000&consistent=true").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.items[?(@.username == '%s')].roles[0]".formatted(lastUser)).isEqualTo("SUPPORT")
                .jsonPath("$.items[?(@.username == 'admin')].enabled").isEqualTo(true);
        http.get().uri("/api/users?limit=1").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.items.length()").isEqualTo(1)
                .jsonPath("$.nextCursor").isNotEmpty();
    }

    private String lastUser;

    private void createUser(String username, String password, String role) {
        http.post().uri("/api/users").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"username\": \"%s\", \"password\": \"%s\", \"roles\": [\"%s\"]}"
                        .formatted(username, password, role))
                .exchange()
                .expectStatus().isCreated();
        lastUser = username;
    }

    private WebTestClient signedInAs(String username, String password) {
        return anonymous.mutate().defaultHeaders(headers -> headers.setBasicAuth(username, password)).build();
    }
}
