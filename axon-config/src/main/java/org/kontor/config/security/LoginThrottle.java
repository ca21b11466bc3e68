package org.kontor.config.security;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.kontor.config.http.RequestContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Slows down password guessing. After {@code erp.security.login.max-failures} failed HTTP Basic
 * sign-ins for one user from one address within {@code erp.security.login.window}, or ten times as
 * many from one address for any users, further attempts are refused with 429 until the window has
 * passed, without checking the password. It runs inside the security filter chain, just before
 * HTTP Basic, so its answers carry the security headers too.
 */
@Component
class LoginThrottle {

    static final int MAX_TRACKED = 100_000;
    private static final String BASIC = "Basic ";

    private final int maxFailures;
    private final Duration window;
    private final Clock clock;
    private final Map<String, Failures> failures = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Failures> eldest) {
            return size() > MAX_TRACKED;
        }
    };

    @Autowired
    LoginThrottle(@Value("${erp.security.login.max-failures:5}") int maxFailures,
                  @Value("${erp.security.login.window:15m}") Duration window) {
        this(maxFailures, window, Clock.systemUTC());
    }

    LoginThrottle(int maxFailures, Duration window, Clock clock) {
        this.maxFailures = maxFailures;
        this.window = window;
        this.clock = clock;
    }

    /** Not a WebFilter bean of its own (WebFlux would run it a second time, outside security). */
    Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String username = basicUsername(exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION));
        if (username == null) {
            return chain.filter(exchange);
        }
        String userKey = "user:" + username + "@" + RequestContext.of(exchange).clientIp();
        String addressKey = "address:" + RequestContext.of(exchange).clientIp();
        Duration wait = longestWait(userKey, maxFailures, addressKey, maxFailures * 10);
        if (!wait.isZero()) {
            return Mono.error(new LoginThrottledException(wait));
        }
        return chain.filter(exchange)
                .doOnError(failure -> {
                    if (failure instanceof AuthenticationRequiredException) {
                        recordFailure(userKey);
                        recordFailure(addressKey);
                    } else {
                        forget(userKey); // signed in; the request failed for another reason
                    }
                })
                .doOnSuccess(done -> {
                    if (exchange.getResponse().getStatusCode() == null
                            || exchange.getResponse().getStatusCode().value() != 401) {
                        forget(userKey);
                    }
                });
    }

    private Duration longestWait(String userKey, int userLimit, String addressKey, int addressLimit) {
        Instant now = clock.instant();
        synchronized (failures) {
            Duration userWait = wait(failures.get(userKey), userLimit, now);
            Duration addressWait = wait(failures.get(addressKey), addressLimit, now);
            return userWait.compareTo(addressWait) >= 0 ? userWait : addressWait;
        }
    }

    private Duration wait(Failures recorded, int limit, Instant now) {
        if (recorded == null || recorded.count() < limit) {
            return Duration.ZERO;
        }
        Instant windowEnds = recorded.since().plus(window);
        return windowEnds.isAfter(now) ? Duration.between(now, windowEnds) : Duration.ZERO;
    }

    private void recordFailure(String key) {
        Instant now = clock.instant();
        synchronized (failures) {
            Failures recorded = failures.get(key);
            if (recorded == null || recorded.since().plus(window).isBefore(now)) {
                failures.put(key, new Failures(1, now));
            } else {
                failures.put(key, new Failures(recorded.count() + 1, recorded.since()));
            }
        }
    }

    private void forget(String key) {
        synchronized (failures) {
            failures.remove(key);
        }
    }

    static String basicUsername(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, BASIC, 0, BASIC.length())) {
            return null;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(authorization.substring(BASIC.length()).trim()),
                    StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon > 0 ? decoded.substring(0, colon) : null;
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
    }

    private record Failures(int count, Instant since) {
    }
}
