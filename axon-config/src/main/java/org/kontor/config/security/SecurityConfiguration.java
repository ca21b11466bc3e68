package org.kontor.config.security;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import org.kontor.config.security.AccessMatrix.Rule;
import org.kontor.events.people.Role;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.ReactiveUserDetailsService;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Every request is authenticated (HTTP Basic against the system's accounts; JWT bearer tokens too
 * when an issuer is configured) and authorised by the {@link AccessMatrix}. Stateless: no session,
 * no cookie, so no CSRF token. Only health and the OpenAPI document are public.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class SecurityConfiguration {

    static final String[] PUBLIC_PATHS = {"/actuator/health", "/actuator/health/**", "/v3/api-docs", "/v3/api-docs/**"};
    /** bcrypt's work factor: about 50 ms a check on one core of the reference machine. */
    static final int BCRYPT_STRENGTH = 10;

    @Bean
    PasswordEncoder passwordEncoder() {
        return new CachedPasswordEncoder(new BCryptPasswordEncoder(BCRYPT_STRENGTH), Clock.systemUTC());
    }

    @Bean
    ReactiveUserDetailsService userDetailsService(UserAccounts accounts) {
        return username -> Mono.fromCallable(() -> accounts.find(username))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(Mono::justOrEmpty)
                .map(user -> User.withUsername(user.username())
                        .password(user.passwordHash())
                        .roles(user.roles().stream().map(Role::name).toArray(String[]::new))
                        .disabled(!user.enabled())
                        .build());
    }

    @Bean
    SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http, LoginThrottle loginThrottle,
                                                  ObjectProvider<ReactiveJwtDecoder> jwtDecoder,
                                                  @Value("${erp.security.jwt.roles-claim:roles}") String rolesClaim,
                                                  @Value("${erp.security.jwt.username-claim:sub}") String usernameClaim,
                                                  @Value("${erp.security.cors.allowed-origins:}") List<String> origins) {
        ServerAuthenticationEntryPoint unauthenticated = (exchange, failure) ->
                Mono.error(new AuthenticationRequiredException());
        ServerAccessDeniedHandler forbidden = (exchange, denied) ->
                Mono.error(new AccessDeniedException("Your roles do not allow this request."));
        http.csrf(ServerHttpSecurity.CsrfSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .addFilterBefore(loginThrottle::filter, SecurityWebFiltersOrder.HTTP_BASIC)
                .httpBasic(basic -> basic.authenticationEntryPoint(unauthenticated))
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint(unauthenticated)
                        .accessDeniedHandler(forbidden))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'none'; frame-ancestors 'none'"))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER)))
                .authorizeExchange(exchanges -> {
                    exchanges.pathMatchers(PUBLIC_PATHS).permitAll();
                    for (Rule rule : AccessMatrix.RULES) {
                        String[] roles = rule.roles().stream().map(Role::name).sorted().toArray(String[]::new);
                        if (rule.method() == null) {
                            exchanges.pathMatchers(rule.pathPattern()).hasAnyRole(roles);
                        } else {
                            exchanges.pathMatchers(rule.method(), rule.pathPattern()).hasAnyRole(roles);
                        }
                    }
                    // Closed by default: an endpoint without a row is for administrators only.
                    exchanges.pathMatchers("/api/**", "/actuator/**").hasRole(Role.ADMIN.name());
                    exchanges.anyExchange().authenticated();
                });
        jwtDecoder.ifAvailable(decoder -> http.oauth2ResourceServer(resourceServer -> resourceServer
                .authenticationEntryPoint(unauthenticated)
                .accessDeniedHandler(forbidden)
                .jwt(jwt -> jwt.jwtDecoder(decoder)
                        .jwtAuthenticationConverter(rolesFromClaim(rolesClaim, usernameClaim)))));
        if (origins.isEmpty()) {
            http.cors(ServerHttpSecurity.CorsSpec::disable);
        } else {
            http.cors(cors -> cors.configurationSource(corsFor(origins)));
        }
        return http.build();
    }

    /** Roles from a claim that holds a list (or a space-separated string) of role names. */
    static Converter<Jwt, Mono<AbstractAuthenticationToken>> rolesFromClaim(String rolesClaim, String usernameClaim) {
        return jwt -> {
            Object claim = jwt.getClaims().get(rolesClaim);
            List<String> names = claim instanceof Collection<?> list
                    ? list.stream().map(String::valueOf).toList()
                    : claim instanceof String text ? List.of(text.split(" ")) : List.of();
            List<GrantedAuthority> authorities = names.stream()
                    .filter(SecurityConfiguration::isRole)
                    .map(name -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + name))
                    .toList();
            return Mono.just(new JwtAuthenticationToken(jwt, authorities, jwt.getClaimAsString(usernameClaim)));
        };
    }

    private static boolean isRole(String name) {
        for (Role role : Role.values()) {
            if (role.name().equals(name)) {
                return true;
            }
        }
        return false;
    }

    private static UrlBasedCorsConfigurationSource corsFor(List<String> origins) {
        CorsConfiguration cors = new CorsConfiguration();
        cors.setAllowedOrigins(origins);
        cors.setAllowedMethods(List.of("GET", "POST", "PATCH", "OPTIONS"));
        cors.setAllowedHeaders(List.of("Authorization", "Content-Type", "If-Match", "X-Request-Id", "X-Correlation-Id"));
        cors.setExposedHeaders(List.of("ETag", "Location", "X-Request-Id", "Retry-After"));
        cors.setMaxAge(3600L);
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/**", cors);
        return source;
    }
}
