package org.kontor.command.inventory;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.kontor.command.inventory.InventoryCommands.RegisterProduct;
import org.kontor.config.error.BusinessRuleViolation;
import org.kontor.config.error.CommonRule;
import org.kontor.config.http.CommandOutcome;
import org.kontor.events.inventory.ProductEvent;
import org.kontor.events.inventory.ProductEvent.ProductRegistered;

/**
 * A product, addressed by its SKU ({@code product:<sku>}): the event store refuses a second stream
 * start under one id, so two products can never share a SKU, whichever node registers them.
 */
@Aggregate
class Product {

    @AggregateIdentifier
    private String aggregateId;
    private ProductRegistered registration;

    Product() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    CommandOutcome handle(RegisterProduct command) {
        if (registration != null) {
            return repeatOf(command);
        }
        String productId = command.productId() != null ? command.productId() : command.newProductId();
        apply(new ProductRegistered(command.sku(), productId, command.name(), command.unitOfMeasure(),
                command.costMethod(), command.salesPrice()));
        return new CommandOutcome(productId, CommandOutcome.FIRST_VERSION, true);
    }

    /** The same product again (with its id, or without one) is a repeat; anything else takes a SKU in use. */
    private CommandOutcome repeatOf(RegisterProduct attempt) {
        String productId = attempt.productId() != null ? attempt.productId() : registration.productId();
        ProductRegistered asAttempted = new ProductRegistered(attempt.sku(), productId, attempt.name(),
                attempt.unitOfMeasure(), attempt.costMethod(), attempt.salesPrice());
        if (!registration.equals(asAttempted)) {
            throw new BusinessRuleViolation(CommonRule.ALREADY_EXISTS, "A different product with SKU "
                    + attempt.sku() + " exists (id " + registration.productId() + ").");
        }
        return CommandOutcome.repeatedCreate(registration.productId());
    }

    @EventSourcingHandler
    void on(ProductRegistered event) {
        aggregateId = ProductEvent.aggregateId(event.sku());
        registration = event;
    }
}
