package org.kontor.query.crm;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.kontor.config.http.AxonCalls;
import org.kontor.config.http.Instants;
import org.kontor.config.http.InvalidRequestException;
import org.kontor.config.http.NotFoundException;
import org.kontor.config.http.Page;
import org.kontor.config.http.PageRequest;
import org.kontor.config.http.ReadConsistency;
import org.kontor.config.http.Versions;
import org.kontor.query.crm.CustomerQueries.FetchCustomerQuery;
import org.kontor.query.crm.CustomerQueries.FetchCustomerTimelineQuery;
import org.kontor.query.crm.CustomerQueries.FetchCustomersQuery;
import org.kontor.query.crm.CustomerQueryHandlers.CustomerList;
import org.kontor.query.crm.CustomerViews.CustomerSummary;
import org.kontor.query.crm.CustomerViews.CustomerView;
import org.kontor.query.crm.TimelineQueryHandler.TimelinePage;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The CRM customer reads over HTTP (API.md, CRM rows). */
@RestController
@RequestMapping(path = "/api/customers", produces = MediaType.APPLICATION_JSON_VALUE)
class CustomerQueryController {

    private static final int MAX_QUERY_LENGTH = 200;
    private static final String TIMELINE_CURSOR_PREFIX = "entry:";

    private final QueryGateway queries;
    private final ReadConsistency consistency;
    private final CustomerKnownAt knownAtReads;

    CustomerQueryController(QueryGateway queries, ReadConsistency consistency, CustomerKnownAt knownAtReads) {
        this.queries = queries;
        this.consistency = consistency;
        this.knownAtReads = knownAtReads;
    }

    @GetMapping
    Mono<Page<CustomerSummary>> list(@RequestParam(required = false) String q,
                                     @RequestParam(required = false) String tag,
                                     @RequestParam(required = false) String ownerId,
                                     @RequestParam(required = false) Integer limit,
                                     @RequestParam(required = false) String cursor,
                                     @RequestParam(required = false) Boolean consistent) {
        if (q != null && q.length() > MAX_QUERY_LENGTH) {
            throw new InvalidRequestException("q", "must be at most " + MAX_QUERY_LENGTH + " characters");
        }
        PageRequest page = PageRequest.of(limit, cursor);
        FetchCustomersQuery query = new FetchCustomersQuery(q, tag, ownerId, page.limit(), page.cursorPosition());
        return consistency.awaitIfRequested(consistent, CustomerProjection.PROCESSOR)
                .then(AxonCalls.offEventLoop(() -> queries.query(query, ResponseTypes.instanceOf(CustomerList.class))))
                .map(found -> new Page<>(found.items(),
                        found.lastSortKey() == null ? null : PageRequest.encodeCursor(found.lastSortKey())));
    }

    /**
     * With {@code knownAt} (an instant), the 360 view as it was known then, folded from the events
     * recorded up to it ({@link CustomerKnownAt}); 404 when the customer was not registered yet.
     * {@code consistent} and {@code minVersion} do not apply to it.
     */
    @GetMapping("/{customerId}")
    Mono<ResponseEntity<CustomerView>> get(@PathVariable String customerId,
                                           @RequestParam(required = false) Boolean consistent,
                                           @RequestParam(required = false) Long minVersion,
                                           @RequestParam(required = false) String knownAt) {
        if (minVersion != null && minVersion < 1) {
            throw new InvalidRequestException("minVersion", "must be 1 or more");
        }
        Instant known = Instants.parseOptional("knownAt", knownAt);
        Mono<CustomerView> found = known == null ? live(customerId, consistent, minVersion)
                : knownAtReads.customer(customerId, known);
        return found
                .switchIfEmpty(Mono.error(() -> new NotFoundException("customer", customerId)))
                .map(view -> ResponseEntity.ok().eTag(Versions.etag(view.version())).body(view));
    }

    private Mono<CustomerView> live(String customerId, Boolean consistent, Long minVersion) {
        FetchCustomerQuery query = new FetchCustomerQuery(customerId);
        return consistency.awaitIfRequested(consistent, CustomerProjection.PROCESSOR)
                .then(consistency.readUntil(CustomerProjection.PROCESSOR,
                        () -> AxonCalls.offEventLoop(() -> queries.query(query, ResponseTypes.instanceOf(CustomerView.class))),
                        minVersion == null ? null : view -> view.version() >= minVersion));
    }

    @GetMapping("/{customerId}/timeline")
    Mono<Page<TimelineEntry>> timeline(@PathVariable String customerId,
                                       @RequestParam(required = false) Integer limit,
                                       @RequestParam(required = false) String cursor,
                                       @RequestParam(required = false) List<String> types,
                                       @RequestParam(required = false) Boolean consistent) {
        PageRequest page = PageRequest.of(limit, cursor);
        FetchCustomerTimelineQuery query = new FetchCustomerTimelineQuery(customerId,
                types == null ? Set.of() : Set.copyOf(types), page.limit(), timelineEntry(page));
        return consistency.awaitIfRequested(consistent, TimelineProjection.PROCESSOR)
                .then(AxonCalls.offEventLoop(() -> queries.query(query, ResponseTypes.instanceOf(TimelinePage.class))))
                .switchIfEmpty(Mono.error(() -> new NotFoundException("customer", customerId)))
                .map(found -> new Page<>(found.items(), found.nextEntry() == null ? null
                        : PageRequest.encodeCursor(TIMELINE_CURSOR_PREFIX + found.nextEntry())));
    }

    private static Long timelineEntry(PageRequest page) {
        if (page.isFirstPage()) {
            return null;
        }
        String position = page.cursorPosition();
        try {
            long entry = Long.parseLong(position.substring(TIMELINE_CURSOR_PREFIX.length()));
            if (!position.startsWith(TIMELINE_CURSOR_PREFIX) || entry < 0) {
                throw PageRequest.invalidCursor();
            }
            return entry;
        } catch (NumberFormatException | IndexOutOfBoundsException notOurs) {
            throw PageRequest.invalidCursor();
        }
    }
}
