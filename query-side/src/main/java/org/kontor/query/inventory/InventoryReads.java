package org.kontor.query.inventory;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.kontor.config.http.AxonCalls;
import org.kontor.config.http.InvalidRequestException;
import org.kontor.config.http.ReadConsistency;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** How the inventory endpoints read: through the query gateway, after waiting for the view when asked to. */
@Component
class InventoryReads {

    static final int MAX_ID_LENGTH = 100;

    private final QueryGateway queries;
    private final ReadConsistency consistency;

    InventoryReads(QueryGateway queries, ReadConsistency consistency) {
        this.queries = queries;
        this.consistency = consistency;
    }

    <T> Mono<T> read(Boolean consistent, Object query, Class<T> answer) {
        return consistency.awaitIfRequested(consistent, InventoryProjection.PROCESSOR)
                .then(AxonCalls.offEventLoop(() -> queries.query(query, ResponseTypes.instanceOf(answer))));
    }

    /** An id or SKU from the request: {@code null} when absent or empty, a 400 when too long. */
    static String shortOrNull(String field, String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        if (value.length() > MAX_ID_LENGTH) {
            throw new InvalidRequestException(field, "must be at most " + MAX_ID_LENGTH + " characters");
        }
        return value;
    }
}
