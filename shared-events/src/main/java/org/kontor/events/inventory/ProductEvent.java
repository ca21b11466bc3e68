package org.kontor.events.inventory;

import org.axonframework.serialization.Revision;
import org.kontor.events.common.Money;

/**
 * Everything that can happen to a product. The aggregate id is {@code product:<sku>}: the SKU is
 * the product's identity, so two products with one SKU cannot both be registered, on any node.
 */
public sealed interface ProductEvent {

    String sku();

    static String aggregateId(String sku) {
        return "product:" + sku;
    }

    /** A product was registered; {@code salesPrice} may be {@code null}. */
    @Revision("1")
    record ProductRegistered(String sku, String productId, String name, String unitOfMeasure, CostMethod costMethod,
                             Money salesPrice) implements ProductEvent {
    }
}
