package com.backhaulexchange.adapter.sqs;

import com.backhaulexchange.kernel.id.Ulid;
import com.backhaulexchange.notification.Notification;
import com.backhaulexchange.notification.NotificationType;
import com.backhaulexchange.notification.WebhookId;
import com.backhaulexchange.partner.PartnerId;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Set;

/**
 * The body of a message on NotificationQueue, and the body of the webhook request it becomes.
 * <pre>
 * {"eventId": "&lt;ULID&gt;", "type": "MATCH_FOUND", "recipient": "&lt;partnerId&gt;", "occurredAt": "&lt;instant&gt;",
 *  "data": {...}, "webhookId": "&lt;ULID&gt;"}
 * </pre>
 * Without {@code webhookId} the notification is for every webhook of the recipient that subscribed to its type
 * (the notifier fans it out); with one, for that webhook only. Decoding is strict: anything else is malformed
 * and can never succeed.
 */
public final class NotificationMessages {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final Set<String> FIELDS = Set.of("eventId", "type", "recipient", "occurredAt", "data", "webhookId");

    private NotificationMessages() {
    }

    /** A decoded message: the notification and, when it is for one webhook only, that webhook. */
    public record NotificationMessage(Notification notification, WebhookId webhookId) {
        public boolean isForOneWebhook() {
            return webhookId != null;
        }
    }

    public static final class MalformedNotificationException extends RuntimeException {
        public MalformedNotificationException(String message) {
            super(message);
        }
    }

    public static String encode(Notification notification, WebhookId webhookId) {
        ObjectNode json = MAPPER.createObjectNode();
        json.put("eventId", notification.eventId());
        json.put("type", notification.type().name());
        json.put("recipient", notification.recipient().value());
        json.put("occurredAt", notification.occurredAt().toString());
        json.set("data", parseObject(notification.dataJson()));
        if (webhookId != null) {
            json.put("webhookId", webhookId.value());
        }
        return json.toString();
    }

    /** What the receiver gets: {@code {"eventId", "type", "occurredAt", "data"}}, never the recipient or webhook. */
    public static String webhookBody(Notification notification) {
        ObjectNode json = MAPPER.createObjectNode();
        json.put("eventId", notification.eventId());
        json.put("type", notification.type().name());
        json.put("occurredAt", notification.occurredAt().toString());
        json.set("data", parseObject(notification.dataJson()));
        return json.toString();
    }

    public static NotificationMessage decode(String body) {
        if (body == null) {
            throw new MalformedNotificationException("the message has no body");
        }
        JsonNode json;
        try {
            json = MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw new MalformedNotificationException("the body is not JSON: " + e.getOriginalMessage());
        }
        if (json == null || !json.isObject()) {
            throw new MalformedNotificationException("the body is not a JSON object");
        }
        json.fieldNames().forEachRemaining(field -> {
            if (!FIELDS.contains(field)) {
                throw new MalformedNotificationException("unknown field " + field);
            }
        });
        String eventId = text(json, "eventId");
        if (!Ulid.isValid(eventId)) {
            throw new MalformedNotificationException("eventId must be a ULID");
        }
        String type = text(json, "type");
        if (Arrays.stream(NotificationType.values()).noneMatch(candidate -> candidate.name().equals(type))) {
            throw new MalformedNotificationException("type must be one of " + Arrays.toString(NotificationType.values()));
        }
        String recipient = text(json, "recipient");
        if (!PartnerId.isValid(recipient)) {
            throw new MalformedNotificationException("recipient must be a partner id");
        }
        Instant occurredAt;
        try {
            occurredAt = Instant.parse(text(json, "occurredAt"));
        } catch (DateTimeParseException e) {
            throw new MalformedNotificationException("occurredAt must be an instant");
        }
        if (!json.path("data").isObject()) {
            throw new MalformedNotificationException("data must be a JSON object");
        }
        WebhookId webhookId = null;
        if (json.has("webhookId")) {
            String value = text(json, "webhookId");
            if (!WebhookId.isValid(value)) {
                throw new MalformedNotificationException("webhookId must be a webhook id");
            }
            webhookId = new WebhookId(value);
        }
        return new NotificationMessage(new Notification(eventId, NotificationType.valueOf(type),
                new PartnerId(recipient), occurredAt, json.get("data").toString()), webhookId);
    }

    private static String text(JsonNode json, String field) {
        JsonNode value = json.path(field);
        if (!value.isTextual()) {
            throw new MalformedNotificationException(field + " must be a string");
        }
        return value.asText();
    }

    private static JsonNode parseObject(String dataJson) {
        try {
            JsonNode data = MAPPER.readTree(dataJson);
            if (data == null || !data.isObject()) {
                throw new IllegalArgumentException("data must be a JSON object");
            }
            return data;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("data is not JSON: " + e.getOriginalMessage(), e);
        }
    }
}
