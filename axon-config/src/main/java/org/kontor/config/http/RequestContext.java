package org.kontor.config.http;

import java.net.InetSocketAddress;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.axonframework.messaging.MetaData;
import org.kontor.config.axon.RequestMetadata;
import org.springframework.web.server.ServerWebExchange;

/** Where a request came from, kept on the exchange for the whole request. */
public record RequestContext(String requestId, String correlationId, String clientIp) {

    public static final String REQUEST_ID_HEADER = "X-Request-Id";
    public static final String CORRELATION_ID_HEADER = "X-Correlation-Id";
    /** The user a command is attributed to until authentication names one. */
    public static final String ANONYMOUS = "anonymous";

    private static final String ATTRIBUTE = RequestContext.class.getName();
    /** Ids a client may choose: short and printable, so they are safe in logs and headers. */
    private static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    static RequestContext from(ServerWebExchange exchange) {
        String requestId = clientChosenId(exchange, REQUEST_ID_HEADER).orElseGet(() -> UUID.randomUUID().toString());
        String correlationId = clientChosenId(exchange, CORRELATION_ID_HEADER).orElse(requestId);
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        String clientIp = remote == null || remote.getAddress() == null
                ? "unknown"
                : remote.getAddress().getHostAddress();
        return new RequestContext(requestId, correlationId, clientIp);
    }

    /** The context of a request; a fresh one for exchanges that did not pass the filter. */
    public static RequestContext of(ServerWebExchange exchange) {
        Object context = exchange.getAttribute(ATTRIBUTE);
        if (context instanceof RequestContext known) {
            return known;
        }
        RequestContext created = from(exchange);
        exchange.getAttributes().put(ATTRIBUTE, created);
        return created;
    }

    /** The metadata of a command sent for this request; the request is what caused the command. */
    public MetaData commandMetadata(String userId) {
        return MetaData.from(Map.of(
                RequestMetadata.USER_ID, userId,
                RequestMetadata.CORRELATION_ID, correlationId,
                RequestMetadata.CAUSATION_ID, requestId,
                RequestMetadata.CLIENT_IP, clientIp,
                RequestMetadata.REQUEST_ID, requestId));
    }

    private static Optional<String> clientChosenId(ServerWebExchange exchange, String header) {
        String value = exchange.getRequest().getHeaders().getFirst(header);
        return value != null && CLIENT_ID.matcher(value).matches() ? Optional.of(value) : Optional.empty();
    }
}
