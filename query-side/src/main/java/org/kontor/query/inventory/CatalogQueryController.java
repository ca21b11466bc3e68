package org.kontor.query.inventory;

import static org.kontor.query.inventory.InventoryReads.shortOrNull;

import org.kontor.config.http.NotFoundException;
import org.kontor.config.http.Page;
import org.kontor.config.http.PageRequest;
import org.kontor.query.inventory.InventoryQueries.FetchProductQuery;
import org.kontor.query.inventory.InventoryQueries.FetchProductsQuery;
import org.kontor.query.inventory.InventoryQueries.FetchWarehouseQuery;
import org.kontor.query.inventory.InventoryQueries.FetchWarehousesQuery;
import org.kontor.query.inventory.InventoryViews.ProductPage;
import org.kontor.query.inventory.InventoryViews.ProductView;
import org.kontor.query.inventory.InventoryViews.WarehousePage;
import org.kontor.query.inventory.InventoryViews.WarehouseView;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Products and warehouses over HTTP: the lists (paged) and one of each, at the {@code Location} its
 * create answered with. Every read takes {@code consistent=true} to wait for the inventory view.
 */
@RestController
@RequestMapping(path = "/api", produces = MediaType.APPLICATION_JSON_VALUE)
class CatalogQueryController {

    private static final String SKU_CURSOR = "sku:";
    private static final String ID_CURSOR = "id:";

    private final InventoryReads reads;

    CatalogQueryController(InventoryReads reads) {
        this.reads = reads;
    }

    @GetMapping("/products")
    Mono<Page<ProductView>> products(@RequestParam(required = false) Integer limit,
                                     @RequestParam(required = false) String cursor,
                                     @RequestParam(required = false) Boolean consistent) {
        PageRequest page = PageRequest.of(limit, cursor);
        FetchProductsQuery query = new FetchProductsQuery(page.limit(),
                page.isFirstPage() ? null : PageRequest.withoutPrefix(page.cursorPosition(), SKU_CURSOR));
        return reads.read(consistent, query, ProductPage.class).map(found -> new Page<>(found.items(),
                found.lastSku() == null ? null : PageRequest.encodeCursor(SKU_CURSOR + found.lastSku())));
    }

    @GetMapping("/products/{productId}")
    Mono<ProductView> product(@PathVariable String productId, @RequestParam(required = false) Boolean consistent) {
        return reads.read(consistent, new FetchProductQuery(shortOrNull("productId", productId)),
                        ProductView.class)
                .switchIfEmpty(Mono.error(() -> new NotFoundException("product", productId)));
    }

    @GetMapping("/warehouses")
    Mono<Page<WarehouseView>> warehouses(@RequestParam(required = false) Integer limit,
                                         @RequestParam(required = false) String cursor,
                                         @RequestParam(required = false) Boolean consistent) {
        PageRequest page = PageRequest.of(limit, cursor);
        FetchWarehousesQuery query = new FetchWarehousesQuery(page.limit(),
                page.isFirstPage() ? null : PageRequest.withoutPrefix(page.cursorPosition(), ID_CURSOR));
        return reads.read(consistent, query, WarehousePage.class).map(found -> new Page<>(found.items(),
                found.lastId() == null ? null : PageRequest.encodeCursor(ID_CURSOR + found.lastId())));
    }

    @GetMapping("/warehouses/{warehouseId}")
    Mono<WarehouseView> warehouse(@PathVariable String warehouseId,
                                  @RequestParam(required = false) Boolean consistent) {
        return reads.read(consistent, new FetchWarehouseQuery(shortOrNull("warehouseId", warehouseId)),
                WarehouseView.class)
                .switchIfEmpty(Mono.error(() -> new NotFoundException("warehouse", warehouseId)));
    }


}
