package com.backhaulexchange.function.negotiationbooking;

import com.backhaulexchange.adapter.json.MoneyView;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.backhaulexchange.deal.booking.Booking;
import com.backhaulexchange.deal.booking.BookingEvent;
import com.backhaulexchange.deal.booking.BookingId;
import com.backhaulexchange.deal.booking.RateConfirmation;
import com.backhaulexchange.deal.negotiation.AccessorialTerms;
import com.backhaulexchange.deal.negotiation.Actor;
import com.backhaulexchange.deal.negotiation.Delegation;
import com.backhaulexchange.deal.negotiation.Negotiation;
import com.backhaulexchange.deal.negotiation.NegotiationEvent;
import com.backhaulexchange.deal.negotiation.NegotiationStatus;
import com.backhaulexchange.deal.negotiation.Offer;
import com.backhaulexchange.deal.negotiation.OfferView;
import com.backhaulexchange.deal.negotiation.Side;
import com.backhaulexchange.deal.negotiation.SurplusSplit;
import com.backhaulexchange.kernel.geo.Place;
import com.backhaulexchange.kernel.money.Money;
import com.backhaulexchange.kernel.pagination.Page;
import com.backhaulexchange.lane.TimeWindow;
import com.backhaulexchange.partner.PartnerId;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The JSON of negotiations and bookings as one side sees them, as records Jackson writes in declaration order
 * (null components are left out). Each offer shows the split of the market-estimated surplus (public to both)
 * and, under {@code yourView}, what it means against the caller's side's own private limits only (ADR 14): the
 * carrier's and the shipper's view are different types, so neither can carry the other's figures.
 */
final class DealViews {

    record AccessorialsView(int detentionFreeHours, MoneyView detentionRatePerHour, MoneyView tonuFee,
            int tonuCancellationWindowHours) {
        static AccessorialsView of(AccessorialTerms terms) {
            return new AccessorialsView(terms.detentionFreeHours(), MoneyView.of(terms.detentionRatePerHour()),
                    MoneyView.of(terms.tonuFee()), terms.tonuCancellationWindowHours());
        }
    }

    record SplitView(MoneyView surplus, MoneyView carrierShare, MoneyView shipperShare, MoneyView ratePerLoadedMile) {
        static SplitView of(SurplusSplit split) {
            return new SplitView(MoneyView.of(split.surplus()), MoneyView.of(split.carrierShare()),
                    MoneyView.of(split.shipperShare()), MoneyView.of(split.ratePerLoadedMile()));
        }
    }

    /** What an offer means against the caller's own limits: one type per side. */
    sealed interface YourView permits CarrierView, ShipperView {
    }

    record CarrierView(MoneyView ownMargin, MoneyView minimumRatePerLoadedMile, Boolean meetsMinimumRate,
            Boolean meetsAutoAcceptPrice) implements YourView {
    }

    record ShipperView(MoneyView budget, MoneyView savingAgainstBudget, Boolean withinBudget,
            Boolean meetsAutoAcceptPrice) implements YourView {
    }

    record OfferLine(int round, String offeredBy, MoneyView amount, AccessorialsView accessorials, String offeredAt,
            String expiresAt, boolean expired, String note, SplitView marketSplit, YourView yourView) {
    }

    record MarketView(MoneyView shipperPrice, MoneyView carrierIncrementalCost, double loadedMiles,
            double outOfRouteMiles) {
    }

    record CurrentOffer(int round, String offeredBy, MoneyView amount, String expiresAt) {
    }

    /**
     * A listing row: what the negotiation is, where its load goes, where it stands and, once agreed, the booking it
     * made (ADR 40); no figures from either side's limits.
     */
    record NegotiationSummary(String negotiationId, String matchId, String capacityLaneId, String loadLaneId,
            String origin, String destination, String carrierPartnerId, String shipperPartnerId, String yourSide,
            String status, String turn, int roundsUsed, CurrentOffer currentOffer, String updatedAt,
            String bookingId) {
    }

    /** A negotiation read whole: its listing row, then its terms and the offers as the caller's side sees them. */
    record NegotiationDetail(@JsonUnwrapped NegotiationSummary summary, int roundsLimit, String offerDeadline,
            MarketView market, List<OfferLine> offers) {
    }

    record PageView<T>(List<T> items, String nextCursor) {
    }

    record HistoryEntry(long sequence, String at, String actor, String side, String actingPartnerId, String event,
            Integer round, MoneyView amount, String expiresAt, String byNegotiationId) {
    }

    record HistoryView(String negotiationId, List<HistoryEntry> items) {
    }

    record DelegationView(String principalPartnerId, String brokerPartnerId, String scope, String grantedAt,
            String revokedAt, boolean active) {
    }

    record DelegationsView(List<DelegationView> granted, List<DelegationView> held) {
    }

    record AutoAcceptPriceView(String laneId, MoneyView amount) {
    }

    record PickupView(String actualTime, String recordedAt) {
    }

    record DeliveryView(String actualTime, Double actualMiles, String recordedAt) {
    }

    record CancellationView(String cancelledByPartnerId, String atFault, String reason, String recordedAt,
            MoneyView tonuFee) {
    }

    record BookingHistoryEntry(long sequence, String recordedAt, String event) {
    }

    record BookingView(String bookingId, String negotiationId, String matchId, String capacityLaneId,
            String loadLaneId, String carrierPartnerId, String shipperPartnerId, String status, MoneyView agreedAmount,
            AccessorialsView accessorials, String pickupWindowOpensAt, PickupView pickup, DeliveryView delivery,
            CancellationView cancellation, List<BookingHistoryEntry> history) {
    }

    record ContactView(String name, String email, String phone) {
    }

    record PartyView(String legalName, String dotNumber, String mcNumber, ContactView contact) {
    }

    record PlaceView(double latitude, double longitude, String label) {
    }

    record WindowView(String opensAt, String closesAt, String timeZone) {
    }

    record StopView(PlaceView place, WindowView window) {
    }

    record CancellationTermsView(MoneyView truckOrderedNotUsedFee, int windowHours) {
    }

    record PaymentTermsView(int netDays) {
    }

    record RateConfirmationView(String reference, String issuedAt, PartyView carrier, PartyView shipper,
            StopView pickup, StopView delivery, String equipment, String commodity, int weightLbs, int pallets,
            MoneyView allInRate, AccessorialsView accessorials, CancellationTermsView cancellationTerms,
            PaymentTermsView paymentTerms) {
    }

    NegotiationDetail negotiation(NegotiationService.SideView view, Instant now) {
        Negotiation negotiation = view.negotiation();
        var market = negotiation.market();
        List<? extends OfferView> offerViews = view.side() == Side.CARRIER
                ? OfferView.forCarrier(negotiation, view.carrierLimits(), now)
                : OfferView.forShipper(negotiation, view.shipperLimits(), now);
        return new NegotiationDetail(summary(negotiation, view.side(), now, view.bookingId(), view.places()),
                negotiation.rules().maxRounds(), negotiation.offerDeadline().toString(),
                new MarketView(MoneyView.of(market.marketShipperPrice()), MoneyView.of(market.marketIncrementalCost()),
                        tenths(market.loadedMiles()), tenths(market.outOfRouteMiles())),
                offerViews.stream().map(DealViews::offer).toList());
    }

    private static OfferLine offer(OfferView offerView) {
        var terms = offerView.terms();
        YourView own = switch (offerView) {
            case OfferView.ForCarrier carrier -> new CarrierView(MoneyView.of(carrier.ownMargin()),
                    MoneyView.of(carrier.minimumRatePerLoadedMile()), carrier.meetsMinimumRate(), carrier.meetsAutoAccept());
            case OfferView.ForShipper shipper -> new ShipperView(MoneyView.of(shipper.budget()),
                    MoneyView.of(shipper.savingAgainstBudget()), shipper.withinBudget(), shipper.meetsAutoAccept());
        };
        return new OfferLine(terms.round(), terms.author().name(), MoneyView.of(terms.amount()),
                AccessorialsView.of(terms.accessorials()), terms.offeredAt().toString(), terms.expiresAt().toString(),
                terms.expired(), terms.note(), SplitView.of(offerView.marketSplit()), own);
    }

    private static NegotiationSummary summary(Negotiation negotiation, Side side, Instant now, BookingId bookingId,
            NegotiationService.Places places) {
        NegotiationStatus status = negotiation.effectiveStatus(now);
        Offer current = negotiation.currentOffer();
        return new NegotiationSummary(negotiation.id().value(), negotiation.matchId().value(),
                negotiation.capacityLaneId().value(), negotiation.loadLaneId().value(), places.origin(),
                places.destination(), negotiation.carrier().value(), negotiation.shipper().value(), side.name(),
                status.name(), status == NegotiationStatus.OPEN ? negotiation.turn().name() : null, current.round(),
                new CurrentOffer(current.round(), current.author().name(), MoneyView.of(current.amount()),
                        current.expiresAt().toString()),
                negotiation.history().getLast().at().toString(), bookingId == null ? null : bookingId.value());
    }

    PageView<NegotiationSummary> negotiationPage(Page<NegotiationService.Row> page, PartnerId party, Instant now) {
        return new PageView<>(page.items().stream()
                .map(row -> summary(row.negotiation(), row.negotiation().carrier().equals(party) ? Side.CARRIER
                        : Side.SHIPPER, now, row.bookingId(), row.places()))
                .toList(), page.nextCursor());
    }

    HistoryView history(Negotiation negotiation) {
        return new HistoryView(negotiation.id().value(), negotiation.history().stream().map(DealViews::entry).toList());
    }

    private static HistoryEntry entry(NegotiationEvent event) {
        String actor;
        String side = null;
        String acting = null;
        switch (event.actor()) {
            case Actor.Party party -> {
                actor = "PARTY";
                side = party.side().name();
                acting = party.partner().value();
            }
            case Actor.Exchange exchange -> actor = "EXCHANGE";
        }
        String at = event.at().toString();
        return switch (event) {
            case NegotiationEvent.OfferMade made -> new HistoryEntry(event.sequence(), at, actor, side, acting,
                    made.offer().round() == 1 ? "OPENED" : "COUNTERED", made.offer().round(),
                    MoneyView.of(made.offer().amount()), made.offer().expiresAt().toString(), null);
            case NegotiationEvent.OfferAccepted accepted -> new HistoryEntry(event.sequence(), at, actor, side, acting,
                    "ACCEPTED", accepted.round(), null, null, null);
            // The exchange accepts on behalf of a side: the entry names that side.
            case NegotiationEvent.OfferAutoAccepted accepted -> new HistoryEntry(event.sequence(), at, actor,
                    accepted.onBehalfOf().name(), acting, "AUTO_ACCEPTED", accepted.round(), null, null, null);
            case NegotiationEvent.OfferRejected rejected -> new HistoryEntry(event.sequence(), at, actor, side, acting,
                    "REJECTED", rejected.round(), null, null, null);
            case NegotiationEvent.OfferWithdrawn withdrawn -> new HistoryEntry(event.sequence(), at, actor, side,
                    acting, "WITHDRAWN", withdrawn.round(), null, null, null);
            case NegotiationEvent.OfferExpired expired -> new HistoryEntry(event.sequence(), at, actor, side, acting,
                    "EXPIRED", expired.round(), null, null, null);
            case NegotiationEvent.Superseded superseded -> new HistoryEntry(event.sequence(), at, actor, side, acting,
                    "SUPERSEDED", null, null, null, superseded.winner().value());
        };
    }

    DelegationsView delegations(List<Delegation> granted, List<Delegation> held, Instant now) {
        return new DelegationsView(granted.stream().map(delegation -> delegation(delegation, now)).toList(),
                held.stream().map(delegation -> delegation(delegation, now)).toList());
    }

    DelegationView delegation(Delegation delegation, Instant now) {
        return new DelegationView(delegation.principal().value(), delegation.broker().value(),
                delegation.scope().name(), delegation.grantedAt().toString(),
                delegation.revokedAt() == null ? null : delegation.revokedAt().toString(), delegation.isActiveAt(now));
    }

    AutoAcceptPriceView autoAcceptPrice(String laneId, Money price) {
        return new AutoAcceptPriceView(laneId, MoneyView.of(price));
    }

    BookingView booking(Booking booking) {
        var pickup = booking.pickup();
        var delivery = booking.delivery();
        BookingEvent.Cancelled cancelled = booking.cancellation();
        return new BookingView(booking.id().value(), booking.negotiationId().value(), booking.matchId().value(),
                booking.capacityLaneId().value(), booking.loadLaneId().value(), booking.carrier().value(),
                booking.shipper().value(), booking.status().name(), MoneyView.of(booking.agreedAmount()),
                AccessorialsView.of(booking.accessorials()), booking.pickupWindowOpensAt().toString(),
                pickup == null ? null : new PickupView(pickup.actualTime().toString(), pickup.recordedAt().toString()),
                delivery == null ? null : new DeliveryView(delivery.actualTime().toString(), delivery.actualMiles(),
                        delivery.recordedAt().toString()),
                cancelled == null ? null : new CancellationView(cancelled.cancelledBy().value(), cancelled.atFault().name(),
                        cancelled.reason(), cancelled.recordedAt().toString(), MoneyView.of(cancelled.tonuFee())),
                booking.history().stream().map(event -> new BookingHistoryEntry(event.sequence(),
                        event.recordedAt().toString(), switch (event) {
                            case BookingEvent.Booked booked -> "BOOKED";
                            case BookingEvent.PickedUp pickedUp -> "PICKED_UP";
                            case BookingEvent.Delivered delivered -> "DELIVERED";
                            case BookingEvent.Cancelled cancellation -> "CANCELLED";
                        })).toList());
    }

    PageView<BookingView> bookingPage(Page<Booking> page) {
        return new PageView<>(page.items().stream().map(this::booking).toList(), page.nextCursor());
    }

    RateConfirmationView rateConfirmation(RateConfirmation confirmation) {
        return new RateConfirmationView(confirmation.reference().value(), confirmation.issuedAt().toString(),
                party(confirmation.carrier()), party(confirmation.shipper()), stop(confirmation.pickup()),
                stop(confirmation.delivery()), confirmation.equipment().name(), confirmation.commodity(),
                confirmation.weightLbs(), confirmation.pallets(), MoneyView.of(confirmation.allInRate()),
                AccessorialsView.of(confirmation.accessorials()),
                new CancellationTermsView(MoneyView.of(confirmation.cancellation().tonuFee()),
                        confirmation.cancellation().windowHours()),
                new PaymentTermsView(confirmation.paymentTerms().netDays()));
    }

    private static PartyView party(RateConfirmation.Party party) {
        return new PartyView(party.legalName(), party.dotNumber(), party.mcNumber(),
                new ContactView(party.contact().name(), party.contact().email(), party.contact().phone()));
    }

    private static StopView stop(RateConfirmation.Stop stop) {
        Place place = stop.place();
        TimeWindow window = stop.window();
        return new StopView(
                new PlaceView(place.coordinates().latitudeDegrees(), place.coordinates().longitudeDegrees(), place.label()),
                new WindowView(localTime(window, window.opensAt()), localTime(window, window.closesAt()),
                        window.zone().getId()));
    }

    /** RFC 3339 in the window's own offset, seconds always written (OffsetDateTime.toString drops ":00"). */
    private static String localTime(TimeWindow window, Instant instant) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atZone(window.zone()).toOffsetDateTime());
    }

    private static double tenths(double miles) {
        return Math.round(miles * 10) / 10.0;
    }
}
