package com.backhaulexchange.tracking;

import static com.backhaulexchange.tracking.TrackingExamples.BOOKING;
import static com.backhaulexchange.tracking.TrackingExamples.CARRIER;
import static com.backhaulexchange.tracking.TrackingExamples.SHIPPER;
import static com.backhaulexchange.tracking.TrackingExamples.STRANGER;
import static com.backhaulexchange.tracking.TrackingExamples.booking;
import static com.backhaulexchange.tracking.TrackingExamples.monday;
import static org.assertj.core.api.Assertions.assertThat;

import com.backhaulexchange.deal.booking.BookingStatus;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Tracking links (ADR 33): who may make them, how long they live, revocation, the token. */
class TrackingLinkTest {
    private static final Instant NOW = monday(9, 0);
    private static final TrackingLinkPolicy POLICY = new TrackingLinkPolicy(new SecureRandom());
    private static final TrackingLinkId ID = new TrackingLinkId("01JDTRKN000000000000000001");

    private static TrackingLinkPolicy.Creation create(BookingStatus status, com.backhaulexchange.partner.PartnerId by,
            Instant expiresAt, List<TrackingLink> existing) {
        return POLICY.create(booking(status), by, ID, expiresAt, existing, NOW);
    }

    private static List<TrackingReasonCode> reasons(TrackingLinkPolicy.Creation creation) {
        assertThat(creation).isInstanceOf(TrackingLinkPolicy.Creation.Refused.class);
        return ((TrackingLinkPolicy.Creation.Refused) creation).refusals().stream().map(TrackingRefusal::reason).toList();
    }

    @Test
    void theShipperMakesALinkWhoseTokenIsShownOnceAndStoredAsItsHash() {
        var creation = create(BookingStatus.PICKED_UP, SHIPPER, NOW.plus(Duration.ofDays(3)), List.of());
        var created = (TrackingLinkPolicy.Creation.Created) creation;
        assertThat(created.link().bookingId()).isEqualTo(BOOKING);
        assertThat(created.link().tokenSha256Hex()).isEqualTo(created.token().sha256Hex()).hasSize(64)
                .doesNotContain(created.token().value());
        assertThat(created.token().value()).startsWith("trk_").hasSize(47);
        assertThat(created.token().toString()).doesNotContain(created.token().value().substring(4));
        assertThat(created.link().statusAt(NOW)).isEqualTo(TrackingLink.Status.ACTIVE);
    }

    @Test
    void tokensCarry256RandomBitsAndDoNotRepeat() {
        Set<String> seen = new HashSet<>();
        IntStream.range(0, 1_000).forEach(i -> seen.add(TrackingLinkToken.generate(new SecureRandom()).value()));
        assertThat(seen).hasSize(1_000);
        assertThat(TrackingLinkToken.RANDOM_BYTES * 8).isGreaterThanOrEqualTo(128);
        assertThat(TrackingLinkToken.isWellFormed("trk_short")).isFalse();
        assertThat(TrackingLinkToken.isWellFormed("trk_" + "A".repeat(42) + "/")).isFalse();
    }

    @Test
    void theCarrierIsForbiddenAndAStrangerToldThereIsNoSuchBooking() {
        assertThat(reasons(create(BookingStatus.BOOKED, CARRIER, NOW.plusSeconds(60), List.of())))
                .containsExactly(TrackingReasonCode.WRONG_PARTY);
        assertThat(reasons(create(BookingStatus.BOOKED, STRANGER, NOW.plusSeconds(60), List.of())))
                .containsExactly(TrackingReasonCode.NOT_A_PARTY);
    }

    @Test
    void anExpiryIsInTheFutureAndAtMostThirtyDaysAway() {
        assertThat(reasons(create(BookingStatus.BOOKED, SHIPPER, NOW, List.of())))
                .containsExactly(TrackingReasonCode.EXPIRY_NOT_IN_THE_FUTURE);
        assertThat(reasons(create(BookingStatus.BOOKED, SHIPPER, NOW.plus(Duration.ofDays(30)).plusSeconds(1),
                List.of()))).containsExactly(TrackingReasonCode.EXPIRY_TOO_FAR);
        assertThat(create(BookingStatus.BOOKED, SHIPPER, NOW.plus(Duration.ofDays(30)), List.of()))
                .isInstanceOf(TrackingLinkPolicy.Creation.Created.class);
        var refused = (TrackingLinkPolicy.Creation.Refused) create(BookingStatus.BOOKED, SHIPPER, NOW, List.of());
        assertThat(refused.refusals().getFirst().field()).isEqualTo("/expiresAt");
    }

    @Test
    void aCancelledBookingHasNothingToShareAndActiveLinksAreBounded() {
        assertThat(reasons(create(BookingStatus.CANCELLED, SHIPPER, NOW.plusSeconds(60), List.of())))
                .containsExactly(TrackingReasonCode.BOOKING_CANCELLED);
        List<TrackingLink> links = new ArrayList<>();
        for (int i = 0; i < TrackingLinkPolicy.MAX_ACTIVE_LINKS; i++) {
            links.add(link(NOW.minusSeconds(60), NOW.plusSeconds(3_600), null));
        }
        assertThat(reasons(create(BookingStatus.BOOKED, SHIPPER, NOW.plusSeconds(60), links)))
                .containsExactly(TrackingReasonCode.TOO_MANY_LINKS);
        links.set(0, links.getFirst().revokedAt(NOW.minusSeconds(1)));
        links.set(1, link(NOW.minusSeconds(600), NOW.minusSeconds(1), null));
        assertThat(create(BookingStatus.BOOKED, SHIPPER, NOW.plusSeconds(60), links))
                .as("revoked and expired links do not count").isInstanceOf(TrackingLinkPolicy.Creation.Created.class);
    }

    @Test
    void aLinkLivesUntilItExpiresOrIsRevokedAndTheFirstRevocationStays() {
        TrackingLink link = link(NOW, NOW.plusSeconds(3_600), null);
        assertThat(link.isLiveAt(NOW.plusSeconds(3_599))).isTrue();
        assertThat(link.statusAt(NOW.plusSeconds(3_600))).isEqualTo(TrackingLink.Status.EXPIRED);
        TrackingLink revoked = link.revokedAt(NOW.plusSeconds(10));
        assertThat(revoked.statusAt(NOW.plusSeconds(10))).isEqualTo(TrackingLink.Status.REVOKED);
        assertThat(revoked.statusAt(NOW.plusSeconds(7_200))).isEqualTo(TrackingLink.Status.REVOKED);
        assertThat(revoked.revokedAt(NOW.plusSeconds(20))).isEqualTo(revoked);
    }

    private static TrackingLink link(Instant createdAt, Instant expiresAt, Instant revokedAt) {
        return new TrackingLink(ID, BOOKING, SHIPPER, "0".repeat(64), createdAt, expiresAt, revokedAt);
    }
}
