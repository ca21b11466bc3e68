package org.kontor.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient.BodyContentSpec;
import org.springframework.web.reactive.resource.ResourceUrlProvider;

/** Every row of API.md's error table that exists so far, as problem+json with its code. */
class ProblemResponsesTest extends HttpTestSupport {

    @Autowired
    private ApplicationContext context;

    @Test
    void missingRequiredFields_badRequestNamingEachField() {
        post("/api/customers", "{\"email\": \"not-an-email\"}")
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.code").isEqualTo("INVALID_REQUEST")
                .jsonPath("$.errors[?(@.field == 'name')]").exists()
                .jsonPath("$.errors[?(@.field == 'kind')]").exists()
                .jsonPath("$.errors[?(@.field == 'email')]").exists();
    }

    @Test
    void malformedJson_badRequest() {
        problem(post("/api/customers", "{\"name\": "), 400, "INVALID_REQUEST");
    }

    @Test
    void unknownEnumValue_badRequestNamingTheField() {
        problem(post("/api/customers", "{\"name\": \"X\", \"kind\": \"ALIEN\"}"), 400, "INVALID_REQUEST")
                .jsonPath("$.errors[0].field").isEqualTo("kind");
    }

    @Test
    void wrongType_badRequestNamingTheField() {
        problem(post("/api/customers", "{\"name\": \"X\", \"kind\": \"PERSON\", \"tags\": 5}"), 400, "INVALID_REQUEST")
                .jsonPath("$.errors[0].field").isEqualTo("tags");
    }

    @Test
    void moreDecimalsThanTheCurrencyAllows_badRequest() {
        problem(post("/api/customers", "{\"name\": \"X\", \"kind\": \"PERSON\", "
                + "\"creditLimit\": {\"amount\": \"10.001\", \"currency\": \"EUR\"}}"), 400, "INVALID_REQUEST")
                .jsonPath("$.errors[0].field").isEqualTo("creditLimit.amount");
    }

    @Test
    void idThatIsNotAUuid_badRequest() {
        problem(post("/api/customers", "{\"id\": \"42\", \"name\": \"X\", \"kind\": \"PERSON\"}"), 400,
                "INVALID_REQUEST").jsonPath("$.errors[0].field").isEqualTo("id");
    }

    @Test
    void changeNamingAnUnknownField_badRequest() {
        String id = registerCustomer("Strict Patch GmbH");
        problem(http.patch().uri("/api/customers/{id}", id).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"naem\": \"Typo\"}").exchange(), 400, "INVALID_REQUEST")
                .jsonPath("$.errors[0].field").isEqualTo("naem");
    }

    @Test
    void changeClearingTheName_badRequest() {
        String id = registerCustomer("Keep My Name GmbH");
        problem(http.patch().uri("/api/customers/{id}", id).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"name\": null}").exchange(), 400, "INVALID_REQUEST");
    }

    @Test
    void ifMatchThatIsNotAVersion_badRequest() {
        String id = registerCustomer("Etag GmbH");
        problem(http.patch().uri("/api/customers/{id}", id).contentType(MediaType.APPLICATION_JSON)
                .header("If-Match", "\"abc\"").bodyValue("{\"phone\": \"123456\"}").exchange(), 400,
                "INVALID_REQUEST");
    }

    @Test
    void limitOutOfRange_badRequest() {
        problem(http.get().uri("/api/customers?limit=1001").exchange(), 400, "INVALID_REQUEST")
                .jsonPath("$.errors[0].field").isEqualTo("limit");
    }

    @Test
    void cursorNotFromThisList_badRequest() {
        String id = registerCustomer("Cursor GmbH");
        problem(http.get().uri("/api/customers/{id}/timeline?cursor=bm9wZQ", id).exchange(), 400, "INVALID_REQUEST")
                .jsonPath("$.errors[0].field").isEqualTo("cursor");
    }

    @Test
    void bodyOverOneMebibyte_payloadTooLarge() {
        String huge = "{\"name\": \"" + "x".repeat(1024 * 1024) + "\", \"kind\": \"PERSON\"}";
        problem(post("/api/customers", huge), 413, "PAYLOAD_TOO_LARGE");
    }

    @Test
    void bodyThatIsNotJson_unsupportedMediaType() {
        problem(http.post().uri("/api/customers").contentType(MediaType.TEXT_PLAIN).bodyValue("name=X").exchange(),
                415, "UNSUPPORTED_MEDIA_TYPE");
    }

    @Test
    void unknownCustomer_notFound() {
        problem(http.get().uri("/api/customers/{id}", newId()).exchange(), 404, "NOT_FOUND");
        problem(http.get().uri("/api/customers/{id}/timeline", newId()).exchange(), 404, "NOT_FOUND");
        problem(http.patch().uri("/api/customers/{id}", newId()).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"phone\": \"123456\"}").exchange(), 404, "NOT_FOUND");
        problem(post("/api/customers/" + newId() + "/contacts", "{\"name\": \"Nobody\"}"), 404, "NOT_FOUND");
        problem(post("/api/customers/" + newId() + "/interactions",
                interactionJson(newId(), "2026-11-20T10:00:00Z", "Hello?")), 404, "NOT_FOUND");
    }

    @Test
    void unknownPath_notFound() {
        problem(http.get().uri("/api/no-such-thing").exchange(), 404, "NOT_FOUND");
    }

    @Test
    void unknownPath_notLookedUpAmongStaticResources() {
        problem(http.get().uri("/index.html").exchange(), 404, "NOT_FOUND");
        assertThat(context.getBean(ResourceUrlProvider.class).getHandlerMap()).isEmpty();
    }

    @Test
    void problem_carriesTheRequestIdAsInstance() {
        http.get().uri("/api/customers/{id}", newId()).header("X-Request-Id", "trace-me-1")
                .exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.instance").isEqualTo("trace-me-1");
    }

    private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec post(String path, String body) {
        return http.post().uri(path).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    private static BodyContentSpec problem(org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec response,
                                           int status, String code) {
        return response.expectStatus().isEqualTo(status)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(status)
                .jsonPath("$.code").isEqualTo(code)
                .jsonPath("$.title").isNotEmpty()
                .jsonPath("$.detail").isNotEmpty()
                .jsonPath("$.instance").isNotEmpty()
                .jsonPath("$.type").isNotEmpty();
    }
}
