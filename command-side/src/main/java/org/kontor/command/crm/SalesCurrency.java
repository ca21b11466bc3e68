package org.kontor.command.crm;

import org.kontor.config.error.BusinessRuleViolation;
import org.kontor.events.common.Money;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The one currency of the sales pipeline ({@code erp.crm.currency}, EUR by default). Opportunity
 * amounts and campaign budgets are all in it, so pipeline, funnel and campaign totals are sums of
 * like amounts and cost per lead is a plain division. Handlers get it injected by Axon.
 */
@Component
class SalesCurrency {

    private final String currency;

    SalesCurrency(@Value("${erp.crm.currency:EUR}") String currency) {
        this.currency = currency;
    }

    void check(Money money, String what) {
        if (money != null && !currency.equals(money.currency())) {
            throw new BusinessRuleViolation(CrmRule.CURRENCY_MISMATCH, "The " + what + " is in "
                    + money.currency() + "; the sales pipeline keeps its amounts in " + currency + ".");
        }
    }
}
