package org.kontor.config.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.kontor.config.security.LoginThrottledException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;

/**
 * Writes every error of every endpoint as problem+json, in one place. It runs before Spring Boot's
 * own error handler, so no error body ever shows a stack trace or an internal class name.
 */
@Component
@Order(-2)
class ProblemExceptionHandler implements WebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemExceptionHandler.class);
    static final MediaType PROBLEM_JSON = MediaType.APPLICATION_PROBLEM_JSON;

    private final ObjectMapper objectMapper;

    ProblemExceptionHandler(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable failure) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.error(failure);
        }
        RequestContext context = RequestContext.of(exchange);
        Problem problem = ProblemMapper.toProblem(failure).forRequest(context.requestId());
        if (ProblemMapper.isServerFault(problem)) {
            log.error("Request {} {} failed (request id {})", exchange.getRequest().getMethod(),
                    exchange.getRequest().getPath(), context.requestId(), failure);
        }
        response.setStatusCode(HttpStatus.valueOf(problem.status()));
        response.getHeaders().setContentType(PROBLEM_JSON);
        response.getHeaders().set(RequestContext.REQUEST_ID_HEADER, context.requestId());
        Throwable cause = ProblemMapper.unwrap(failure);
        if (cause instanceof NotConsistentYetException late) {
            response.getHeaders().set(HttpHeaders.RETRY_AFTER, seconds(late.retryAfter()));
        }
        if (cause instanceof LoginThrottledException throttled) {
            response.getHeaders().set(HttpHeaders.RETRY_AFTER, seconds(throttled.retryAfter()));
        }
        if (problem.status() == HttpStatus.UNAUTHORIZED.value()) {
            response.getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"kontor\"");
        }
        return response.writeWith(Mono.fromCallable(() -> response.bufferFactory().wrap(toJson(problem))));
    }

    private static String seconds(Duration duration) {
        return Long.toString(Math.max(1, duration.toSeconds()));
    }

    private byte[] toJson(Problem problem) throws JsonProcessingException {
        return objectMapper.writeValueAsString(problem).getBytes(StandardCharsets.UTF_8);
    }
}
