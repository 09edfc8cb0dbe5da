package com.backhaulexchange.benchmarks.probe;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * Event and response (de)serialization with the probe's own Jackson, relocated into the probe jar (see
 * benchmarks/pom.xml), as the managed Lambda runtime does with its own copy (aws-lambda-java-serialization):
 * the function jar measured neither needs Jackson for its events nor shares it with the probe.
 */
public final class JacksonCodec {
    private static final int LONGEST_JSON_SUMMARY = 300;
    // Like the Lambda runtime: fields of the event the event class lacks are ignored, and names match whatever
    // their case (SQS events say "Records" and "eventSourceARN" for SQSEvent's records / eventSourceArn).
    // Map responses are written with sorted keys, so a summary is the same whatever the map's order.
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .configure(MapperFeature.ACCEPT_CASE_INSENSITIVE_PROPERTIES, true)
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
            .build();

    private JacksonCodec() {
    }

    public static Object read(String json, Class<?> eventClass) throws Exception {
        return MAPPER.readValue(json, eventClass);
    }

    /**
     * Serializes the response (the runtime's last step) and names the fields that say whether it succeeded:
     * an API Gateway status code, an authorizer's policy effect, an SQS batch's failures, else the JSON itself.
     */
    public static String summarize(Object response) throws Exception {
        return summarizeJson(MAPPER.writeValueAsString(response));
    }

    /** The same summary of an answer a stream handler wrote as JSON itself. */
    public static String summarizeJson(String json) throws Exception {
        JsonNode tree = MAPPER.readTree(json);
        if (tree.has("statusCode")) {
            return "statusCode=" + tree.path("statusCode").asInt();
        }
        JsonNode statements = tree.path("policyDocument").path("Statement");
        if (statements.isArray() && !statements.isEmpty()) {
            return "effect=" + statements.get(0).path("Effect").asText() + " principalId="
                    + tree.path("principalId").asText();
        }
        if (tree.has("batchItemFailures")) {
            return "batchItemFailures=" + tree.path("batchItemFailures").size();
        }
        // Keys sorted, whoever wrote the JSON: a summary is the same whatever the map's order.
        String sorted = MAPPER.writeValueAsString(MAPPER.treeToValue(tree, Object.class));
        return "json=" + (sorted.length() <= LONGEST_JSON_SUMMARY ? sorted : sorted.length() + "chars");
    }
}
