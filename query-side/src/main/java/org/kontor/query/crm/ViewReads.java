package org.kontor.query.crm;

import java.util.function.ToLongFunction;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.kontor.config.http.AxonCalls;
import org.kontor.config.http.InvalidRequestException;
import org.kontor.config.http.Page;
import org.kontor.config.http.PageRequest;
import org.kontor.config.http.ReadConsistency;
import org.kontor.query.crm.PipelineViews.SortedList;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The reads of API.md's conventions, written once for the CRM views: {@code consistent=true} waits
 * for the view's processor, {@code minVersion=N} for a version of one aggregate's view, an unknown
 * id is 404, and a view of one aggregate carries its version as {@code ETag}.
 */
@Component
class ViewReads {

    static final int MAX_ID_LENGTH = 100;

    private final QueryGateway queries;
    private final ReadConsistency consistency;

    ViewReads(QueryGateway queries, ReadConsistency consistency) {
        this.queries = queries;
        this.consistency = consistency;
    }

    /** The view of one aggregate. */
    <T> Mono<ResponseEntity<T>> one(Object query, Class<T> viewType, ToLongFunction<T> version, String processor,
                                    String what, String id, Boolean consistent, Long minVersion) {
        requireShort(what + "Id", id);
        return consistency.readVersioned(processor, consistent, minVersion, () -> ask(query, viewType), version,
                what, id);
    }

    /** A view without a version of its own (a list, a report, a campaign's analytics). */
    <T> Mono<T> read(Object query, Class<T> viewType, String processor, Boolean consistent) {
        return consistency.awaitIfRequested(consistent, processor).then(ask(query, viewType));
    }

    /** A page of a list ordered by sort key, with the cursor that continues after it. */
    <T, L extends SortedList<T>> Mono<Page<T>> page(Object query, Class<L> listType, String processor,
                                                     Boolean consistent) {
        return read(query, listType, processor, consistent).map(found -> new Page<>(found.items(),
                found.lastSortKey() == null ? null : PageRequest.encodeCursor(found.lastSortKey())));
    }

    static void requireShort(String field, String value) {
        if (value != null && value.length() > MAX_ID_LENGTH) {
            throw new InvalidRequestException(field, "must be at most " + MAX_ID_LENGTH + " characters");
        }
    }

    private <T> Mono<T> ask(Object query, Class<T> viewType) {
        return AxonCalls.offEventLoop(() -> queries.query(query, ResponseTypes.instanceOf(viewType)));
    }
}
