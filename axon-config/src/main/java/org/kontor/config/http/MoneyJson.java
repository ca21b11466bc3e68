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

    /**
     * Three capital letters, the shape of an ISO 4217 code, whether or not the code exists. Checked
     * by hand: {@code String.matches} compiled its pattern again on every call, on every request.
     */
    public static boolean isCurrencyCode(String code) {
        if (code == null || code.length() != 3) {
            return false;
        }
        for (int i = 0; i < 3; i++) {
            char letter = code.charAt(i);
            if (letter < 'A' || letter > 'Z') {
                return false;
            }
        }
        return true;
    }

    /** An ISO 4217 code that this JVM knows. */
    public static boolean isIsoCurrency(String code) {
        if (!isCurrencyCode(code)) {
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
