package com.backhaulexchange.function.laneposting;

import com.backhaulexchange.partner.PartnerId;
import com.backhaulexchange.partner.PartnerExamples;
import java.util.HashMap;
import java.util.Map;

/**
 * A partner as the authorizer presents it to the function (its id, key id and roles in the request
 * context): lane posting trusts that context, and reads PartnersTable only for a carrier's fleet fuel economy,
 * by key, when it posts a truck (a caller not in the table posts the default truck, ADR 47).
 */
record Caller(PartnerId partnerId, String keyId, String roles) {

    static Caller carrier() {
        return new Caller(PartnerExamples.newPartnerId(), PartnerExamples.newKeyId().value(), "CARRIER");
    }

    static Caller shipper() {
        return new Caller(PartnerExamples.newPartnerId(), PartnerExamples.newKeyId().value(), "SHIPPER");
    }

    static Caller broker() {
        return new Caller(PartnerExamples.newPartnerId(), PartnerExamples.newKeyId().value(), "BROKER");
    }

    static Caller carrierAndShipper() {
        return new Caller(PartnerExamples.newPartnerId(), PartnerExamples.newKeyId().value(), "CARRIER,SHIPPER");
    }

    /** Placeholder values of events/ samples sent by this partner. */
    Map<String, String> values(String... moreNamesAndValues) {
        Map<String, String> values = new HashMap<>();
        values.put("PARTNER_ID", partnerId.value());
        values.put("KEY_ID", keyId);
        values.put("ROLES", roles);
        values.put("API_KEY", "bhx_" + partnerId.value() + "_" + keyId + "_" + "s".repeat(43));
        for (int i = 0; i < moreNamesAndValues.length; i += 2) {
            values.put(moreNamesAndValues[i], moreNamesAndValues[i + 1]);
        }
        return values;
    }
}
