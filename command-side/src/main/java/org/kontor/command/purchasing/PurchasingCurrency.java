package org.kontor.command.purchasing;

import java.util.Objects;

/**
 * The one currency purchase orders, and so bills and bill payments, are in: the currency stock is
 * valued in, because received goods enter stock at the order's unit cost.
 */
record PurchasingCurrency(String code) {

    PurchasingCurrency {
        Objects.requireNonNull(code, "code");
    }
}
