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

    PostingMap(@Value("${erp.ledger.posting-map.inventory:1300}") String inventory,
               @Value("${erp.ledger.posting-map.cogs:5000}") String costOfGoodsSold,
               @Value("${erp.ledger.posting-map.grni:2100}") String goodsReceivedNotInvoiced,
               @Value("${erp.ledger.posting-map.inventory-adjustment:5100}") String inventoryAdjustment) {
        this.inventory = inventory;
        this.costOfGoodsSold = costOfGoodsSold;
        this.goodsReceivedNotInvoiced = goodsReceivedNotInvoiced;
        this.inventoryAdjustment = inventoryAdjustment;
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
}
