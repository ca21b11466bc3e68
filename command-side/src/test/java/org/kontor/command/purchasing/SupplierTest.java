package org.kontor.command.purchasing;

import static org.kontor.command.RuleViolations.violationOf;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kontor.command.purchasing.PurchasingCommands.RegisterSupplier;
import org.kontor.config.error.CommonRule;
import org.kontor.config.http.CommandOutcome;
import org.kontor.events.purchasing.SupplierEvent;
import org.kontor.events.purchasing.SupplierEvent.SupplierRegistered;

class SupplierTest {

    private static final String SUPPLIER_ID = "3f4a5b6c-7d8e-4f9a-8b0c-1d2e3f4a5b6c";
    private static final String AGGREGATE_ID = SupplierEvent.aggregateId(SUPPLIER_ID);
    private static final SupplierRegistered REGISTERED = new SupplierRegistered(SUPPLIER_ID, "Schraubenwerk",
            "orders@schraubenwerk.example", 14);

    private FixtureConfiguration<Supplier> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Supplier.class);
    }

    @Test
    void registerSupplier_registered() {
        fixture.givenNoPriorActivity()
                .when(new RegisterSupplier(AGGREGATE_ID, SUPPLIER_ID, "Schraubenwerk", "orders@schraubenwerk.example",
                        14))
                .expectEvents(REGISTERED)
                .expectResultMessagePayload(new CommandOutcome(SUPPLIER_ID, 1, true));
    }

    @Test
    void registerAgain_sameIsARepeatOtherTermsAConflict() {
        fixture.given(REGISTERED)
                .when(new RegisterSupplier(AGGREGATE_ID, SUPPLIER_ID, "Schraubenwerk", "orders@schraubenwerk.example",
                        14))
                .expectNoEvents()
                .expectResultMessagePayload(new CommandOutcome(SUPPLIER_ID, 1, false));
        fixture.given(REGISTERED)
                .when(new RegisterSupplier(AGGREGATE_ID, SUPPLIER_ID, "Schraubenwerk", "orders@schraubenwerk.example",
                        30))
                .expectNoEvents()
                .expectException(violationOf(CommonRule.ALREADY_EXISTS));
    }
}
