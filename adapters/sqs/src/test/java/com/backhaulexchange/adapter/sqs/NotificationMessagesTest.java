package com.backhaulexchange.adapter.sqs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.backhaulexchange.adapter.sqs.NotificationMessages.MalformedNotificationException;
import com.backhaulexchange.notification.Notification;
import com.backhaulexchange.notification.NotificationType;
import com.backhaulexchange.notification.WebhookId;
import com.backhaulexchange.partner.PartnerId;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class NotificationMessagesTest {
    static final Notification NOTIFICATION = new Notification("01JD0000000000000000000001", NotificationType.MATCH_FOUND,
            new PartnerId("01JD0000000000000000000002"), Instant.parse("2026-11-20T14:00:00Z"),
            "{\"matchId\":\"m-1\",\"deadheadMiles\":42}");

    @Test
    void aNotificationForAllWebhooksRoundTrips() {
        var decoded = NotificationMessages.decode(NotificationMessages.encode(NOTIFICATION, null));

        assertThat(decoded.notification()).isEqualTo(NOTIFICATION);
        assertThat(decoded.isForOneWebhook()).isFalse();
    }

    @Test
    void aNotificationForOneWebhookRoundTrips() {
        var webhook = new WebhookId("01JD0000000000000000000003");
        var decoded = NotificationMessages.decode(NotificationMessages.encode(NOTIFICATION, webhook));

        assertThat(decoded.notification()).isEqualTo(NOTIFICATION);
        assertThat(decoded.webhookId()).isEqualTo(webhook);
    }

    @Test
    void theWebhookBodyHasEventIdTypeOccurredAtAndDataOnly() {
        assertThat(NotificationMessages.webhookBody(NOTIFICATION)).isEqualTo("{\"eventId\":\"01JD0000000000000000000001\","
                + "\"type\":\"MATCH_FOUND\",\"occurredAt\":\"2026-11-20T14:00:00Z\","
                + "\"data\":{\"matchId\":\"m-1\",\"deadheadMiles\":42}}");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "", "[]", "{\"eventId\": 1", "null",
            "{\"eventId\":\"x\",\"type\":\"MATCH_FOUND\",\"recipient\":\"01JD0000000000000000000002\",\"occurredAt\":\"2026-11-20T14:00:00Z\",\"data\":{}}",
            "{\"eventId\":\"01JD0000000000000000000001\",\"type\":\"PARTY\",\"recipient\":\"01JD0000000000000000000002\",\"occurredAt\":\"2026-11-20T14:00:00Z\",\"data\":{}}",
            "{\"eventId\":\"01JD0000000000000000000001\",\"type\":\"MATCH_FOUND\",\"recipient\":\"someone\",\"occurredAt\":\"2026-11-20T14:00:00Z\",\"data\":{}}",
            "{\"eventId\":\"01JD0000000000000000000001\",\"type\":\"MATCH_FOUND\",\"recipient\":\"01JD0000000000000000000002\",\"occurredAt\":\"yesterday\",\"data\":{}}",
            "{\"eventId\":\"01JD0000000000000000000001\",\"type\":\"MATCH_FOUND\",\"recipient\":\"01JD0000000000000000000002\",\"occurredAt\":\"2026-11-20T14:00:00Z\",\"data\":[]}",
            "{\"eventId\":\"01JD0000000000000000000001\",\"type\":\"MATCH_FOUND\",\"recipient\":\"01JD0000000000000000000002\",\"occurredAt\":\"2026-11-20T14:00:00Z\",\"data\":{},\"extra\":1}",
            "{\"eventId\":\"01JD0000000000000000000001\",\"type\":\"MATCH_FOUND\",\"recipient\":\"01JD0000000000000000000002\",\"occurredAt\":\"2026-11-20T14:00:00Z\",\"data\":{},\"webhookId\":\"w\"}",
            "{\"eventId\":\"01JD0000000000000000000001\",\"type\":\"MATCH_FOUND\",\"recipient\":\"01JD0000000000000000000002\",\"occurredAt\":\"2026-11-20T14:00:00Z\",\"data\":{}} {}"})
    void anythingElseIsMalformed(String body) {
        assertThatThrownBy(() -> NotificationMessages.decode(body)).isInstanceOf(MalformedNotificationException.class);
    }

    @Test
    void noBodyIsMalformed() {
        assertThatThrownBy(() -> NotificationMessages.decode(null)).isInstanceOf(MalformedNotificationException.class);
    }
}
