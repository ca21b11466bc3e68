package org.kontor.command.inventory;

import static org.kontor.command.RuleViolations.violationOf;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kontor.command.inventory.InventoryCommands.OpenWarehouse;
import org.kontor.command.inventory.InventoryCommands.RegisterProduct;
import org.kontor.config.error.CommonRule;
import org.kontor.config.http.CommandOutcome;
import org.kontor.events.common.Money;
import org.kontor.events.inventory.CostMethod;
import org.kontor.events.inventory.ProductEvent;
import org.kontor.events.inventory.ProductEvent.ProductRegistered;
import org.kontor.events.inventory.WarehouseEvent;
import org.kontor.events.inventory.WarehouseEvent.WarehouseOpened;

class ProductTest {

    private static final String SKU = "BOLT-M8-40";
    private static final String PRODUCT_ID = "6a1f0c2e-7b3d-4e5f-8a9b-0c1d2e3f4a5b";
    private static final String WAREHOUSE_ID = "2b3c4d5e-6f70-4a8b-9c0d-1e2f3a4b5c6d";
    private static final ProductRegistered REGISTERED = new ProductRegistered(SKU, PRODUCT_ID, "Hex bolt", "piece",
            CostMethod.FIFO, Money.of(45, "EUR"));

    private AggregateTestFixture<Product> products;
    private AggregateTestFixture<Warehouse> warehouses;

    @BeforeEach
    void fixtures() {
        products = new AggregateTestFixture<>(Product.class);
        warehouses = new AggregateTestFixture<>(Warehouse.class);
    }

    @Test
    void registerProduct_registeredUnderItsSku() {
        products.givenNoPriorActivity()
                .when(register(PRODUCT_ID, "Hex bolt"))
                .expectEvents(REGISTERED)
                .expectResultMessagePayload(new CommandOutcome(PRODUCT_ID, 1, true));
    }

    @Test
    void registerWithoutId_theNewIdIsTaken() {
        products.givenNoPriorActivity()
                .when(register(null, "Hex bolt"))
                .expectEvents(REGISTERED);
    }

    @Test
    void registerAgainWithSameContent_repeatWithTheFirstIdAndNoEvent() {
        products.given(REGISTERED)
                .when(new RegisterProduct(ProductEvent.aggregateId(SKU), SKU, null, "another-new-id", "Hex bolt",
                        "piece", CostMethod.FIFO, Money.of(45, "EUR")))
                .expectNoEvents()
                .expectResultMessagePayload(new CommandOutcome(PRODUCT_ID, 1, false));
    }

    @Test
    void registerOtherProductUnderTheSameSku_alreadyExists() {
        products.given(REGISTERED)
                .when(register(PRODUCT_ID, "Carriage bolt"))
                .expectNoEvents()
                .expectException(violationOf(CommonRule.ALREADY_EXISTS));
    }

    @Test
    void registerTheSameSkuUnderAnotherId_alreadyExists() {
        products.given(REGISTERED)
                .when(register("0b6d2f8e-4c1a-4e6b-9f3d-7a8b9c0d1e21", "Hex bolt"))
                .expectException(violationOf(CommonRule.ALREADY_EXISTS));
    }

    @Test
    void openWarehouseAgain_repeatWithSameContentConflictWithOther() {
        WarehouseOpened opened = new WarehouseOpened(WAREHOUSE_ID, "HAM-1", "Hamburg");
        String aggregateId = WarehouseEvent.aggregateId(WAREHOUSE_ID);

        warehouses.givenNoPriorActivity()
                .when(new OpenWarehouse(aggregateId, WAREHOUSE_ID, "HAM-1", "Hamburg"))
                .expectEvents(opened);
        warehouses.given(opened)
                .when(new OpenWarehouse(aggregateId, WAREHOUSE_ID, "HAM-1", "Hamburg"))
                .expectNoEvents()
                .expectResultMessagePayload(new CommandOutcome(WAREHOUSE_ID, 1, false));
        warehouses.given(opened)
                .when(new OpenWarehouse(aggregateId, WAREHOUSE_ID, "HAM-2", "Hamburg"))
                .expectException(violationOf(CommonRule.ALREADY_EXISTS));
    }

    private static RegisterProduct register(String productId, String name) {
        return new RegisterProduct(ProductEvent.aggregateId(SKU), SKU, productId, PRODUCT_ID, name, "piece",
                CostMethod.FIFO, Money.of(45, "EUR"));
    }
}
