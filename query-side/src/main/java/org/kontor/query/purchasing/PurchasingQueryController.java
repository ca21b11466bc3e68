package org.kontor.query.purchasing;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.function.ToLongFunction;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.kontor.config.http.AxonCalls;
import org.kontor.config.http.InvalidRequestException;
import org.kontor.config.http.Page;
import org.kontor.config.http.PageRequest;
import org.kontor.config.http.ReadConsistency;
import org.kontor.query.purchasing.PurchasingQueries.FetchBillQuery;
import org.kontor.query.purchasing.PurchasingQueries.FetchBillsQuery;
import org.kontor.query.purchasing.PurchasingQueries.FetchPurchaseOrderQuery;
import org.kontor.query.purchasing.PurchasingQueries.FetchPurchaseOrdersQuery;
import org.kontor.query.purchasing.PurchasingQueries.FetchSupplierQuery;
import org.kontor.query.purchasing.PurchasingQueries.FetchSuppliersQuery;
import org.kontor.query.purchasing.PurchasingViews.BillPage;
import org.kontor.query.purchasing.PurchasingViews.BillView;
import org.kontor.query.purchasing.PurchasingViews.PurchaseOrderPage;
import org.kontor.query.purchasing.PurchasingViews.PurchaseOrderView;
import org.kontor.query.purchasing.PurchasingViews.SupplierPage;
import org.kontor.query.purchasing.PurchasingViews.SupplierView;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Suppliers, purchase orders and bills over HTTP. One of each: {@code consistent=true} waits for the
 * purchasing view, {@code minVersion=N} for the document's version N, an unknown id is 404, the
 * version is the {@code ETag}. Lists are by id, with {@code limit} and {@code cursor}.
 */
@RestController
@RequestMapping(path = "/api", produces = MediaType.APPLICATION_JSON_VALUE)
class PurchasingQueryController {

    private static final int MAX_ID_LENGTH = 100;
    private static final String ID_CURSOR = "id:";
    private static final Set<String> BILL_STATUSES = Set.of("OPEN", "OVERDUE", "PAID");

    private final QueryGateway queries;
    private final ReadConsistency consistency;

    PurchasingQueryController(QueryGateway queries, ReadConsistency consistency) {
        this.queries = queries;
        this.consistency = consistency;
    }

    @GetMapping("/suppliers/{supplierId}")
    Mono<ResponseEntity<SupplierView>> supplier(@PathVariable String supplierId,
                                                @RequestParam(required = false) Boolean consistent,
                                                @RequestParam(required = false) Long minVersion) {
        return one("supplier", supplierId, new FetchSupplierQuery(checkedId("supplierId", supplierId)),
                SupplierView.class, consistent, minVersion, SupplierView::version);
    }

    @GetMapping("/suppliers")
    Mono<Page<SupplierView>> suppliers(@RequestParam(required = false) Integer limit,
                                       @RequestParam(required = false) String cursor,
                                       @RequestParam(required = false) Boolean consistent) {
        PageRequest page = PageRequest.of(limit, cursor);
        return list(consistent, new FetchSuppliersQuery(after(page), page.limit()), SupplierPage.class)
                .map(found -> new Page<>(found.items(), cursorAfter(found.lastId())));
    }

    @GetMapping("/purchase-orders/{orderId}")
    Mono<ResponseEntity<PurchaseOrderView>> order(@PathVariable String orderId,
                                                  @RequestParam(required = false) Boolean consistent,
                                                  @RequestParam(required = false) Long minVersion) {
        return one("purchase order", orderId, new FetchPurchaseOrderQuery(checkedId("orderId", orderId)),
                PurchaseOrderView.class, consistent, minVersion, PurchaseOrderView::version);
    }

    @GetMapping("/purchase-orders")
    Mono<Page<PurchaseOrderView>> orders(@RequestParam(required = false) String supplierId,
                                         @RequestParam(required = false) Integer limit,
                                         @RequestParam(required = false) String cursor,
                                         @RequestParam(required = false) Boolean consistent) {
        PageRequest page = PageRequest.of(limit, cursor);
        FetchPurchaseOrdersQuery query = new FetchPurchaseOrdersQuery(optionalId("supplierId", supplierId),
                after(page), page.limit());
        return list(consistent, query, PurchaseOrderPage.class)
                .map(found -> new Page<>(found.items(), cursorAfter(found.lastId())));
    }

    @GetMapping("/bills/{billId}")
    Mono<ResponseEntity<BillView>> bill(@PathVariable String billId,
                                        @RequestParam(required = false) Boolean consistent,
                                        @RequestParam(required = false) Long minVersion) {
        return one("bill", billId, new FetchBillQuery(checkedId("billId", billId), today()), BillView.class,
                consistent, minVersion, BillView::version);
    }

    @GetMapping("/bills")
    Mono<Page<BillView>> bills(@RequestParam(required = false) String supplierId,
                               @RequestParam(required = false) String status,
                               @RequestParam(required = false) Integer limit,
                               @RequestParam(required = false) String cursor,
                               @RequestParam(required = false) Boolean consistent) {
        if (status != null && !BILL_STATUSES.contains(status)) {
            throw new InvalidRequestException("status", "must be OPEN, OVERDUE or PAID");
        }
        PageRequest page = PageRequest.of(limit, cursor);
        FetchBillsQuery query = new FetchBillsQuery(optionalId("supplierId", supplierId), status, today(),
                after(page), page.limit());
        return list(consistent, query, BillPage.class)
                .map(found -> new Page<>(found.items(), cursorAfter(found.lastId())));
    }

    private <T> Mono<ResponseEntity<T>> one(String what, String id, Object query, Class<T> answer, Boolean consistent,
                                           Long minVersion, ToLongFunction<T> version) {
        return consistency.readVersioned(PurchasingViews.PROCESSOR, consistent, minVersion,
                () -> AxonCalls.offEventLoop(() -> queries.query(query, ResponseTypes.instanceOf(answer))),
                version, what, id);
    }

    private <T> Mono<T> list(Boolean consistent, Object query, Class<T> answer) {
        return consistency.awaitIfRequested(consistent, PurchasingViews.PROCESSOR)
                .then(AxonCalls.offEventLoop(() -> queries.query(query, ResponseTypes.instanceOf(answer))));
    }

    private static String after(PageRequest page) {
        return page.isFirstPage() ? null : PageRequest.withoutPrefix(page.cursorPosition(), ID_CURSOR);
    }

    private static String cursorAfter(String lastId) {
        return lastId == null ? null : PageRequest.encodeCursor(ID_CURSOR + lastId);
    }

    private static String checkedId(String field, String value) {
        if (value.length() > MAX_ID_LENGTH) {
            throw new InvalidRequestException(field, "must be at most " + MAX_ID_LENGTH + " characters");
        }
        return value;
    }

    private static String optionalId(String field, String value) {
        return value == null || value.isEmpty() ? null : checkedId(field, value);
    }

    /** Which open bills are overdue is a question of today, in UTC like every server date. */
    private static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }
}
