package com.backhaulexchange.adapter.json;

import com.backhaulexchange.settlement.collaboration.Agreement;
import com.backhaulexchange.settlement.collaboration.AllocationRuleName;
import com.backhaulexchange.settlement.collaboration.PeriodKind;
import com.backhaulexchange.settlement.collaboration.RiskTerms;
import com.backhaulexchange.kernel.policy.FieldViolation;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
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
     * The agreement of a request body (already schema-valid) at {@code pointer}, every value read through
     * {@link RequestValues} so that each bad field is reported with its pointer (the range of the pooled share is
     * the schema's and AgreementPolicies' to check: here it is only never coerced). The version is 1 for a request
     * (the domain numbers versions).
     */
    public static Agreement agreementFrom(JsonNode json, String pointer) {
        List<FieldViolation> violations = new ArrayList<>();
        JsonNode risk = json.path("riskTerms");
        RiskTerms terms = AT_FAULT_CAPPED.equals(risk.path("kind").asText())
                ? RequestValues.collect(violations, () -> new RiskTerms.AtFaultCapped(RequestValues.money(
                        risk.path("perMemberCapPerPeriod"), pointer + "/riskTerms/perMemberCapPerPeriod")))
                : new RiskTerms.SharedFromFirstCent();
        Long pooled = RequestValues.collect(violations, () -> RequestValues.wholeNumber(
                json.path("pooledShareBasisPoints"), pointer + "/pooledShareBasisPoints", Integer.MIN_VALUE,
                Integer.MAX_VALUE));
        Currency currency = RequestValues.collect(violations,
                () -> RequestValues.currency(json.path("currency"), pointer + "/currency"));
        LocalDate startDate = RequestValues.collect(violations,
                () -> RequestValues.date(json.path("startDate"), pointer + "/startDate"));
        RequestValues.rejectIfAny(violations);
        return new Agreement(1, AllocationRuleName.valueOf(json.path("rule").asText()), pooled.intValue(), terms,
                PeriodKind.valueOf(json.path("periodKind").asText()), currency, startDate);
    }
}
