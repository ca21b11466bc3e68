package org.kontor.query.openitems;

import java.time.LocalDate;
import java.time.ZoneOffset;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.kontor.config.http.AxonCalls;
import org.kontor.config.http.BusinessDates;
import org.kontor.config.http.InvalidRequestException;
import org.kontor.config.http.PageRequest;
import org.kontor.config.http.ReadConsistency;
import org.kontor.query.openitems.AgingQueries.FetchAgingQuery;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * {@code GET /api/reports/ar-aging} and {@code /ap-aging}: open invoices and bills by days past due,
 * as of the end of {@code asOf} (default: today, UTC), per customer or supplier; one party with
 * {@code customerId} / {@code supplierId}; rows paged by party.
 */
@RestController
@RequestMapping(path = "/api/reports", produces = MediaType.APPLICATION_JSON_VALUE)
class AgingQueryController {

    private static final String CURSOR_PREFIX = "party:";
    private static final int MAX_ID_LENGTH = 100;

    private final QueryGateway queries;
    private final ReadConsistency consistency;

    AgingQueryController(QueryGateway queries, ReadConsistency consistency) {
        this.queries = queries;
        this.consistency = consistency;
    }

    @GetMapping("/ar-aging")
    Mono<AgingReport> receivables(@RequestParam(required = false) String asOf,
                                  @RequestParam(required = false) String customerId,
                                  @RequestParam(required = false) Integer limit,
                                  @RequestParam(required = false) String cursor,
                                  @RequestParam(required = false) Boolean consistent) {
        return aging(OpenItemKind.RECEIVABLE, asOf, customerId, limit, cursor, consistent);
    }

    @GetMapping("/ap-aging")
    Mono<AgingReport> payables(@RequestParam(required = false) String asOf,
                               @RequestParam(required = false) String supplierId,
                               @RequestParam(required = false) Integer limit,
                               @RequestParam(required = false) String cursor,
                               @RequestParam(required = false) Boolean consistent) {
        return aging(OpenItemKind.PAYABLE, asOf, supplierId, limit, cursor, consistent);
    }

    private Mono<AgingReport> aging(OpenItemKind kind, String asOf, String partyId, Integer limit, String cursor,
                                    Boolean consistent) {
        LocalDate date = asOf == null ? LocalDate.now(ZoneOffset.UTC) : BusinessDates.parse("asOf", asOf);
        if (partyId != null && (partyId.isBlank() || partyId.length() > MAX_ID_LENGTH)) {
            throw new InvalidRequestException(kind.partyField(), "must be 1 to " + MAX_ID_LENGTH + " characters");
        }
        PageRequest page = PageRequest.of(limit, cursor);
        String after = page.isFirstPage() ? null : PageRequest.withoutPrefix(page.cursorPosition(), CURSOR_PREFIX);
        FetchAgingQuery query = new FetchAgingQuery(kind, date, partyId, after, page.limit());
        return consistency.awaitIfRequested(consistent, kind.processor())
                .then(AxonCalls.offEventLoop(() -> queries.query(query, ResponseTypes.instanceOf(AgingReport.class))))
                .map(report -> report.nextCursor() == null ? report : new AgingReport(report.asOf(), report.rows(),
                        report.totals(), PageRequest.encodeCursor(CURSOR_PREFIX + report.nextCursor())));
    }
}
