package org.kontor.query.sales;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.kontor.config.http.AxonCalls;
import org.kontor.config.http.InvalidRequestException;
import org.kontor.config.http.ReadConsistency;
import org.kontor.query.sales.SalesOrderQueries.FetchSalesOrderQuery;
import org.kontor.query.sales.SalesOrderQueries.SalesOrderView;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * A sales order over HTTP: {@code consistent=true} waits for the view's processor,
 * {@code minVersion=N} for the order's version N (a confirmed order's reservation outcome is a later
 * version), an unknown id is 404, the version is the {@code ETag}.
 */
@RestController
@RequestMapping(path = "/api/sales-orders", produces = MediaType.APPLICATION_JSON_VALUE)
class SalesOrderQueryController {

    private static final int MAX_ID_LENGTH = 100;

    private final QueryGateway queries;
    private final ReadConsistency consistency;

    SalesOrderQueryController(QueryGateway queries, ReadConsistency consistency) {
        this.queries = queries;
        this.consistency = consistency;
    }

    @GetMapping("/{orderId}")
    Mono<ResponseEntity<SalesOrderView>> order(@PathVariable String orderId,
                                               @RequestParam(required = false) Boolean consistent,
                                               @RequestParam(required = false) Long minVersion) {
        if (orderId.length() > MAX_ID_LENGTH) {
            throw new InvalidRequestException("orderId", "must be at most " + MAX_ID_LENGTH + " characters");
        }
        return consistency.readVersioned(SalesOrderProjection.PROCESSOR, consistent, minVersion,
                () -> AxonCalls.offEventLoop(() -> queries.query(new FetchSalesOrderQuery(orderId),
                        ResponseTypes.instanceOf(SalesOrderView.class))),
                SalesOrderView::version, "sales order", orderId);
    }
}
