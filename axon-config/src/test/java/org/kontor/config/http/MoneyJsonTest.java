package org.kontor.config.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.kontor.events.common.Money;

class MoneyJsonTest {

    @ParameterizedTest
    @ValueSource(strings = {"EUR", "USD", "XQQ"})
    void threeCapitalLetters_haveTheShapeOfACurrencyCode(String code) {
        assertThat(MoneyJson.isCurrencyCode(code)).isTrue();
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "EU", "EURO", "eur", "Eur", "E1R", "EU ", "ÄUR"})
    void anythingElse_doesNot(String code) {
        assertThat(MoneyJson.isCurrencyCode(code)).isFalse();
        assertThat(MoneyJson.isIsoCurrency(code)).isFalse();
    }

    @Test
    void isoCurrency_isACodeThisJvmKnows() {
        assertThat(MoneyJson.isIsoCurrency("EUR")).isTrue();
        assertThat(MoneyJson.isIsoCurrency("XQQ")).isFalse();
    }

    @Test
    void toMoney_parsesTheAmount_orNamesTheField() {
        assertThat(new MoneyJson("1234.50", "EUR").toMoney("price")).isEqualTo(Money.parse("1234.50", "EUR"));
        assertThatThrownBy(() -> new MoneyJson("1234.50", "eur").toMoney("price"))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("price.currency");
    }
}
