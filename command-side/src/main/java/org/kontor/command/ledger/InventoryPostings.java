package org.kontor.command.ledger;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.kontor.command.ledger.LedgerCommands.PostJournalEntry;
import org.kontor.config.axon.CommandsFromEvents;
import org.kontor.config.error.RuleViolationDetails;
import org.kontor.events.inventory.MovementKind;
import org.kontor.events.inventory.StockEvent.StockCostRevised;
import org.kontor.events.inventory.StockMovementEvent.AdjustmentRecorded;
import org.kontor.events.inventory.StockMovementEvent.IssueRecorded;
import org.kontor.events.inventory.StockMovementEvent.ReceiptRecorded;
import org.kontor.events.ledger.JournalLine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Posts every stock movement to the ledger, through the ledger's own {@link PostJournalEntry}:
 * receipts Dr inventory / Cr goods received not invoiced, issues Dr cost of goods sold / Cr
 * inventory, adjustments between inventory and inventory adjustments, and the cost revisions a
 * backdated movement caused likewise, dated like the movement they revise. Transfers post nothing:
 * both warehouses share the inventory account, so a transfer changes no balance.
 *
 * <p>The entry id is derived from the movement id (and, for a revision, from the revised movement
 * and its cause), so a redelivered event posts the identical entry again, which the ledger answers
 * as a repeat: nothing is posted twice.
 *
 * <p>A posting the ledger refuses (a closed period, an account missing from the chart) is logged as
 * an error and counted in {@value #REFUSED_METRIC} (tagged with the rule's code); the processor
 * goes on with the next event, so one refusal neither loops nor stops the postings behind it. The
 * inventory account then disagrees with the stock valuation until an accountant posts the entry by
 * hand (the log names its id, date and amounts). Any other failure is thrown: the processor retries.
 *
 * <p>Commands are sent through {@link CommandsFromEvents}, from a thread of their own: sent from the
 * processor's thread, the posting would join the processor's transaction, and a refused posting
 * would mark that transaction rollback-only: the batch would fail and be retried for ever.
 */
@Component
@ProcessingGroup(InventoryPostings.PROCESSOR)
@DisallowReplay
class InventoryPostings {

    static final String PROCESSOR = "ledger-inventory-postings";
    static final String REFUSED_METRIC = "kontor.ledger.inventory.postings.refused";
    private static final Logger LOG = LoggerFactory.getLogger(InventoryPostings.class);
    private static final Duration POSTING_TIMEOUT = Duration.ofSeconds(30);

    private final CommandsFromEvents commands;
    private final PostingMap accounts;
    private final MeterRegistry meters;
    private final String functionalCurrency;

    InventoryPostings(CommandGateway commandGateway, PostingMap accounts, MeterRegistry meters,
                      @Value("${erp.ledger.currency:EUR}") String functionalCurrency) {
        this.commands = new CommandsFromEvents(commandGateway, "inventory-postings", POSTING_TIMEOUT);
        this.accounts = accounts;
        this.meters = meters;
        this.functionalCurrency = functionalCurrency;
    }

    @PreDestroy
    void stop() {
        commands.close();
    }

    @EventHandler
    void on(ReceiptRecorded event, EventMessage<?> message) throws Exception {
        post(message, entryId("receipt", event.movementId()), event.date(), "Stock receipt " + event.movementId(),
                event.currency(), event.movementId(), accounts.inventory(), accounts.goodsReceivedNotInvoiced(),
                event.valueMinor());
    }

    @EventHandler
    void on(IssueRecorded event, EventMessage<?> message) throws Exception {
        post(message, entryId("issue", event.movementId()), event.date(), "Stock issue " + event.movementId()
                        + ": " + event.reason(), event.currency(), event.movementId(), accounts.costOfGoodsSold(),
                accounts.inventory(), event.costMinor());
    }

    @EventHandler
    void on(AdjustmentRecorded event, EventMessage<?> message) throws Exception {
        post(message, entryId("adjustment", event.movementId()), event.date(), "Stock count " + event.movementId()
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
        post(message, entryId("revision", key), event.date(), "Cost of " + event.movementId() + " (" + event.sku()
                        + ") revised by backdated movement " + event.causedBy(), functionalCurrency,
                event.movementId(), accounts.inventory(), counterAccount,
                event.revisedValueMinor() - event.previousValueMinor());
    }

    /** Posts Dr {@code debitAccount} / Cr {@code creditAccount}; a negative amount the other way round. */
    private void post(EventMessage<?> cause, String entryId, LocalDate date, String description, String currency,
                      String reference, String debitAccount, String creditAccount, long amountMinor)
            throws Exception {
        if (amountMinor == 0) {
            return; // nothing to post: the ledger takes no lines of zero
        }
        long amount = Math.abs(amountMinor);
        List<JournalLine> lines = amountMinor > 0
                ? List.of(new JournalLine(debitAccount, amount, 0, null, null),
                        new JournalLine(creditAccount, 0, amount, null, null))
                : List.of(new JournalLine(creditAccount, amount, 0, null, null),
                        new JournalLine(debitAccount, 0, amount, null, null));
        PostJournalEntry command = new PostJournalEntry(entryId, date, truncate(description), currency,
                truncate(reference), lines);
        Optional<RuleViolationDetails> refused = commands.send(command, cause);
        if (refused.isPresent()) {
            RuleViolationDetails rule = refused.get();
            LOG.error("The ledger refused the inventory posting {} dated {} ({}: Dr {} / Cr {} {} minor units of "
                            + "{}), {}: {} The inventory account will disagree with the stock valuation "
                            + "until it is posted by hand.", entryId, date, description, debitAccount,
                    creditAccount, amountMinor, currency, rule.code(), rule.detail());
            meters.counter(REFUSED_METRIC, "code", rule.code()).increment();
        }
    }

    private static String truncate(String text) {
        return text.length() <= LedgerRequests.MAX_TEXT ? text : text.substring(0, LedgerRequests.MAX_TEXT);
    }

    static String entryId(String kind, String key) {
        return UUID.nameUUIDFromBytes(("inventory-" + kind + ":" + key).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
