package org.kontor.command.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kontor.config.http.HttpTestAccess;
import org.kontor.config.security.KnownUser;
import org.kontor.config.security.UserAccounts;
import org.kontor.events.people.Role;
import org.kontor.events.people.UserAccountEvent;
import org.kontor.events.people.UserAccountEvent.UserRegistered;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.config.EnableWebFlux;
import org.springframework.web.server.WebExceptionHandler;
import org.springframework.web.server.WebFilter;
import reactor.core.publisher.Mono;

/**
 * The user endpoints on WebFlux and Axon, without Spring Boot or the security filter chain: a
 * test header stands in for the signed-in user.
 */
class UserControllerTest {

    private static final String SIGNED_IN_AS = "X-Test-User";
    private static final String PASSWORD = "spring-meadow-lantern";
    private static final String REGISTRATION = """
            {"username": "anna.berg", "password": "spring-meadow-lantern", "roles": ["SUPPORT", "SALES"],
             "employeeId": "employee-7"}
            """;

    private final PasswordEncoder passwordEncoder = new BCryptPasswordEncoder(4);
    private Configuration axon;
    private UserAccounts userAccounts;
    private AnnotationConfigApplicationContext web;
    private WebTestClient http;

    @BeforeEach
    void start() {
        axon = InMemoryAxon.withUserAccounts();
        userAccounts = new UserAccounts(axon.eventStore());
        web = new AnnotationConfigApplicationContext();
        web.register(WebFluxOnly.class);
        web.registerBean(UserController.class, () -> new UserController(
                HttpTestAccess.commandDispatcher(axon.commandGateway()), userAccounts, passwordEncoder));
        web.registerBean(WebExceptionHandler.class, () -> HttpTestAccess.problemHandler(new ObjectMapper()));
        web.registerBean(WebFilter.class, () -> (exchange, chain) -> {
            String user = exchange.getRequest().getHeaders().getFirst(SIGNED_IN_AS);
            return chain.filter(user == null ? exchange
                    : exchange.mutate().principal(Mono.just((Principal) () -> user)).build());
        });
        web.refresh();
        http = WebTestClient.bindToApplicationContext(web).build();
    }

    @AfterEach
    void stop() {
        web.close();
        axon.shutdown();
    }

    // --- register ---------------------------------------------------------------------------

    @Test
    void register_201WithLocationAndOnlyAHashOfThePasswordStored() {
        post("/api/users", REGISTRATION).exchange()
                .expectStatus().isCreated()
                .expectHeader().location("/api/users/anna.berg")
                .expectHeader().valueEquals(HttpHeaders.ETAG, "\"1\"")
                .expectBody().json("{\"id\": \"anna.berg\", \"version\": 1}", true);

        UserRegistered registered = (UserRegistered) eventsOf("anna.berg").get(0).getPayload();
        assertThat(registered.roles()).containsExactly(Role.SALES, Role.SUPPORT);
        assertThat(registered.employeeId()).isEqualTo("employee-7");
        assertThat(passwordEncoder.matches(PASSWORD, registered.passwordHash())).isTrue();
        assertThat(eventsOf("anna.berg").toString()).doesNotContain(PASSWORD);
    }

    @Test
    void registerAgainWithSameContent_200SameAnswerNothingWritten() {
        post("/api/users", REGISTRATION).exchange().expectStatus().isCreated();

        // The same roles in another order are the same registration.
        post("/api/users", REGISTRATION.replace("[\"SUPPORT\", \"SALES\"]", "[\"SALES\", \"SUPPORT\"]")).exchange()
                .expectStatus().isOk()
                .expectBody().json("{\"id\": \"anna.berg\", \"version\": 1}", true);
        assertThat(eventsOf("anna.berg")).hasSize(1);
    }

    @Test
    void registerAgainWithOtherPassword_409AlreadyExists() {
        post("/api/users", REGISTRATION).exchange().expectStatus().isCreated();

        post("/api/users", REGISTRATION.replace(PASSWORD, "another-long-password")).exchange()
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.code").isEqualTo("ALREADY_EXISTS");
    }

    @Test
    void registerAgainWithOtherRolesOrEmployee_409AlreadyExists() {
        post("/api/users", REGISTRATION).exchange().expectStatus().isCreated();

        post("/api/users", REGISTRATION.replace("\"SUPPORT\", ", "")).exchange()
                .expectStatus().isEqualTo(409);
        post("/api/users", REGISTRATION.replace("employee-7", "employee-8")).exchange()
                .expectStatus().isEqualTo(409);
    }

    @Test
    void registerAgainAfterDisabled_409AlreadyExists() {
        post("/api/users", REGISTRATION).exchange().expectStatus().isCreated();
        post("/api/users/anna.berg/disable", "{}").exchange().expectStatus().isOk();

        post("/api/users", REGISTRATION).exchange().expectStatus().isEqualTo(409);
    }

    @Test
    void registerWithEveryFieldWrong_400NamingEveryField() {
        String body = """
                {"username": "Anna", "password": "too-short", "roles": [], "employeeId": "%s"}
                """.formatted("e".repeat(65));

        post("/api/users", body).exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.code").isEqualTo("INVALID_REQUEST")
                .jsonPath("$.errors[*].field").value(containsInAnyOrder("username", "password", "roles", "employeeId"))
                .jsonPath("$.errors[?(@.field == 'password')].message").isEqualTo("must be 12 to 128 characters");
        assertThat(eventsOf("anna")).isEmpty();
    }

    @Test
    void registerWithUnknownRole_400() {
        post("/api/users", REGISTRATION.replace("SUPPORT", "JANITOR")).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("INVALID_REQUEST");
    }

    @Test
    void registerWithPasswordTooLong_400() {
        post("/api/users", REGISTRATION.replace(PASSWORD, "p".repeat(129))).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].message").isEqualTo("must be 12 to 128 characters");
    }

    @Test
    void registerWithPasswordOverBcryptsLimit_400NotAServerError() {
        // 73 characters: within 128, but bcrypt reads only 72 bytes and Spring's encoder refuses more.
        post("/api/users", REGISTRATION.replace(PASSWORD, "p".repeat(73))).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("password");
    }

    // --- roles --------------------------------------------------------------------------------

    @Test
    void changeRoles_200AndTheChangeIsSeenAtOnce() {
        post("/api/users", REGISTRATION).exchange().expectStatus().isCreated();
        assertThat(userAccounts.find("anna.berg").map(KnownUser::roles).orElseThrow())
                .containsExactly(Role.SALES, Role.SUPPORT);

        post("/api/users/anna.berg/roles", "{\"roles\": [\"MANAGER\"]}").exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ETAG, "\"2\"")
                .expectBody().json("{\"id\": \"anna.berg\", \"version\": 2}", true);

        // The account was cached a moment ago; the change is seen without waiting for the cache.
        assertThat(userAccounts.find("anna.berg").map(KnownUser::roles).orElseThrow())
                .containsExactly(Role.MANAGER);
    }

    @Test
    void changeRolesToNone_400() {
        post("/api/users", REGISTRATION).exchange().expectStatus().isCreated();

        post("/api/users/anna.berg/roles", "{\"roles\": []}").exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("roles");
    }

    @Test
    void changeRolesWithStaleIfMatch_412() {
        post("/api/users", REGISTRATION).exchange().expectStatus().isCreated();
        post("/api/users/anna.berg/roles", "{\"roles\": [\"MANAGER\"]}").exchange().expectStatus().isOk();

        post("/api/users/anna.berg/roles", "{\"roles\": [\"ADMIN\"]}").header(HttpHeaders.IF_MATCH, "\"1\"")
                .exchange()
                .expectStatus().isEqualTo(412);
    }

    @Test
    void changeRolesOfUnknownUser_404() {
        post("/api/users/nobody/roles", "{\"roles\": [\"MANAGER\"]}").exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.code").isEqualTo("NOT_FOUND");
    }

    @Test
    void changeRolesOfANameNoAccountCanHave_404() {
        post("/api/users/Anna.Berg/roles", "{\"roles\": [\"MANAGER\"]}").exchange()
                .expectStatus().isNotFound();
    }

    // --- disable ------------------------------------------------------------------------------

    @Test
    void disableWithoutBody_200AndFurtherChangesRefused() {
        post("/api/users", REGISTRATION).exchange().expectStatus().isCreated();

        http.post().uri("/api/users/anna.berg/disable").contentType(MediaType.APPLICATION_JSON).exchange()
                .expectStatus().isOk()
                .expectBody().json("{\"id\": \"anna.berg\", \"version\": 2}", true);
        assertThat(userAccounts.find("anna.berg").orElseThrow().enabled()).isFalse();

        post("/api/users/anna.berg/roles", "{\"roles\": [\"MANAGER\"]}").exchange()
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.code").isEqualTo("USER_DISABLED");
    }

    @Test
    void disableAgain_200SameVersion() {
        post("/api/users", REGISTRATION).exchange().expectStatus().isCreated();
        post("/api/users/anna.berg/disable", "{\"reason\": \"Left the company\"}").exchange().expectStatus().isOk();

        post("/api/users/anna.berg/disable", "{\"reason\": \"Left the company\"}").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.version").isEqualTo(2);
    }

    @Test
    void disableUnknownUser_404() {
        post("/api/users/nobody/disable", "{}").exchange().expectStatus().isNotFound();
    }

    // --- enable -------------------------------------------------------------------------------

    @Test
    void enableDisabledAccount_200AndItCanBeChangedAndSignInAgain() {
        post("/api/users", REGISTRATION).exchange().expectStatus().isCreated();
        post("/api/users/anna.berg/disable", "{\"reason\": \"On leave\"}").exchange().expectStatus().isOk();

        post("/api/users/anna.berg/enable", "{\"reason\": \"Back from leave\"}").header(SIGNED_IN_AS, "admin")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ETAG, "\"3\"")
                .expectBody().json("{\"id\": \"anna.berg\", \"version\": 3}", true);
        KnownUser enabled = userAccounts.find("anna.berg").orElseThrow();
        assertThat(enabled.enabled()).isTrue();
        assertThat(passwordEncoder.matches(PASSWORD, enabled.passwordHash())).isTrue();
        assertThat(enabled.roles()).containsExactly(Role.SALES, Role.SUPPORT);

        post("/api/users/anna.berg/roles", "{\"roles\": [\"MANAGER\"]}").exchange().expectStatus().isOk();
    }

    @Test
    void enableWithoutBodyAnAccountThatIsEnabled_200SameVersionNothingWritten() {
        post("/api/users", REGISTRATION).exchange().expectStatus().isCreated();

        http.post().uri("/api/users/anna.berg/enable").contentType(MediaType.APPLICATION_JSON).exchange()
                .expectStatus().isOk()
                .expectBody().json("{\"id\": \"anna.berg\", \"version\": 1}", true);
        assertThat(eventsOf("anna.berg")).hasSize(1);
    }

    @Test
    void enableWithReasonTooLong_400NothingWritten() {
        post("/api/users", REGISTRATION).exchange().expectStatus().isCreated();
        post("/api/users/anna.berg/disable", "{}").exchange().expectStatus().isOk();

        post("/api/users/anna.berg/enable", "{\"reason\": \"" + "x".repeat(501) + "\"}").exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("reason");
        assertThat(userAccounts.find("anna.berg").orElseThrow().enabled()).isFalse();
    }

    @Test
    void enableUnknownUser_404() {
        post("/api/users/nobody/enable", "{}").exchange().expectStatus().isNotFound();
    }

    // --- password reset by an administrator ----------------------------------------------------

    @Test
    void resetPasswordOfAnotherUser_200AndOnlyTheNewPasswordWorks() {
        post("/api/users", REGISTRATION).exchange().expectStatus().isCreated();

        resetPassword("anna.berg", "autumn-river-compass").header(SIGNED_IN_AS, "admin").exchange()
                .expectStatus().isOk()
                .expectBody().json("{\"id\": \"anna.berg\", \"version\": 2}", true);

        String hash = userAccounts.find("anna.berg").orElseThrow().passwordHash();
        assertThat(passwordEncoder.matches("autumn-river-compass", hash)).isTrue();
        assertThat(passwordEncoder.matches(PASSWORD, hash)).isFalse();
        assertThat(eventsOf("anna.berg").toString()).doesNotContain("autumn-river-compass");
    }

    @Test
    void resetOwnPassword_422OwnPasswordResetNothingWritten() {
        post("/api/users", REGISTRATION).exchange().expectStatus().isCreated();

        resetPassword("anna.berg", "autumn-river-compass").header(SIGNED_IN_AS, "anna.berg").exchange()
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.code").isEqualTo("OWN_PASSWORD_RESET");
        assertThat(eventsOf("anna.berg")).hasSize(1);
    }

    @Test
    void resetPasswordToATooShortOne_400() {
        post("/api/users", REGISTRATION).exchange().expectStatus().isCreated();

        resetPassword("anna.berg", "short").exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("newPassword");
        assertThat(eventsOf("anna.berg")).hasSize(1);
    }

    @Test
    void resetPasswordOfDisabledUser_422UserDisabled() {
        post("/api/users", REGISTRATION).exchange().expectStatus().isCreated();
        post("/api/users/anna.berg/disable", "{}").exchange().expectStatus().isOk();

        resetPassword("anna.berg", "autumn-river-compass").exchange()
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.code").isEqualTo("USER_DISABLED");
    }

    @Test
    void resetPasswordOfUnknownUser_404() {
        resetPassword("nobody", "autumn-river-compass").exchange().expectStatus().isNotFound();
    }

    // --- own password -------------------------------------------------------------------------

    @Test
    void changeOwnPassword_200AndOnlyTheNewPasswordWorks() {
        post("/api/users", REGISTRATION).exchange().expectStatus().isCreated();

        changeOwnPassword("anna.berg", PASSWORD, "autumn-river-compass").exchange()
                .expectStatus().isOk()
                .expectBody().json("{\"id\": \"anna.berg\", \"version\": 2}", true);

        String hash = userAccounts.find("anna.berg").orElseThrow().passwordHash();
        assertThat(passwordEncoder.matches("autumn-river-compass", hash)).isTrue();
        assertThat(passwordEncoder.matches(PASSWORD, hash)).isFalse();
        assertThat(eventsOf("anna.berg").toString()).doesNotContain("autumn-river-compass", PASSWORD);
    }

    @Test
    void changeOwnPasswordWithWrongCurrentPassword_422WrongPassword() {
        post("/api/users", REGISTRATION).exchange().expectStatus().isCreated();

        changeOwnPassword("anna.berg", "not-my-password", "autumn-river-compass").exchange()
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.code").isEqualTo("WRONG_PASSWORD");
        assertThat(eventsOf("anna.berg")).hasSize(1);
    }

    @Test
    void changeOwnPasswordToTheSamePassword_400() {
        post("/api/users", REGISTRATION).exchange().expectStatus().isCreated();

        changeOwnPassword("anna.berg", PASSWORD, PASSWORD).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("newPassword");
    }

    @Test
    void changeOwnPasswordToATooShortOne_400() {
        post("/api/users", REGISTRATION).exchange().expectStatus().isCreated();

        changeOwnPassword("anna.berg", PASSWORD, "short").exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].message").isEqualTo("must be 12 to 128 characters");
    }

    @Test
    void changeOwnPasswordWithoutAnAccount_404() {
        // Signed in with a token from an identity provider, never registered here.
        changeOwnPassword("token.user", PASSWORD, "autumn-river-compass").exchange()
                .expectStatus().isNotFound();
    }

    @Test
    void changeOwnPasswordWhenNotSignedIn_401() {
        post("/api/users/me/password", """
                {"currentPassword": "spring-meadow-lantern", "newPassword": "autumn-river-compass"}
                """).exchange()
                .expectStatus().isUnauthorized();
    }

    @Test
    void requestBodies_printWithoutPasswords() {
        // Spring's codecs log decoded bodies at debug level, by their toString.
        assertThat(new UserRequests.RegistrationJson("anna.berg", PASSWORD, List.of(Role.SALES), null).toString())
                .doesNotContain(PASSWORD).contains("anna.berg");
        assertThat(new UserRequests.PasswordChangeJson(PASSWORD, "autumn-river-compass").toString())
                .doesNotContain(PASSWORD, "autumn-river-compass");
        assertThat(new UserRequests.PasswordResetJson(PASSWORD).toString()).doesNotContain(PASSWORD);
    }

    private WebTestClient.RequestHeadersSpec<?> post(String path, String body) {
        return http.post().uri(path).contentType(MediaType.APPLICATION_JSON).bodyValue(body);
    }

    private WebTestClient.RequestHeadersSpec<?> changeOwnPassword(String username, String current, String chosen) {
        return post("/api/users/me/password", """
                {"currentPassword": "%s", "newPassword": "%s"}
                """.formatted(current, chosen)).header(SIGNED_IN_AS, username);
    }

    private WebTestClient.RequestHeadersSpec<?> resetPassword(String username, String chosen) {
        return post("/api/users/" + username + "/password", "{\"newPassword\": \"%s\"}".formatted(chosen));
    }

    private List<DomainEventMessage<?>> eventsOf(String username) {
        List<DomainEventMessage<?>> events = new ArrayList<>();
        axon.eventStore().readEvents(UserAccountEvent.accountId(username)).forEachRemaining(events::add);
        return events;
    }

    /** Spring WebFlux with its defaults, as Spring Boot configures it for the application. */
    @EnableWebFlux
    static class WebFluxOnly {
    }
}
