package com.backhaulexchange.function.negotiationbooking;

import com.backhaulexchange.tracking.CoarseArea;
import com.backhaulexchange.tracking.PublicTracking;
import com.backhaulexchange.tracking.TrackingLink;
import com.backhaulexchange.tracking.TrackingLinkPolicy;
import java.time.Instant;
import java.util.List;

/**
 * The JSON of tracking links for their shipper, and of the public view (ADR 33). The public view is its own records
 * with only the allowed fields, not a filtered copy of the parties' tracking, so a field added there never leaks
 * here. Null components are left out.
 */
final class TrackingLinkViews {
    /** Where the public view of a token is read, relative to the API's base URL. */
    static final String PUBLIC_PATH = "/public/tracking/";

    private TrackingLinkViews() {
    }

    record LinkView(String linkId, String bookingId, String status, String createdAt, String expiresAt,
            String revokedAt, String token, String publicPath) {
    }

    record LinkList(List<LinkView> items) {
    }

    record AreaView(double latitudeDegrees, double longitudeDegrees, double precisionKm) {
    }

    record WindowView(String opensAt, String closesAt, String timeZone) {
    }

    record PublicTrackingView(String status, AreaView lastKnownArea, String lastSeenAt, String eta,
            WindowView deliveryWindow, String linkExpiresAt) {
    }

    static LinkView created(TrackingLinkPolicy.Creation.Created created, Instant now) {
        var link = link(created.link(), now);
        return new LinkView(link.linkId(), link.bookingId(), link.status(), link.createdAt(), link.expiresAt(), null,
                created.token().value(), PUBLIC_PATH + created.token().value());
    }

    static LinkView link(TrackingLink link, Instant now) {
        return new LinkView(link.id().value(), link.bookingId().value(), link.statusAt(now).name(),
                link.createdAt().toString(), link.expiresAt().toString(), text(link.revokedAt()), null, null);
    }

    static LinkList list(List<TrackingLink> links, Instant now) {
        return new LinkList(links.stream().map(link -> link(link, now)).toList());
    }

    static PublicTrackingView publicView(TrackingLinkService.PublicView view) {
        PublicTracking tracking = view.tracking();
        CoarseArea area = tracking.lastKnownArea();
        var window = tracking.deliveryWindow();
        return new PublicTrackingView(tracking.status().name(),
                area == null ? null : new AreaView(area.latitudeDegrees(), area.longitudeDegrees(),
                        CoarseArea.MAX_OFFSET_KM),
                text(tracking.lastSeenAt()), text(tracking.eta()),
                window == null ? null : new WindowView(window.opensAt().toString(), window.closesAt().toString(),
                        window.zone().getId()),
                // Once delivered or cancelled the status alone: not even how long the link still works.
                tracking.status() == PublicTracking.Status.DELIVERED || tracking.status() == PublicTracking.Status.CANCELLED
                        ? null : view.linkExpiresAt().toString());
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
