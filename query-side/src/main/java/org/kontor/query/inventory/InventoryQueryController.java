package org.kontor.query.inventory;

import static org.kontor.query.inventory.InventoryReads.shortOrNull;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.kontor.config.http.BusinessDates;
import org.kontor.config.http.InvalidRequestException;
import org.kontor.config.http.NotFoundException;
import org.kontor.config.http.Page;
import org.kontor.config.http.PageRequest;
import org.kontor.query.inventory.InventoryQueries.FetchStockLevelsQuery;
import org.kontor.query.inventory.InventoryQueries.FetchStockMovementQuery;
import org.kontor.query.inventory.InventoryQueries.FetchStockMovementsQuery;
import org.kontor.query.inventory.InventoryQueries.FetchStockValuationQuery;
import org.kontor.query.inventory.InventoryQueries.LedgerPosition;
import org.kontor.query.inventory.InventoryViews.StockLedgerLine;
import org.kontor.query.inventory.InventoryViews.StockLedgerPage;
import org.kontor.query.inventory.InventoryViews.StockLevel;
import org.kontor.query.inventory.InventoryViews.StockLevelPage;
import org.kontor.query.inventory.InventoryViews.StockMovementView;
import org.kontor.query.inventory.InventoryViews.StockValuation;
import org.kontor.query.inventory.InventoryViews.ValuationRow;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The inventory reads over HTTP (API.md, Inventory rows): stock levels, the stock ledger and the
 * valuation. Every read takes {@code consistent=true} to wait for the inventory view; every list
 * takes {@code limit} and {@code cursor}.
 */
@RestController
@RequestMapping(path = "/api/stock", produces = MediaType.APPLICATION_JSON_VALUE)
class InventoryQueryController {

    private static final String LEVEL_CURSOR = "level:";
    private static final String LEDGER_CURSOR = "ledger:";
    private static final String SKU_CURSOR = "sku:";

    private final InventoryReads reads;

    InventoryQueryController(InventoryReads reads) {
        this.reads = reads;
    }

    @GetMapping("/levels")
    Mono<Page<StockLevel>> levels(@RequestParam(required = false) String warehouseId,
                                  @RequestParam(required = false) String sku,
                                  @RequestParam(required = false) Integer limit,
                                  @RequestParam(required = false) String cursor,
                                  @RequestParam(required = false) Boolean consistent) {
        PageRequest page = PageRequest.of(limit, cursor);
        FetchStockLevelsQuery query = new FetchStockLevelsQuery(shortOrNull("warehouseId", warehouseId),
                shortOrNull("sku", sku), page.limit(),
                page.isFirstPage() ? null : PageRequest.withoutPrefix(page.cursorPosition(), LEVEL_CURSOR));
        return reads.read(consistent, query, StockLevelPage.class)
                .map(found -> new Page<>(found.items(), found.lastStockId() == null ? null
                        : PageRequest.encodeCursor(LEVEL_CURSOR + found.lastStockId())));
    }

    @GetMapping("/movements")
    Mono<StockLedgerResponse> movements(@RequestParam(required = false) String sku,
                                        @RequestParam(required = false) String warehouseId,
                                        @RequestParam(required = false) String from,
                                        @RequestParam(required = false) String to,
                                        @RequestParam(required = false) Integer limit,
                                        @RequestParam(required = false) String cursor,
                                        @RequestParam(required = false) Boolean consistent) {
        LocalDate fromDate = from == null ? null : BusinessDates.parse("from", from);
        LocalDate toDate = to == null ? null : BusinessDates.parse("to", to);
        if (fromDate != null && toDate != null && toDate.isBefore(fromDate)) {
            throw new InvalidRequestException("to", "must not be before from");
        }
        PageRequest page = PageRequest.of(limit, cursor);
        FetchStockMovementsQuery query = new FetchStockMovementsQuery(shortOrNull("sku", sku),
                shortOrNull("warehouseId", warehouseId), fromDate, toDate, page.limit(),
                page.isFirstPage() ? null : ledgerPosition(page.cursorPosition()));
        return reads.read(consistent, query, StockLedgerPage.class)
                .map(found -> new StockLedgerResponse(found.items(), found.currency(), found.next() == null ? null
                        : PageRequest.encodeCursor(LEDGER_CURSOR + found.next().date() + "|" + found.next().stockId()
                        + "|" + found.next().index())));
    }

    @GetMapping("/movements/{movementId}")
    Mono<StockMovementView> movement(@PathVariable String movementId,
                                     @RequestParam(required = false) Boolean consistent) {
        FetchStockMovementQuery query = new FetchStockMovementQuery(shortOrNull("movementId", movementId));
        return reads.read(consistent, query, StockMovementView.class)
                .switchIfEmpty(Mono.error(() -> new NotFoundException("stock movement", movementId)));
    }

    /** Without {@code asOf}, the valuation at the end of today (UTC). */
    @GetMapping("/valuation")
    Mono<ValuationResponse> valuation(@RequestParam(required = false) String asOf,
                                      @RequestParam(required = false) Integer limit,
                                      @RequestParam(required = false) String cursor,
                                      @RequestParam(required = false) Boolean consistent) {
        LocalDate date = asOf == null ? LocalDate.now(ZoneOffset.UTC) : BusinessDates.parse("asOf", asOf);
        PageRequest page = PageRequest.of(limit, cursor);
        FetchStockValuationQuery query = new FetchStockValuationQuery(date, page.limit(),
                page.isFirstPage() ? null : PageRequest.withoutPrefix(page.cursorPosition(), SKU_CURSOR));
        return reads.read(consistent, query, StockValuation.class)
                .map(found -> new ValuationResponse(found.asOf(), found.currency(), found.totalValue(), found.items(),
                        found.lastSku() == null ? null : PageRequest.encodeCursor(SKU_CURSOR + found.lastSku())));
    }

    /** A page of the stock ledger. */
    public record StockLedgerResponse(List<StockLedgerLine> items, String currency, String nextCursor) {
    }

    /** A page of the valuation; {@code totalValue} covers every product, not only this page's. */
    public record ValuationResponse(LocalDate asOf, String currency, String totalValue, List<ValuationRow> items,
                                    String nextCursor) {
    }





    /** A cursor of the stock ledger: {@code ledger:<date>|<stock id>|<index>}. */
    private static LedgerPosition ledgerPosition(String position) {
        String[] parts = PageRequest.withoutPrefix(position, LEDGER_CURSOR).split("\\|");
        try {
            if (parts.length != 3 || Integer.parseInt(parts[2]) < 0) {
                throw PageRequest.invalidCursor();
            }
            return new LedgerPosition(LocalDate.parse(parts[0]), parts[1], Integer.parseInt(parts[2]));
        } catch (DateTimeParseException | NumberFormatException notOurs) {
            throw PageRequest.invalidCursor();
        }
    }
}
