package com.backhaulexchange.function.onboarding;

import com.backhaulexchange.testing.Reply;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;

/** A partner registered through the handler, with the key it was issued, able to act as the caller of events. */
record RegisteredPartner(String partnerId, String keyId, String token, String roles, String etag, JsonNode registration) {

    static RegisteredPartner from(Reply registered) {
        JsonNode json = registered.json();
        JsonNode partner = json.path("partner");
        StringBuilder roles = new StringBuilder();
        partner.path("roles").forEach(role -> roles.append(roles.isEmpty() ? "" : ",").append(role.asText()));
        return new RegisteredPartner(partner.path("partnerId").asText(), json.path("apiKey").path("keyId").asText(),
                json.path("apiKey").path("token").asText(), roles.toString(), registered.header("ETag"), json);
    }

    /** The 43-character secret at the end of {@code bhx_<partnerId>_<keyId>_<secret>}. */
    String secret() {
        return token.substring(token.lastIndexOf('_') + 1);
    }

    /** Placeholder values of events/ samples sent by this partner, as the authorizer's context carries them. */
    Map<String, String> asCaller() {
        Map<String, String> values = new HashMap<>();
        values.put("PARTNER_ID", partnerId);
        values.put("KEY_ID", keyId);
        values.put("ROLES", roles);
        values.put("API_KEY", token);
        return values;
    }

    /** {@link #asCaller()} plus more placeholder values. */
    Map<String, String> asCaller(String... moreNamesAndValues) {
        Map<String, String> values = asCaller();
        for (int i = 0; i < moreNamesAndValues.length; i += 2) {
            values.put(moreNamesAndValues[i], moreNamesAndValues[i + 1]);
        }
        return values;
    }

    /** The same partner calling with another of its keys. */
    RegisteredPartner withKey(String otherKeyId, String otherToken) {
        return new RegisteredPartner(partnerId, otherKeyId, otherToken, roles, etag, registration);
    }
}
