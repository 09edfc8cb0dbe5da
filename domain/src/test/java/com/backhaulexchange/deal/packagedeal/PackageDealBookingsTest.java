package com.backhaulexchange.deal.packagedeal;

import static com.backhaulexchange.deal.negotiation.NegotiationExamples.CARRIER;
import static com.backhaulexchange.deal.negotiation.NegotiationExamples.CARRIER_PARTY;
import static com.backhaulexchange.deal.negotiation.NegotiationExamples.NOW;
import static com.backhaulexchange.deal.negotiation.NegotiationExamples.changed;
import static com.backhaulexchange.deal.negotiation.NegotiationExamples.terms;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.backhaulexchange.deal.booking.Booking;
import com.backhaulexchange.deal.booking.BookingId;
import com.backhaulexchange.deal.booking.BookingStatus;
import com.backhaulexchange.deal.negotiation.ActingPartner;
import com.backhaulexchange.deal.negotiation.NegotiationRules;
import com.backhaulexchange.deal.negotiation.Side;
import com.backhaulexchange.kernel.equipment.EquipmentType;
import com.backhaulexchange.kernel.geo.Coordinates;
import com.backhaulexchange.kernel.geo.Place;
import com.backhaulexchange.kernel.money.Money;
import com.backhaulexchange.lane.CapacityLaneId;
import com.backhaulexchange.lane.LaneStatus;
import com.backhaulexchange.lane.LoadLane;
import com.backhaulexchange.lane.LoadLaneId;
import com.backhaulexchange.lane.TimeWindow;
import com.backhaulexchange.matching.MatchId;
import com.backhaulexchange.matching.chain.ReloadPackageId;
import com.backhaulexchange.partner.PartnerId;
import com.backhaulexchange.partner.PartnerRole;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The bookings a booked package makes (ADR 32), and when an open one lapses. */
class PackageDealBookingsTest {
    private static final CapacityLaneId TRUCK = new CapacityLaneId("01JDTRCK000000000000000001");
    private static final List<PartnerId> SHIPPERS = List.of(new PartnerId("01JDSHPA000000000000000001"),
            new PartnerId("01JDSHPB000000000000000001"));
    private static final List<LoadLaneId> LOADS = List.of(new LoadLaneId("01JDQDA0000000000000000001"),
            new LoadLaneId("01JDQDB0000000000000000001"));
    private static final List<BookingId> BOOKING_IDS = List.of(new BookingId("01JDBKNG000000000000000001"),
            new BookingId("01JDBKNG000000000000000002"));

    private static PackageDeal opened() {
        var offered = new OfferedPackage(ReloadPackageId.of(TRUCK, LOADS), TRUCK, CARRIER, Currency.getInstance("USD"),
                NOW.plus(Duration.ofHours(20)), List.of(new OfferedLoad(0, LOADS.get(0), SHIPPERS.get(0), 300, 10),
                        new OfferedLoad(1, LOADS.get(1), SHIPPERS.get(1), 250, 30)));
        return changed(PackageDeal.open(new PackageDealId("01JDPKGD000000000000000001"), offered, CARRIER_PARTY,
                List.of(terms(90_000, NOW.plus(Duration.ofHours(3))), terms(80_000, NOW.plus(Duration.ofHours(2)))),
                NegotiationRules.DEFAULT, NOW));
    }

    private static LoadLane load(int index) {
        var pickupOpens = NOW.plus(Duration.ofHours(30 + 24L * index));
        var place = new Place(new Coordinates(39.0 + index, -90.0), "Somewhere " + index);
        return new LoadLane(LOADS.get(index), SHIPPERS.get(index), place, place,
                new TimeWindow(pickupOpens, pickupOpens.plus(Duration.ofHours(4)), ZoneId.of("America/Chicago")),
                new TimeWindow(pickupOpens.plus(Duration.ofHours(6)), pickupOpens.plus(Duration.ofHours(12)),
                        ZoneId.of("America/Chicago")),
                30_000, 20, EquipmentType.DRY_VAN, "paper", Money.of(100_000, "USD"), LaneStatus.OPEN);
    }

    private static ActingPartner shipper(int leg) {
        return ActingPartner.party(SHIPPERS.get(leg), PartnerRole.SHIPPER);
    }

    @Test
    void aBookedPackageMakesOneBookingPerLoadAtTheAgreedTermsLikeASingleMatchsBooking() {
        var countered = changed(opened().counter(1, Side.SHIPPER, shipper(1), terms(85_000), NOW.plusSeconds(60)));
        var accepted = changed(countered.accept(1, Side.CARRIER, CARRIER_PARTY, NOW.plusSeconds(120)));
        var booked = changed(accepted.accept(0, Side.SHIPPER, shipper(0), NOW.plusSeconds(180)));
        assertThat(booked.status()).isEqualTo(PackageDealStatus.BOOKED);

        List<Booking> bookings = booked.bookings(BOOKING_IDS, List.of(load(0), load(1)), NOW.plusSeconds(180));

        assertThat(bookings).extracting(Booking::id).containsExactlyElementsOf(BOOKING_IDS);
        assertThat(bookings).extracting(Booking::loadLaneId).containsExactlyElementsOf(LOADS);
        assertThat(bookings).extracting(Booking::shipper).containsExactlyElementsOf(SHIPPERS);
        assertThat(bookings).allSatisfy(booking -> {
            assertThat(booking.carrier()).isEqualTo(CARRIER);
            assertThat(booking.capacityLaneId()).isEqualTo(TRUCK);
            assertThat(booking.status()).isEqualTo(BookingStatus.BOOKED);
            assertThat(booking.negotiationId().value()).as("the deal stands for the negotiation")
                    .isEqualTo(booked.id().value());
            assertThat(booking.history()).hasSize(1);
        });
        assertThat(bookings.get(1).matchId()).isEqualTo(MatchId.of(TRUCK, LOADS.get(1)));
        assertThat(bookings).extracting(booking -> booking.agreedAmount().amountMinorUnits())
                .containsExactly(90_000L, 85_000L);
        assertThat(bookings.get(0).pickupWindowOpensAt()).isEqualTo(load(0).pickupWindow().opensAt());
    }

    @Test
    void anOpenOrFailedDealMakesNoBookingAndLoadsMustBeTheLegsOwn() {
        assertThatThrownBy(() -> opened().bookings(BOOKING_IDS, List.of(load(0), load(1)), NOW))
                .isInstanceOf(IllegalStateException.class);
        var booked = changed(changed(opened().accept(0, Side.SHIPPER, shipper(0), NOW))
                .accept(1, Side.SHIPPER, shipper(1), NOW));
        assertThatThrownBy(() -> booked.bookings(BOOKING_IDS, List.of(load(1), load(0)), NOW))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anOpenDealLapsesAtItsEarliestUnansweredOfferOrItsDeadline() {
        var deal = opened();
        assertThat(deal.lapsesAt()).isEqualTo(NOW.plus(Duration.ofHours(2)));

        var secondAccepted = changed(deal.accept(1, Side.SHIPPER, shipper(1), NOW));

        assertThat(secondAccepted.lapsesAt()).as("an accepted leg no longer lapses")
                .isEqualTo(NOW.plus(Duration.ofHours(3)));
        assertThat(secondAccepted.effectiveStatus(secondAccepted.lapsesAt())).isEqualTo(PackageDealStatus.FAILED);
        assertThat(secondAccepted.legsOf(SHIPPERS.get(1))).containsExactly(1);
    }
}
