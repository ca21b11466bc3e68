package org.kontor.query.inventory;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.kontor.config.http.MoneyJson;
import org.kontor.events.common.Money;
import org.kontor.query.inventory.InventoryQueries.FetchProductQuery;
import org.kontor.query.inventory.InventoryQueries.FetchProductsQuery;
import org.kontor.query.inventory.InventoryQueries.FetchWarehouseQuery;
import org.kontor.query.inventory.InventoryQueries.FetchWarehousesQuery;
import org.kontor.query.inventory.InventoryViews.ProductPage;
import org.kontor.query.inventory.InventoryViews.ProductView;
import org.kontor.query.inventory.InventoryViews.WarehousePage;
import org.kontor.query.inventory.InventoryViews.WarehouseView;
import org.springframework.stereotype.Component;

/**
 * Answers the product and warehouse queries. Products are kept by SKU (what movements name), so a
 * product by its id is a filtered read; a warehouse by its id is an {@code _id} read. One more
 * document than asked for is read, to tell whether there is a next page.
 */
@Component
class CatalogQueryHandlers {

    private final MongoCollection<Document> products;
    private final MongoCollection<Document> warehouses;

    CatalogQueryHandlers(MongoDatabase readStore) {
        this.products = readStore.getCollection(InventoryProjection.PRODUCTS);
        this.warehouses = readStore.getCollection(InventoryProjection.WAREHOUSES);
    }

    @QueryHandler
    ProductPage handle(FetchProductsQuery query) {
        List<Document> page = page(products, query.afterSku(), query.limit());
        List<ProductView> items = page.stream().limit(query.limit()).map(CatalogQueryHandlers::toProduct).toList();
        return new ProductPage(items, page.size() > query.limit() ? items.get(items.size() - 1).sku() : null);
    }

    /** The product, or {@code null} when the view does not know it. */
    @QueryHandler
    ProductView handle(FetchProductQuery query) {
        Document product = products.find(Filters.eq("productId", query.productId())).first();
        return product == null ? null : toProduct(product);
    }

    @QueryHandler
    WarehousePage handle(FetchWarehousesQuery query) {
        List<Document> page = page(warehouses, query.afterId(), query.limit());
        List<WarehouseView> items = page.stream().limit(query.limit()).map(CatalogQueryHandlers::toWarehouse)
                .toList();
        return new WarehousePage(items, page.size() > query.limit() ? items.get(items.size() - 1).id() : null);
    }

    /** The warehouse, or {@code null} when the view does not know it. */
    @QueryHandler
    WarehouseView handle(FetchWarehouseQuery query) {
        Document warehouse = warehouses.find(Filters.eq("_id", query.warehouseId())).first();
        return warehouse == null ? null : toWarehouse(warehouse);
    }

    private static List<Document> page(MongoCollection<Document> collection, String afterId, int limit) {
        Bson filter = afterId == null ? new Document() : Filters.gt("_id", afterId);
        return collection.find(filter).sort(Sorts.ascending("_id")).limit(limit + 1).into(new ArrayList<>());
    }

    private static ProductView toProduct(Document product) {
        Document price = product.get("salesPrice", Document.class);
        MoneyJson salesPrice = price == null ? null : MoneyJson.of(Money.of(
                price.get("amountMinor", Number.class).longValue(), price.getString("currency")));
        return new ProductView(product.getString("productId"), product.getString("_id"), product.getString("name"),
                product.getString("uom"), product.getString("costMethod"), salesPrice);
    }

    private static WarehouseView toWarehouse(Document warehouse) {
        return new WarehouseView(warehouse.getString("_id"), warehouse.getString("code"), warehouse.getString("name"));
    }
}
