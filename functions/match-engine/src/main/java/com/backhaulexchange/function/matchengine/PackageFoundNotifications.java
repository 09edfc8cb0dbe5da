package com.backhaulexchange.function.matchengine;

import com.backhaulexchange.kernel.id.Ulid;
import com.backhaulexchange.matching.chain.PackageMatch;
import com.backhaulexchange.notification.Notification;
import com.backhaulexchange.notification.NotificationPublisher;
import com.backhaulexchange.notification.NotificationType;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.util.function.Consumer;

/**
 * Tells a carrier of a new reload package for its truck (PACKAGE_FOUND, ADR 25), naming the package, the truck's
 * lane and how many loads it carries: the figures are read with GET /packages/{id}. The shippers are not told: a
 * package is offered to the truck, and no shipper may learn of the others. Best effort, as MATCH_FOUND: a failed
 * hand-over is logged and never fails the match request.
 */
final class PackageFoundNotifications implements Consumer<PackageMatch> {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final NotificationPublisher publisher;
    private final Ulid ids;
    private final Clock clock;
    private final Consumer<String> warnings;

    PackageFoundNotifications(NotificationPublisher publisher, Ulid ids, Clock clock, Consumer<String> warnings) {
        this.publisher = publisher;
        this.ids = ids;
        this.clock = clock;
        this.warnings = warnings;
    }

    @Override
    public void accept(PackageMatch found) {
        var data = new PackageFoundPayload(found.id().value(), found.capacityLaneId().value(), found.legs().size(),
                found.isRoundTrip(), found.matchableUntil().toString());
        var notification = new Notification(ids.next(), NotificationType.PACKAGE_FOUND, found.carrier(),
                clock.instant(), json(data));
        try {
            publisher.publish(notification);
        } catch (RuntimeException e) {
            warnings.accept("PACKAGE_FOUND " + notification.eventId() + " for package " + found.id().value()
                    + " not handed over: " + e.getMessage());
        }
    }

    /** The data of a PACKAGE_FOUND notification (the webhook's {@code data}). */
    record PackageFoundPayload(String packageId, String yourLaneId, int loadCount, boolean roundTrip,
            String matchableUntil) {
    }

    private static String json(Object payload) {
        try {
            return JSON.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a notification payload always serialises", e);
        }
    }
}
