package com.backhaulexchange.adapter.dynamodb.document;

import com.backhaulexchange.deal.negotiation.AccessorialTerms;

/** Accessorial terms inside a negotiation's offers and a booking. */
public record AccessorialsDocument(int detentionFreeHours, MoneyDocument detentionRatePerHour, MoneyDocument tonuFee,
        int tonuCancellationWindowHours) {

    static AccessorialsDocument of(AccessorialTerms terms) {
        return new AccessorialsDocument(terms.detentionFreeHours(), MoneyDocument.of(terms.detentionRatePerHour()),
                MoneyDocument.of(terms.tonuFee()), terms.tonuCancellationWindowHours());
    }

    AccessorialTerms toTerms() {
        return new AccessorialTerms(detentionFreeHours, detentionRatePerHour.toMoney(), tonuFee.toMoney(),
                tonuCancellationWindowHours);
    }
}
