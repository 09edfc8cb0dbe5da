package com.backhaulexchange.adapter.dynamodb;

import static com.backhaulexchange.deal.negotiation.NegotiationExamples.CARRIER_PARTY;
import static com.backhaulexchange.deal.negotiation.NegotiationExamples.SHIPPER_BROKER;
import static com.backhaulexchange.deal.negotiation.NegotiationExamples.SHIPPER_PARTY;
import static com.backhaulexchange.deal.negotiation.NegotiationExamples.changed;
import static com.backhaulexchange.deal.negotiation.NegotiationExamples.terms;
import static com.backhaulexchange.lane.LaneExamples.NOW;

import com.backhaulexchange.deal.booking.Booking;
import com.backhaulexchange.deal.booking.BookingId;
import com.backhaulexchange.deal.negotiation.AutoAcceptPrices;
import com.backhaulexchange.deal.negotiation.Negotiation;
import com.backhaulexchange.deal.negotiation.NegotiationExamples;
import com.backhaulexchange.deal.negotiation.NegotiationId;
import com.backhaulexchange.deal.negotiation.NegotiationRules;
import com.backhaulexchange.deal.negotiation.Side;
import com.backhaulexchange.kernel.equipment.EquipmentType;
import com.backhaulexchange.kernel.geo.Coordinates;
import com.backhaulexchange.kernel.geo.Place;
import com.backhaulexchange.kernel.money.Money;
import com.backhaulexchange.kernel.policy.Decision;
import com.backhaulexchange.lane.CapacityLane;
import com.backhaulexchange.lane.CapacityLaneId;
import com.backhaulexchange.lane.LaneExamples;
import com.backhaulexchange.lane.LaneKind;
import com.backhaulexchange.lane.LaneStatus;
import com.backhaulexchange.lane.LoadLane;
import com.backhaulexchange.lane.LoadLaneId;
import com.backhaulexchange.lane.PostedLane;
import com.backhaulexchange.matching.Match;
import com.backhaulexchange.matching.MatchId;
import com.backhaulexchange.matching.MatchRun;
import com.backhaulexchange.matching.MatchingRegion;
import com.backhaulexchange.matching.OptimisationPlan;
import com.backhaulexchange.partner.Contact;
import com.backhaulexchange.partner.Partner;
import com.backhaulexchange.partner.PartnerExamples;
import com.backhaulexchange.partner.PartnerId;
import com.backhaulexchange.partner.PartnerProfile;
import com.backhaulexchange.partner.PartnerRole;
import com.backhaulexchange.partner.PartnerStatus;
import com.backhaulexchange.partner.Suspension;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The domain objects of the stored-item fixtures, by name: fixed ids and instants, so that the items the
 * adapter writes for them are the same on every run. Each covers a variant of its document (optional fields
 * present or absent, every kind of event and actor).
 */
final class StoredItemExamples {
    static final Instant AT = Instant.parse("2026-11-21T10:15:30.123Z");

    private StoredItemExamples() {
    }

    // ---- PartnersTable

    static Map<String, Partner> partners() {
        Map<String, Partner> partners = new LinkedHashMap<>();
        partners.put("carrier-with-every-optional-field", new Partner(new PartnerId("01JDPRTC000000000000000001"),
                PartnerExamples.carrierProfile(), PartnerStatus.ACTIVE, null, 2, 3, AT, AT.plusSeconds(60)));
        partners.put("shipper-with-only-required-fields", Partner.registered(
                new PartnerId("01JDPRTS000000000000000001"), PartnerExamples.minimalShipperProfile(), AT));
        partners.put("suspended-broker", new Partner(new PartnerId("01JDPRTB000000000000000001"),
                new PartnerProfile("Ünïcode & Söns Brokerage", EnumSet.of(PartnerRole.BROKER, PartnerRole.SHIPPER),
                        new Contact("Zoë Ng", "ops@broker.example", "+442071234567"),
                        new Place(new Coordinates(-33.8688, 151.2093), "Sydney, NSW"),
                        Money.of(199, "EUR"), Set.of(EquipmentType.FLATBED), "7654321", null),
                PartnerStatus.SUSPENDED, new Suspension("unpaid invoices", AT.plusSeconds(3_600)), 0, 7, AT,
                AT.plusSeconds(3_600)));
        return partners;
    }

    // ---- LanesTable

    static final List<String> CANDIDATE_PARTITIONS = List.of("CANDIDATES#CAPACITY#DRY_VAN#9vg4#2026-11-23",
            "REGION#CAPACITY#9v");

    static Map<String, PostedLane> lanes() {
        Map<String, PostedLane> lanes = new LinkedHashMap<>();
        lanes.put("capacity-without-minimum-rate", new PostedLane.Capacity(LaneExamples.capacity(), NOW, NOW));
        CapacityLane capacity = LaneExamples.capacity();
        lanes.put("capacity-with-minimum-rate-and-offset-times", new PostedLane.Capacity(new CapacityLane(
                new CapacityLaneId("01JDCAP0000000000000000002"), capacity.carrier(), capacity.emptyAt(),
                new Place(capacity.mustEndAt().coordinates(), null),
                ZonedDateTime.of(2026, 11, 23, 6, 30, 0, 0, ZoneOffset.ofHours(-6)),
                ZonedDateTime.of(2026, 11, 24, 18, 0, 0, 0, ZoneOffset.ofHours(-6)), EquipmentType.REEFER, 40_000,
                22, 100, 250, Money.of(250, "USD"), LaneStatus.WITHDRAWN), NOW, NOW.plusSeconds(600)));
        lanes.put("load-with-budget", new PostedLane.Load(LaneExamples.load(), NOW, NOW));
        LoadLane load = LaneExamples.load();
        lanes.put("load-without-budget", new PostedLane.Load(new LoadLane(new LoadLaneId("01JDFRT0000000000000000002"),
                load.shipper(), load.origin(), load.destination(), load.pickupWindow(), load.deliveryWindow(), 12_345,
                3, EquipmentType.DRY_VAN, "steel coils, \"fragile\"", null, LaneStatus.BOOKED), NOW,
                NOW.plusSeconds(900)));
        return lanes;
    }

    static Map<String, Match> matches() {
        Map<String, Match> matches = new LinkedHashMap<>();
        Match priced = NegotiationExamples.match();
        matches.put("proposed-with-economics", priced);
        matches.put("recommended", priced.withRecommendation(new Match.Recommendation(NOW.plusSeconds(120),
                MatchingRegion.parse("9v"))));
        matches.put("retracted", priced.retracted(NOW.plusSeconds(300)));
        return matches;
    }

    static Map<String, MatchRun> runs() {
        Map<String, MatchRun> runs = new LinkedHashMap<>();
        runs.put("capacity-with-rejections", new MatchRun(LaneExamples.capacity().id().value(), LaneKind.CAPACITY,
                NOW.plusSeconds(2), 12, 40, false, 38, 3, 3, List.of(
                        new MatchRun.NearestRejection(12.345678, 600.0, 0.1, List.of(
                                new Decision.Rejected("EQUIPMENT_MISMATCH", "The load needs a REEFER.", null),
                                new Decision.Rejected("PRICE_BELOW_MINIMUM",
                                        "The budget USD 1.20 per mile is below the minimum USD 2.50.",
                                        "/minimumRatePerLoadedMile"))),
                        new MatchRun.NearestRejection(151.0, 1_234.5, 99.99, List.of(
                                new Decision.Rejected("ORIGIN_DEADHEAD_TOO_FAR", "151.0 miles empty", null))))));
        runs.put("load-without-candidates", new MatchRun(LaneExamples.load().id().value(), LaneKind.LOAD,
                NOW.plusSeconds(3), 4, 0, true, 0, 0, 0, List.of()));
        return runs;
    }

    static Map<String, OptimisationPlan> plans() {
        Map<String, OptimisationPlan> plans = new LinkedHashMap<>();
        plans.put("plan-with-recommendations", new OptimisationPlan(MatchingRegion.parse("9v"), NOW.plusSeconds(4),
                7, 9, 30, 12, List.of(MatchId.of(LaneExamples.capacity().id(), LaneExamples.load().id())),
                List.of(Money.of(123_456, "USD"), Money.of(7_800, "CAD")), List.of(Money.of(100_000, "USD"))));
        plans.put("empty-plan", new OptimisationPlan(MatchingRegion.parse("dr"), NOW.plusSeconds(5), 0, 0, 0, 0,
                List.of(), List.of(), List.of()));
        return plans;
    }

    // ---- NegotiationsTable

    static final BookingId BOOKING_ID = new BookingId("01JDBKNG000000000000000001");
    static final BookingId CANCELLED_BOOKING_ID = new BookingId("01JDBKNG000000000000000002");

    static Negotiation openedByTheCarrier() {
        return changed(Negotiation.open(NegotiationExamples.NEGOTIATION_ID, NegotiationExamples.match(), Side.CARRIER,
                CARRIER_PARTY, terms(150_000), AutoAcceptPrices.NONE, NegotiationRules.DEFAULT, NOW));
    }

    static Negotiation counteredByTheShippersBroker() {
        return changed(openedByTheCarrier().counter(Side.SHIPPER, SHIPPER_BROKER,
                new com.backhaulexchange.deal.negotiation.OfferTerms(NegotiationExamples.usd(130_000),
                        com.backhaulexchange.deal.negotiation.AccessorialTerms.usualUsd(),
                        NOW.plus(Duration.ofHours(4)), null), AutoAcceptPrices.NONE, NOW.plusSeconds(60)));
    }

    static Negotiation agreed() {
        return changed(counteredByTheShippersBroker().accept(Side.CARRIER, CARRIER_PARTY, NOW.plusSeconds(120)));
    }

    static Negotiation superseded() {
        return changed(changed(Negotiation.open(new NegotiationId("01JDNEG0000000000000000009"),
                NegotiationExamples.match(), Side.SHIPPER, SHIPPER_PARTY, terms(120_000), AutoAcceptPrices.NONE,
                NegotiationRules.DEFAULT, NOW)).supersede(NegotiationExamples.NEGOTIATION_ID, NOW.plusSeconds(5)));
    }

    static Negotiation expired() {
        return changed(changed(Negotiation.open(new NegotiationId("01JDNEG0000000000000000008"),
                NegotiationExamples.match(), Side.SHIPPER, SHIPPER_PARTY, terms(120_000), AutoAcceptPrices.NONE,
                NegotiationRules.DEFAULT.withMaxRounds(3), NOW)).expire(NOW.plus(Duration.ofHours(5))));
    }

    static Negotiation rejected() {
        return changed(changed(Negotiation.open(new NegotiationId("01JDNEG0000000000000000007"),
                NegotiationExamples.match(), Side.SHIPPER, SHIPPER_PARTY, terms(120_000), AutoAcceptPrices.NONE,
                NegotiationRules.DEFAULT, NOW)).reject(Side.CARRIER, CARRIER_PARTY, NOW.plusSeconds(30)));
    }

    static Negotiation withdrawn() {
        return changed(changed(Negotiation.open(new NegotiationId("01JDNEG0000000000000000006"),
                NegotiationExamples.match(), Side.SHIPPER, SHIPPER_PARTY, terms(120_000), AutoAcceptPrices.NONE,
                NegotiationRules.DEFAULT, NOW)).withdraw(Side.SHIPPER, SHIPPER_PARTY, NOW.plusSeconds(30)));
    }

    static Booking booked() {
        return changed(Booking.book(BOOKING_ID, agreed(), LaneExamples.load(), NOW.plusSeconds(120)));
    }

    static Booking pickedUp() {
        Booking booked = booked();
        return changed(booked.recordPickup(booked.carrier(), NOW.plusSeconds(3_600), LaneExamples.load(),
                NOW.plusSeconds(3_700)));
    }

    static Booking delivered() {
        Booking pickedUp = pickedUp();
        return changed(pickedUp.recordDelivery(pickedUp.carrier(), NOW.plusSeconds(7_200), 612.5,
                LaneExamples.load(), NOW.plusSeconds(7_300)));
    }

    static Booking cancelled() {
        return changed(changed(Booking.book(CANCELLED_BOOKING_ID, agreed(), LaneExamples.load(),
                NOW.plusSeconds(120))).cancel(LaneExamples.SHIPPER, "plant closed", NOW.plusSeconds(200)));
    }

    /** The lanes of the negotiations' match, as booking reads them. */
    static PostedLane.Capacity capacityLane() {
        return new PostedLane.Capacity(LaneExamples.capacity(), NOW, NOW);
    }

    static PostedLane.Load loadLane() {
        return new PostedLane.Load(LaneExamples.load(), NOW, NOW);
    }
}
