package org.kontor.events.common;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Objects;

/**
 * An amount of money in integer minor units (cents for EUR) of an ISO 4217 currency.
 * Never a floating point number: sums must be exact and reproducible on replay.
 */
public record Money(long amountMinor, String currency) {

    public Money {
        Objects.requireNonNull(currency, "currency");
        Currency.getInstance(currency); // fails fast on a code that is not ISO 4217
    }

    public static Money of(long amountMinor, String currency) {
        return new Money(amountMinor, currency);
    }

    /**
     * Reads a decimal amount such as {@code "1234.50"}.
     *
     * @throws IllegalArgumentException when the amount has more decimals than the currency allows,
     *                                  or does not fit in a long of minor units
     */
    public static Money parse(String decimalAmount, String currency) {
        Objects.requireNonNull(decimalAmount, "decimalAmount");
        int fractionDigits = fractionDigitsOf(currency);
        BigDecimal amount = new BigDecimal(decimalAmount);
        if (amount.stripTrailingZeros().scale() > fractionDigits) {
            throw new IllegalArgumentException(
                    "has more than " + fractionDigits + " decimals, which " + currency + " does not allow");
        }
        try {
            return new Money(amount.movePointRight(fractionDigits).longValueExact(), currency);
        } catch (ArithmeticException tooLarge) {
            throw new IllegalArgumentException("is too large");
        }
    }

    /** The decimal form with exactly the currency's number of decimals, e.g. {@code "1234.50"}. */
    public String toDecimalString() {
        return BigDecimal.valueOf(amountMinor, fractionDigitsOf(currency)).toPlainString();
    }

    private static int fractionDigitsOf(String currency) {
        return Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
    }
}
