package com.backhaulexchange.adapter.json;

import com.backhaulexchange.settlement.collaboration.Agreement;
import com.backhaulexchange.settlement.collaboration.AllocationRuleName;
import com.backhaulexchange.settlement.collaboration.PeriodKind;
import com.backhaulexchange.settlement.collaboration.RiskTerms;
import com.backhaulexchange.kernel.money.Money;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.Currency;

/**
 * The agreements of the collaboration request bodies (already schema-valid); the API shows a collaboration as a
 * {@link CollaborationView}, and what is stored is another thing (adapter.dynamodb.document.CollaborationDocument).
 */
public final class CollaborationJson {
    public static final String AT_FAULT_CAPPED = "AT_FAULT_CAPPED";
    public static final String SHARED_FROM_FIRST_CENT = "SHARED_FROM_FIRST_CENT";

    private CollaborationJson() {
    }

    /**
     * The agreement of a request body (already schema-valid). The version is 1 for a request (the domain numbers
     * versions).
     */
    public static Agreement agreementFrom(JsonNode json) {
        JsonNode risk = json.path("riskTerms");
        RiskTerms terms = AT_FAULT_CAPPED.equals(risk.path("kind").asText())
                ? new RiskTerms.AtFaultCapped(moneyFrom(risk.path("perMemberCapPerPeriod")))
                : new RiskTerms.SharedFromFirstCent();
        return new Agreement(json.path("version").asInt(1), AllocationRuleName.valueOf(json.path("rule").asText()),
                json.path("pooledShareBasisPoints").asInt(), terms, PeriodKind.valueOf(json.path("periodKind").asText()),
                Currency.getInstance(json.path("currency").asText()), LocalDate.parse(json.path("startDate").asText()));
    }

    public static Money moneyFrom(JsonNode json) {
        return new Money(json.path("amountMinorUnits").asLong(), Currency.getInstance(json.path("currency").asText()));
    }
}
