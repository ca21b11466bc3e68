package org.kontor.config.http;

import org.kontor.events.common.Money;

/**
 * Money as it crosses HTTP: {@code {"amount": "1234.50", "currency": "EUR"}}. Amounts are decimal
 * strings so that no client ever rounds them through a floating point number.
 */
public record MoneyJson(String amount, String currency) {

    public static MoneyJson of(Money money) {
        return money == null ? null : new MoneyJson(money.toDecimalString(), money.currency());
    }

    /** The money this names, or a 400 naming {@code field} when it is not valid money. */
    public Money toMoney(String field) {
        if (amount == null || amount.isBlank()) {
            throw new InvalidRequestException(field + ".amount", "is required");
        }
        if (!isIsoCurrency(currency)) {
            throw new InvalidRequestException(field + ".currency", "must be an ISO 4217 code such as EUR");
        }
        try {
            return Money.parse(amount, currency);
        } catch (NumberFormatException notDecimal) {
            throw new InvalidRequestException(field + ".amount", "must be a decimal number such as \"1234.50\"");
        } catch (IllegalArgumentException invalid) {
            throw new InvalidRequestException(field + ".amount", invalid.getMessage());
        }
    }

    private static boolean isIsoCurrency(String code) {
        if (code == null || !code.matches("[A-Z]{3}")) {
            return false;
        }
        try {
            java.util.Currency.getInstance(code);
            return true;
        } catch (IllegalArgumentException unknown) {
            return false;
        }
    }
}
