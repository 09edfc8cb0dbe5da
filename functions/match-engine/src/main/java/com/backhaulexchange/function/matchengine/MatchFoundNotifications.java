package com.backhaulexchange.function.matchengine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.backhaulexchange.kernel.id.Ulid;
import com.backhaulexchange.matching.Match;
import com.backhaulexchange.notification.Notification;
import com.backhaulexchange.notification.NotificationPublisher;
import com.backhaulexchange.notification.NotificationType;
import com.backhaulexchange.partner.PartnerId;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;

/**
 * Tells both parties of a new match (MATCH_FOUND), naming the match and the recipient's own lane only: the
 * figures of a match differ per side, so the payload carries none (GET /matches/{id} gives each its view).
 * Best effort: a failed hand-over is logged and never fails the match request — the match is stored and
 * listed, the notification is a convenience (ADR 16).
 */
final class MatchFoundNotifications implements Consumer<Match> {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final NotificationPublisher publisher;
    private final Ulid ids;
    private final Clock clock;
    private final Consumer<String> warnings;

    MatchFoundNotifications(NotificationPublisher publisher, Ulid ids, Clock clock, Consumer<String> warnings) {
        this.publisher = publisher;
        this.ids = ids;
        this.clock = clock;
        this.warnings = warnings;
    }

    @Override
    public void accept(Match match) {
        for (var recipient : List.of(new Recipient(match.carrier(), match.capacityLaneId().value(), "CARRIER"),
                new Recipient(match.shipper(), match.loadLaneId().value(), "SHIPPER"))) {
            var data = new MatchFoundPayload(match.id().value(), recipient.laneId(), recipient.side(),
                    match.matchableUntil().toString());
            var notification = new Notification(ids.next(), NotificationType.MATCH_FOUND, recipient.partner(),
                    clock.instant(), json(data));
            try {
                publisher.publish(notification);
            } catch (RuntimeException e) {
                warnings.accept("MATCH_FOUND " + notification.eventId() + " for match " + match.id().value()
                        + " not handed over: " + e.getMessage());
            }
        }
    }

    private record Recipient(PartnerId partner, String laneId, String side) {
    }

    /** The data of a MATCH_FOUND notification (the webhook's {@code data}), for one party. */
    record MatchFoundPayload(String matchId, String yourLaneId, String yourSide, String matchableUntil) {
    }

    private static String json(Object payload) {
        try {
            return JSON.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a notification payload always serialises", e);
        }
    }
}
