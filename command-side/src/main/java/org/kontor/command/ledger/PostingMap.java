package org.kontor.command.ledger;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The accounts other contexts' events post to, from configuration
 * ({@code erp.ledger.posting-map.*}); the defaults are accounts of {@link DefaultChart}. An account
 * that does not exist when a posting is made refuses it (UNKNOWN_ACCOUNT), like any entry.
 */
@Component
class PostingMap {

    private final String inventory;
    private final String costOfGoodsSold;
    private final String goodsReceivedNotInvoiced;
    private final String inventoryAdjustment;
    private final Documents documents;
    private final Settlement settlement;

    PostingMap(@Value("${erp.ledger.posting-map.inventory:1300}") String inventory,
               @Value("${erp.ledger.posting-map.cogs:5000}") String costOfGoodsSold,
               @Value("${erp.ledger.posting-map.grni:2100}") String goodsReceivedNotInvoiced,
               @Value("${erp.ledger.posting-map.inventory-adjustment:5100}") String inventoryAdjustment,
               @Value("${erp.ledger.posting-map.receivables:1200}") String receivables,
               @Value("${erp.ledger.posting-map.revenue:4000}") String revenue,
               @Value("${erp.ledger.posting-map.output-tax:2200}") String outputTax,
               @Value("${erp.ledger.posting-map.payables:2000}") String payables,
               @Value("${erp.ledger.posting-map.input-tax:1400}") String inputTax,
               @Value("${erp.ledger.posting-map.bank:1100}") String bank,
               @Value("${erp.ledger.posting-map.cash:1000}") String cash) {
        this.inventory = inventory;
        this.costOfGoodsSold = costOfGoodsSold;
        this.goodsReceivedNotInvoiced = goodsReceivedNotInvoiced;
        this.inventoryAdjustment = inventoryAdjustment;
        this.documents = new Documents(receivables, revenue, outputTax, payables, inputTax);
        this.settlement = new Settlement(bank, cash);
    }

    String inventory() {
        return inventory;
    }

    String costOfGoodsSold() {
        return costOfGoodsSold;
    }

    String goodsReceivedNotInvoiced() {
        return goodsReceivedNotInvoiced;
    }

    String inventoryAdjustment() {
        return inventoryAdjustment;
    }

    /** The control and tax accounts invoices and supplier bills post to. */
    Documents documents() {
        return documents;
    }

    /** Where payments received and made are booked, by payment method. */
    Settlement settlement() {
        return settlement;
    }

    /**
     * Receivables and payables are the control accounts: their balances equal the open invoices and
     * bills at every period end.
     */
    record Documents(String receivables, String revenue, String outputTax, String payables, String inputTax) {
    }

    /** Cash payments go to the cash account; every other method (transfer, card, ...) to the bank. */
    record Settlement(String bank, String cash) {

        String accountFor(String paymentMethod) {
            return "CASH".equalsIgnoreCase(paymentMethod) ? cash : bank;
        }
    }
}
