package com.backhaulexchange.adapter.json;

import com.backhaulexchange.kernel.money.Money;

/** An amount as the API and its webhooks show it: {@code {amountMinorUnits, currency}}, the ISO 4217 code. */
public record MoneyView(long amountMinorUnits, String currency) {
    /** The view of {@code money}; null for no amount, so the field is left out. */
    public static MoneyView of(Money money) {
        return money == null ? null : new MoneyView(money.amountMinorUnits(), money.currency().getCurrencyCode());
    }
}
