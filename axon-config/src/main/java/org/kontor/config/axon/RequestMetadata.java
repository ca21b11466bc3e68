package org.kontor.config.axon;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.correlation.CorrelationDataProvider;

/**
 * The metadata every command carries and passes on to every message it causes: who
 * ({@code userId}), from where ({@code clientIp}), which request ({@code requestId}), which business
 * flow ({@code correlationId}) and which message directly caused it ({@code causationId}).
 */
public final class RequestMetadata implements CorrelationDataProvider {

    public static final String USER_ID = "userId";
    public static final String CORRELATION_ID = "correlationId";
    public static final String CAUSATION_ID = "causationId";
    public static final String CLIENT_IP = "clientIp";
    public static final String REQUEST_ID = "requestId";

    /** Keys copied unchanged from a message to everything it causes. */
    static final List<String> INHERITED_KEYS = List.of(USER_ID, CORRELATION_ID, CLIENT_IP, REQUEST_ID);

    @Override
    public Map<String, ?> correlationDataFor(Message<?> message) {
        Map<String, Object> data = new HashMap<>();
        for (String key : INHERITED_KEYS) {
            Object value = message.getMetaData().get(key);
            if (value != null) {
                data.put(key, value);
            }
        }
        data.put(CAUSATION_ID, message.getIdentifier());
        return data;
    }
}
