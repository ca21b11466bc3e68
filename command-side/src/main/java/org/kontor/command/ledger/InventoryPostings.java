package org.kontor.command.ledger;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import java.time.LocalDate;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.kontor.command.ledger.PolicyPostings.EntryLines;
import org.kontor.events.inventory.MovementKind;
import org.kontor.events.inventory.StockEvent.StockCostRevised;
import org.kontor.events.inventory.StockMovementEvent.AdjustmentRecorded;
import org.kontor.events.inventory.StockMovementEvent.IssueRecorded;
import org.kontor.events.inventory.StockMovementEvent.ReceiptRecorded;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Posts every stock movement to the ledger (see {@link PolicyPostings} for how: derived entry ids,
 * refusals counted in {@code kontor.ledger.inventory.postings.refused} and skipped): receipts Dr
 * inventory / Cr goods received not invoiced, issues Dr cost of goods sold / Cr inventory,
 * adjustments between inventory and inventory adjustments, and the cost revisions a backdated
 * movement caused likewise, dated like the movement they revise. Transfers post nothing: both
 * warehouses share the inventory account, so a transfer changes no balance. A refused posting
 * leaves the inventory account disagreeing with the stock valuation until it is posted by hand.
 */
@Component
@ProcessingGroup(InventoryPostings.PROCESSOR)
@DisallowReplay
class InventoryPostings {

    static final String PROCESSOR = "ledger-inventory-postings";
    static final String SOURCE = "inventory";

    private final PolicyPostings postings;
    private final PostingMap accounts;
    private final String functionalCurrency;

    InventoryPostings(CommandGateway commandGateway, PostingMap accounts, MeterRegistry meters,
                      @Value("${erp.ledger.currency:EUR}") String functionalCurrency) {
        this.postings = new PolicyPostings(SOURCE, commandGateway, meters);
        this.accounts = accounts;
        this.functionalCurrency = functionalCurrency;
    }

    @PreDestroy
    void stop() {
        postings.close();
    }

    @EventHandler
    void on(ReceiptRecorded event, EventMessage<?> message) throws Exception {
        post(message, "receipt", event.movementId(), event.date(), "Stock receipt " + event.movementId(),
                event.currency(), event.movementId(), accounts.inventory(), accounts.goodsReceivedNotInvoiced(),
                event.valueMinor());
    }

    @EventHandler
    void on(IssueRecorded event, EventMessage<?> message) throws Exception {
        post(message, "issue", event.movementId(), event.date(), "Stock issue " + event.movementId()
                        + ": " + event.reason(), event.currency(), event.movementId(), accounts.costOfGoodsSold(),
                accounts.inventory(), event.costMinor());
    }

    @EventHandler
    void on(AdjustmentRecorded event, EventMessage<?> message) throws Exception {
        post(message, "adjustment", event.movementId(), event.date(), "Stock count " + event.movementId()
                        + " of " + event.sku() + ": " + event.reason(), event.currency(), event.movementId(),
                accounts.inventory(), accounts.inventoryAdjustment(), event.valueMinor());
    }

    /**
     * A revision changes the inventory by {@code revised - previous} (values are signed as the
     * movement's: negative for goods that left); the other side is where the movement was posted.
     */
    @EventHandler
    void on(StockCostRevised event, EventMessage<?> message) throws Exception {
        if (event.kind() == MovementKind.TRANSFER_OUT || event.kind() == MovementKind.TRANSFER_IN) {
            return; // the revised cost leaves one warehouse and arrives in the other: one account, no change
        }
        String counterAccount = event.kind() == MovementKind.ISSUE ? accounts.costOfGoodsSold()
                : accounts.inventoryAdjustment();
        String key = event.movementId() + ":" + event.warehouseId() + ":" + event.sku() + ":" + event.causedBy();
        post(message, "revision", key, event.date(), "Cost of " + event.movementId() + " (" + event.sku()
                        + ") revised by backdated movement " + event.causedBy(), functionalCurrency,
                event.movementId(), accounts.inventory(), counterAccount,
                event.revisedValueMinor() - event.previousValueMinor());
    }

    private void post(EventMessage<?> cause, String kind, String key, LocalDate date, String description,
                      String currency, String reference, String debitAccount, String creditAccount,
                      long amountMinor) throws Exception {
        postings.post(cause, postings.entryId(kind, key), date, description, currency, reference,
                EntryLines.transfer(debitAccount, creditAccount, amountMinor));
    }
}
