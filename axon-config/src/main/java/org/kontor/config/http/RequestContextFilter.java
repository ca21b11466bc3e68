package org.kontor.config.http;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * First in line for every request: gives it a request id (echoed in {@code X-Request-Id}) and
 * refuses a declared body over the limit before a byte of it is read. Bodies without a declared
 * length are held to the same limit by the codecs ({@code spring.codec.max-in-memory-size}).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestContextFilter implements WebFilter {

    /** 1 MiB: Spring counts a megabyte as 1024 * 1024 bytes. */
    static final DataSize MAX_BODY = DataSize.ofMegabytes(1);

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        RequestContext context = RequestContext.of(exchange);
        exchange.getResponse().getHeaders().set(RequestContext.REQUEST_ID_HEADER, context.requestId());
        long declaredLength = exchange.getRequest().getHeaders().getContentLength();
        if (declaredLength > MAX_BODY.toBytes()) {
            return Mono.error(new PayloadTooLargeException(declaredLength, MAX_BODY.toBytes()));
        }
        return chain.filter(exchange);
    }
}
