package com.backhaulexchange.adapter.dynamodb.document;

import com.backhaulexchange.kernel.money.Money;

/** An amount as stored: {@code {amountMinorUnits, currency}}, the currency as its ISO 4217 code. */
public record MoneyDocument(long amountMinorUnits, String currency) {

    static MoneyDocument of(Money money) {
        return money == null ? null : new MoneyDocument(money.amountMinorUnits(), money.currency().getCurrencyCode());
    }

    Money toMoney() {
        return Money.of(amountMinorUnits, currency);
    }

    static Money moneyOf(MoneyDocument document) {
        return document == null ? null : document.toMoney();
    }
}
