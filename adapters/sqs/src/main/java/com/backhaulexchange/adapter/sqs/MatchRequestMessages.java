package com.backhaulexchange.adapter.sqs;

import com.backhaulexchange.kernel.id.Ulid;
import com.backhaulexchange.lane.LaneKind;
import com.backhaulexchange.lane.PendingMatchRequest;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.Objects;
import java.util.Set;

/**
 * The body of a match request on MatchRequestQueue: {@code {"laneId": "<ULID>", "laneKind": "CAPACITY" |
 * "LOAD", "postedAt": "<instant>"}}. Decoding is strict: anything else is malformed and can never succeed.
 */
public final class MatchRequestMessages {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final Set<String> FIELDS = Set.of("laneId", "laneKind", "postedAt");

    private MatchRequestMessages() {
    }

    /** What the match engine needs from a message. */
    public record MatchRequestMessage(String laneId, LaneKind kind) {
        public MatchRequestMessage {
            Objects.requireNonNull(laneId, "laneId");
            Objects.requireNonNull(kind, "kind");
        }
    }

    /** A message body that is not a match request. */
    public static final class MalformedMatchRequestException extends RuntimeException {
        public MalformedMatchRequestException(String message) {
            super(message);
        }
    }

    public static String encode(PendingMatchRequest request) {
        ObjectNode json = MAPPER.createObjectNode();
        json.put("laneId", request.laneId());
        json.put("laneKind", request.kind().name());
        json.put("postedAt", request.postedAt().toString());
        return json.toString();
    }

    public static MatchRequestMessage decode(String body) {
        if (body == null) {
            throw new MalformedMatchRequestException("the message has no body");
        }
        JsonNode json;
        try {
            json = MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw new MalformedMatchRequestException("the body is not JSON: " + e.getOriginalMessage());
        }
        if (json == null || !json.isObject()) {
            throw new MalformedMatchRequestException("the body is not a JSON object");
        }
        json.fieldNames().forEachRemaining(field -> {
            if (!FIELDS.contains(field)) {
                throw new MalformedMatchRequestException("unknown field " + field);
            }
        });
        String laneId = json.path("laneId").asText(null);
        if (!json.path("laneId").isTextual() || !Ulid.isValid(laneId)) {
            throw new MalformedMatchRequestException("laneId must be a lane id (ULID)");
        }
        String kind = json.path("laneKind").asText("");
        if (!json.path("laneKind").isTextual() || Arrays.stream(LaneKind.values()).noneMatch(k -> k.name().equals(kind))) {
            throw new MalformedMatchRequestException("laneKind must be one of " + Arrays.toString(LaneKind.values()));
        }
        return new MatchRequestMessage(laneId, LaneKind.valueOf(kind));
    }
}
