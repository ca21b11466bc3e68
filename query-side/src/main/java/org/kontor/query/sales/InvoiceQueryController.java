package org.kontor.query.sales;

import java.util.Set;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.kontor.config.http.AxonCalls;
import org.kontor.config.http.InvalidRequestException;
import org.kontor.config.http.Page;
import org.kontor.config.http.PageRequest;
import org.kontor.config.http.ReadConsistency;
import org.kontor.query.sales.InvoiceQueries.FetchInvoiceQuery;
import org.kontor.query.sales.InvoiceQueries.FetchInvoicesQuery;
import org.kontor.query.sales.InvoiceQueries.InvoicePage;
import org.kontor.query.sales.InvoiceQueries.InvoiceView;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Invoices over HTTP: one by id ({@code minVersion=N} waits for its version N, e.g. after a
 * payment; the version is the {@code ETag}) and lists by customer and status with a cursor.
 */
@RestController
@RequestMapping(path = "/api/invoices", produces = MediaType.APPLICATION_JSON_VALUE)
class InvoiceQueryController {

    private static final int MAX_ID_LENGTH = 100;
    private static final Set<String> STATUSES = Set.of(InvoiceProjection.OPEN, InvoiceProjection.PAID,
            InvoiceProjection.OVERDUE);
    private static final String CURSOR_PREFIX = "invoice:";

    private final QueryGateway queries;
    private final ReadConsistency consistency;

    InvoiceQueryController(QueryGateway queries, ReadConsistency consistency) {
        this.queries = queries;
        this.consistency = consistency;
    }

    @GetMapping
    Mono<Page<InvoiceView>> list(@RequestParam(required = false) String customerId,
                                 @RequestParam(required = false) String status,
                                 @RequestParam(required = false) Integer limit,
                                 @RequestParam(required = false) String cursor,
                                 @RequestParam(required = false) Boolean consistent) {
        if (customerId != null && customerId.length() > MAX_ID_LENGTH) {
            throw new InvalidRequestException("customerId", "must be at most " + MAX_ID_LENGTH + " characters");
        }
        if (status != null && !STATUSES.contains(status)) {
            throw new InvalidRequestException("status", "must be one of OPEN, PAID, OVERDUE");
        }
        PageRequest page = PageRequest.of(limit, cursor);
        String after = page.isFirstPage() ? null : PageRequest.withoutPrefix(page.cursorPosition(), CURSOR_PREFIX);
        FetchInvoicesQuery query = new FetchInvoicesQuery(customerId, status, page.limit(), after);
        return consistency.awaitIfRequested(consistent, InvoiceProjection.PROCESSOR)
                .then(AxonCalls.offEventLoop(() -> queries.query(query, ResponseTypes.instanceOf(InvoicePage.class))))
                .map(found -> new Page<>(found.items(), found.lastInvoiceId() == null ? null
                        : PageRequest.encodeCursor(CURSOR_PREFIX + found.lastInvoiceId())));
    }

    @GetMapping("/{invoiceId}")
    Mono<ResponseEntity<InvoiceView>> invoice(@PathVariable String invoiceId,
                                              @RequestParam(required = false) Boolean consistent,
                                              @RequestParam(required = false) Long minVersion) {
        if (invoiceId.length() > MAX_ID_LENGTH) {
            throw new InvalidRequestException("invoiceId", "must be at most " + MAX_ID_LENGTH + " characters");
        }
        return consistency.readVersioned(InvoiceProjection.PROCESSOR, consistent, minVersion,
                () -> AxonCalls.offEventLoop(() -> queries.query(new FetchInvoiceQuery(invoiceId),
                        ResponseTypes.instanceOf(InvoiceView.class))),
                InvoiceView::version, "invoice", invoiceId);
    }
}
