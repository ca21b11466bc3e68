package org.kontor.server.http;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kontor.server.KontorServer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Production sign-in: bearer JWTs from an identity provider, roles from a claim. The provider here
 * is a key pair the test makes; the server trusts its public key as it would a JWK set.
 */
@SpringBootTest(classes = {KontorServer.class, JwtAuthenticationTest.TrustedIssuer.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"erp.security.admin-password=jwt-test-admin-pw", "erp.security.jwt.roles-claim=kontor_roles",
                "server.shutdown=immediate"})
class JwtAuthenticationTest {

    private static final KeyPair ISSUER_KEYS = newKeyPair();
    private static final KeyPair STRANGER_KEYS = newKeyPair();

    @Autowired
    WebTestClient http;

    @DynamicPropertySource
    static void storage(DynamicPropertyRegistry registry) {
        registry.add("erp.data-dir", () -> HttpTest.createDataDirectory("kontor-jwt-test").toString());
    }

    @Test
    void tokenWithAnAllowedRole_acceptedAndItsSubjectIsTheUser() {
        String customerId = java.util.UUID.randomUUID().toString();

        http.post().uri("/api/customers").contentType(MediaType.APPLICATION_JSON)
                .headers(headers -> headers.setBearerAuth(token(ISSUER_KEYS, "sso-user-7", List.of("SALES"))))
                .bodyValue("{\"id\": \"" + customerId + "\", \"name\": \"Token GmbH\", \"kind\": \"COMPANY\"}")
                .exchange()
                .expectStatus().isCreated();

        http.get().uri("/api/customers/{id}/timeline?consistent=true", customerId)
                .headers(headers -> headers.setBearerAuth(token(ISSUER_KEYS, "sso-user-7", List.of("SALES"))))
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.items[0].by").isEqualTo("sso-user-7");
    }

    @Test
    void tokenWithoutTheRole_forbidden() {
        http.post().uri("/api/customers").contentType(MediaType.APPLICATION_JSON)
                .headers(headers -> headers.setBearerAuth(token(ISSUER_KEYS, "sso-analyst", List.of("ANALYST"))))
                .bodyValue("{\"name\": \"Nope\", \"kind\": \"COMPANY\"}")
                .exchange()
                .expectStatus().isForbidden()
                .expectBody().jsonPath("$.code").isEqualTo("FORBIDDEN");
    }

    @Test
    void tokenSignedByAnotherKey_unauthorized() {
        http.get().uri("/api/customers")
                .headers(headers -> headers.setBearerAuth(token(STRANGER_KEYS, "intruder", List.of("ADMIN"))))
                .exchange()
                .expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.code").isEqualTo("UNAUTHENTICATED");
    }

    @Test
    void basicSignInStillWorks_forServiceAccounts() {
        http.get().uri("/api/customers").headers(headers -> headers.setBasicAuth("admin", "jwt-test-admin-pw"))
                .exchange()
                .expectStatus().isOk();
    }

    private static String token(KeyPair keys, String subject, List<String> roles) {
        try {
            return signed(keys, subject, roles);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String signed(KeyPair keys, String subject, List<String> roles) throws JOSEException {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .subject(subject)
                .issuer("https://login.example")
                .issueTime(new Date())
                .expirationTime(Date.from(Instant.now().plusSeconds(300)))
                .claim("kontor_roles", roles)
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
        jwt.sign(new RSASSASigner(keys.getPrivate()));
        return jwt.serialize();
    }

    private static KeyPair newKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What setting jwk-set-uri gives in production: a decoder that trusts the issuer's key. */
    @TestConfiguration
    static class TrustedIssuer {

        @Bean
        ReactiveJwtDecoder jwtDecoder() {
            return NimbusReactiveJwtDecoder.withPublicKey((RSAPublicKey) ISSUER_KEYS.getPublic()).build();
        }
    }
}
