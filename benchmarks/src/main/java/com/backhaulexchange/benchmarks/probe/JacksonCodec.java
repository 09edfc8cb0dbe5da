package com.backhaulexchange.benchmarks.probe;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Event and response (de)serialization with the Jackson shaded inside the function jar under
 * test. The managed Lambda runtime uses its own copy (aws-lambda-java-serialization) instead, which
 * is not on our classpath: this is the closest stand-in that adds no classes to the jar measured.
 */
final class JacksonCodec {
    // Like the Lambda runtime: fields of the API Gateway payload that the event class lacks are ignored.
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private JacksonCodec() {
    }

    static Object read(String json, Class<?> eventClass) throws Exception {
        return MAPPER.readValue(json, eventClass);
    }

    /** Serializes the response (the runtime's last step) and names the fields that say whether it succeeded. */
    static String summarize(Object response) throws Exception {
        String json = MAPPER.writeValueAsString(response);
        JsonNode tree = MAPPER.readTree(json);
        if (tree.has("statusCode")) {
            return "statusCode=" + tree.path("statusCode").asInt();
        }
        JsonNode statements = tree.path("policyDocument").path("Statement");
        if (statements.isArray() && !statements.isEmpty()) {
            return "effect=" + statements.get(0).path("Effect").asText() + " principalId="
                    + tree.path("principalId").asText();
        }
        return "json=" + json.length() + "chars";
    }
}
