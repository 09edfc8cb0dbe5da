package com.backhaulexchange.function.negotiationbooking;

import com.backhaulexchange.deal.booking.Booking;
import com.backhaulexchange.deal.booking.BookingEvent;
import com.backhaulexchange.deal.booking.RateConfirmation;
import com.backhaulexchange.kernel.geo.Place;
import com.backhaulexchange.lane.TimeWindow;
import com.backhaulexchange.kernel.money.Money;
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
import com.backhaulexchange.kernel.pagination.Page;
import com.backhaulexchange.partner.PartnerId;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;

/**
 * The JSON of negotiations and bookings as one side sees them. Each offer shows the split of the
 * market-estimated surplus (public to both) and, under {@code yourView}, what it means against the caller's
 * side's own private limits only (ADR 14).
 */
final class DealViews {
    private final ObjectMapper mapper;

    DealViews(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    ObjectNode negotiation(NegotiationService.SideView view, Instant now) {
        Negotiation negotiation = view.negotiation();
        ObjectNode json = summary(negotiation, view.side(), now);
        json.put("roundsLimit", negotiation.rules().maxRounds());
        json.put("offerDeadline", negotiation.offerDeadline().toString());
        if (view.bookingId() != null) {
            json.put("bookingId", view.bookingId().value());
        }
        ObjectNode market = json.putObject("market");
        market.set("shipperPrice", money(negotiation.market().marketShipperPrice()));
        market.set("carrierIncrementalCost", money(negotiation.market().marketIncrementalCost()));
        market.put("loadedMiles", tenths(negotiation.market().loadedMiles()));
        market.put("outOfRouteMiles", tenths(negotiation.market().outOfRouteMiles()));
        ArrayNode offers = json.putArray("offers");
        List<? extends OfferView> offerViews = view.side() == Side.CARRIER
                ? OfferView.forCarrier(negotiation, view.carrierLimits(), now)
                : OfferView.forShipper(negotiation, view.shipperLimits(), now);
        for (OfferView offerView : offerViews) {
            ObjectNode offer = offers.addObject();
            var terms = offerView.terms();
            offer.put("round", terms.round());
            offer.put("offeredBy", terms.author().name());
            offer.set("amount", money(terms.amount()));
            offer.set("accessorials", accessorials(terms.accessorials()));
            offer.put("offeredAt", terms.offeredAt().toString());
            offer.put("expiresAt", terms.expiresAt().toString());
            offer.put("expired", terms.expired());
            if (terms.note() != null) {
                offer.put("note", terms.note());
            }
            offer.set("marketSplit", split(offerView.marketSplit()));
            ObjectNode own = offer.putObject("yourView");
            switch (offerView) {
                case OfferView.ForCarrier carrier -> {
                    putMoney(own, "ownMargin", carrier.ownMargin());
                    putMoney(own, "minimumRatePerLoadedMile", carrier.minimumRatePerLoadedMile());
                    putBoolean(own, "meetsMinimumRate", carrier.meetsMinimumRate());
                    putBoolean(own, "meetsAutoAcceptPrice", carrier.meetsAutoAccept());
                }
                case OfferView.ForShipper shipper -> {
                    putMoney(own, "budget", shipper.budget());
                    putMoney(own, "savingAgainstBudget", shipper.savingAgainstBudget());
                    putBoolean(own, "withinBudget", shipper.withinBudget());
                    putBoolean(own, "meetsAutoAcceptPrice", shipper.meetsAutoAccept());
                }
            }
        }
        return json;
    }

    /** A listing row: what the negotiation is and where it stands, no figures from either side's limits. */
    private ObjectNode summary(Negotiation negotiation, Side side, Instant now) {
        ObjectNode json = mapper.createObjectNode();
        json.put("negotiationId", negotiation.id().value());
        json.put("matchId", negotiation.matchId().value());
        json.put("capacityLaneId", negotiation.capacityLaneId().value());
        json.put("loadLaneId", negotiation.loadLaneId().value());
        json.put("carrierPartnerId", negotiation.carrier().value());
        json.put("shipperPartnerId", negotiation.shipper().value());
        json.put("yourSide", side.name());
        NegotiationStatus status = negotiation.effectiveStatus(now);
        json.put("status", status.name());
        if (status == NegotiationStatus.OPEN) {
            json.put("turn", negotiation.turn().name());
        }
        json.put("roundsUsed", negotiation.currentOffer().round());
        Offer current = negotiation.currentOffer();
        ObjectNode offer = json.putObject("currentOffer");
        offer.put("round", current.round());
        offer.put("offeredBy", current.author().name());
        offer.set("amount", money(current.amount()));
        offer.put("expiresAt", current.expiresAt().toString());
        json.put("updatedAt", negotiation.history().getLast().at().toString());
        return json;
    }

    ObjectNode negotiationPage(Page<Negotiation> page, PartnerId party, Instant now) {
        ObjectNode json = mapper.createObjectNode();
        ArrayNode items = json.putArray("items");
        for (Negotiation negotiation : page.items()) {
            items.add(summary(negotiation, negotiation.carrier().equals(party) ? Side.CARRIER : Side.SHIPPER, now));
        }
        if (page.nextCursor() != null) {
            json.put("nextCursor", page.nextCursor());
        }
        return json;
    }

    ObjectNode history(Negotiation negotiation) {
        ObjectNode json = mapper.createObjectNode();
        json.put("negotiationId", negotiation.id().value());
        ArrayNode items = json.putArray("items");
        for (NegotiationEvent event : negotiation.history()) {
            ObjectNode item = items.addObject();
            item.put("sequence", event.sequence());
            item.put("at", event.at().toString());
            switch (event.actor()) {
                case Actor.Party party -> {
                    item.put("actor", "PARTY");
                    item.put("side", party.side().name());
                    item.put("actingPartnerId", party.partner().value());
                }
                case Actor.Exchange exchange -> item.put("actor", "EXCHANGE");
            }
            switch (event) {
                case NegotiationEvent.OfferMade made -> {
                    item.put("event", made.offer().round() == 1 ? "OPENED" : "COUNTERED");
                    item.put("round", made.offer().round());
                    item.set("amount", money(made.offer().amount()));
                    item.put("expiresAt", made.offer().expiresAt().toString());
                }
                case NegotiationEvent.OfferAccepted accepted -> {
                    item.put("event", "ACCEPTED");
                    item.put("round", accepted.round());
                }
                case NegotiationEvent.OfferAutoAccepted accepted -> {
                    item.put("event", "AUTO_ACCEPTED");
                    item.put("round", accepted.round());
                    item.put("side", accepted.onBehalfOf().name());
                }
                case NegotiationEvent.OfferRejected rejected -> {
                    item.put("event", "REJECTED");
                    item.put("round", rejected.round());
                }
                case NegotiationEvent.OfferWithdrawn withdrawn -> {
                    item.put("event", "WITHDRAWN");
                    item.put("round", withdrawn.round());
                }
                case NegotiationEvent.OfferExpired expired -> {
                    item.put("event", "EXPIRED");
                    item.put("round", expired.round());
                }
                case NegotiationEvent.Superseded superseded -> {
                    item.put("event", "SUPERSEDED");
                    item.put("byNegotiationId", superseded.winner().value());
                }
            }
        }
        return json;
    }

    ArrayNode delegations(List<Delegation> delegations, Instant now) {
        ArrayNode items = mapper.createArrayNode();
        delegations.forEach(delegation -> items.add(delegation(delegation, now)));
        return items;
    }

    ObjectNode delegation(Delegation delegation, Instant now) {
        ObjectNode json = mapper.createObjectNode();
        json.put("principalPartnerId", delegation.principal().value());
        json.put("brokerPartnerId", delegation.broker().value());
        json.put("scope", delegation.scope().name());
        json.put("grantedAt", delegation.grantedAt().toString());
        if (delegation.revokedAt() != null) {
            json.put("revokedAt", delegation.revokedAt().toString());
        }
        json.put("active", delegation.isActiveAt(now));
        return json;
    }

    ObjectNode autoAcceptPrice(String laneId, Money price) {
        ObjectNode json = mapper.createObjectNode();
        json.put("laneId", laneId);
        json.set("amount", money(price));
        return json;
    }

    ObjectNode booking(Booking booking) {
        ObjectNode json = mapper.createObjectNode();
        json.put("bookingId", booking.id().value());
        json.put("negotiationId", booking.negotiationId().value());
        json.put("matchId", booking.matchId().value());
        json.put("capacityLaneId", booking.capacityLaneId().value());
        json.put("loadLaneId", booking.loadLaneId().value());
        json.put("carrierPartnerId", booking.carrier().value());
        json.put("shipperPartnerId", booking.shipper().value());
        json.put("status", booking.status().name());
        json.set("agreedAmount", money(booking.agreedAmount()));
        json.set("accessorials", accessorials(booking.accessorials()));
        json.put("pickupWindowOpensAt", booking.pickupWindowOpensAt().toString());
        if (booking.pickup() != null) {
            ObjectNode pickup = json.putObject("pickup");
            pickup.put("actualTime", booking.pickup().actualTime().toString());
            pickup.put("recordedAt", booking.pickup().recordedAt().toString());
        }
        if (booking.delivery() != null) {
            ObjectNode delivery = json.putObject("delivery");
            delivery.put("actualTime", booking.delivery().actualTime().toString());
            if (booking.delivery().actualMiles() != null) {
                delivery.put("actualMiles", booking.delivery().actualMiles());
            }
            delivery.put("recordedAt", booking.delivery().recordedAt().toString());
        }
        if (booking.cancellation() != null) {
            BookingEvent.Cancelled cancelled = booking.cancellation();
            ObjectNode cancellation = json.putObject("cancellation");
            cancellation.put("cancelledByPartnerId", cancelled.cancelledBy().value());
            cancellation.put("atFault", cancelled.atFault().name());
            cancellation.put("reason", cancelled.reason());
            cancellation.put("recordedAt", cancelled.recordedAt().toString());
            putMoney(cancellation, "tonuFee", cancelled.tonuFee());
        }
        ArrayNode history = json.putArray("history");
        for (BookingEvent event : booking.history()) {
            ObjectNode item = history.addObject();
            item.put("sequence", event.sequence());
            item.put("recordedAt", event.recordedAt().toString());
            item.put("event", switch (event) {
                case BookingEvent.Booked booked -> "BOOKED";
                case BookingEvent.PickedUp pickedUp -> "PICKED_UP";
                case BookingEvent.Delivered delivered -> "DELIVERED";
                case BookingEvent.Cancelled cancelled -> "CANCELLED";
            });
        }
        return json;
    }

    ObjectNode bookingPage(Page<Booking> page) {
        ObjectNode json = mapper.createObjectNode();
        ArrayNode items = json.putArray("items");
        page.items().forEach(booking -> items.add(booking(booking)));
        if (page.nextCursor() != null) {
            json.put("nextCursor", page.nextCursor());
        }
        return json;
    }

    ObjectNode rateConfirmation(RateConfirmation confirmation) {
        ObjectNode json = mapper.createObjectNode();
        json.put("reference", confirmation.reference().value());
        json.put("issuedAt", confirmation.issuedAt().toString());
        json.set("carrier", party(confirmation.carrier()));
        json.set("shipper", party(confirmation.shipper()));
        json.set("pickup", stop(confirmation.pickup()));
        json.set("delivery", stop(confirmation.delivery()));
        json.put("equipment", confirmation.equipment().name());
        json.put("commodity", confirmation.commodity());
        json.put("weightLbs", confirmation.weightLbs());
        json.put("pallets", confirmation.pallets());
        json.set("allInRate", money(confirmation.allInRate()));
        json.set("accessorials", accessorials(confirmation.accessorials()));
        ObjectNode cancellation = json.putObject("cancellationTerms");
        cancellation.set("truckOrderedNotUsedFee", money(confirmation.cancellation().tonuFee()));
        cancellation.put("windowHours", confirmation.cancellation().windowHours());
        json.putObject("paymentTerms").put("netDays", confirmation.paymentTerms().netDays());
        return json;
    }

    private ObjectNode party(RateConfirmation.Party party) {
        ObjectNode json = mapper.createObjectNode();
        json.put("legalName", party.legalName());
        if (party.dotNumber() != null) {
            json.put("dotNumber", party.dotNumber());
        }
        if (party.mcNumber() != null) {
            json.put("mcNumber", party.mcNumber());
        }
        ObjectNode contact = json.putObject("contact");
        contact.put("name", party.contact().name());
        contact.put("email", party.contact().email());
        if (party.contact().phone() != null) {
            contact.put("phone", party.contact().phone());
        }
        return json;
    }

    private ObjectNode stop(RateConfirmation.Stop stop) {
        ObjectNode json = mapper.createObjectNode();
        json.set("place", place(stop.place()));
        TimeWindow window = stop.window();
        ObjectNode windowJson = json.putObject("window");
        windowJson.put("opensAt", window.opensAt().atZone(window.zone()).toOffsetDateTime().toString());
        windowJson.put("closesAt", window.closesAt().atZone(window.zone()).toOffsetDateTime().toString());
        windowJson.put("timeZone", window.zone().getId());
        return json;
    }

    private ObjectNode place(Place place) {
        ObjectNode json = mapper.createObjectNode();
        json.put("latitude", place.coordinates().latitudeDegrees());
        json.put("longitude", place.coordinates().longitudeDegrees());
        if (place.label() != null) {
            json.put("label", place.label());
        }
        return json;
    }

    private ObjectNode split(SurplusSplit split) {
        ObjectNode json = mapper.createObjectNode();
        json.set("surplus", money(split.surplus()));
        json.set("carrierShare", money(split.carrierShare()));
        json.set("shipperShare", money(split.shipperShare()));
        putMoney(json, "ratePerLoadedMile", split.ratePerLoadedMile());
        return json;
    }

    private ObjectNode accessorials(AccessorialTerms terms) {
        ObjectNode json = mapper.createObjectNode();
        json.put("detentionFreeHours", terms.detentionFreeHours());
        json.set("detentionRatePerHour", money(terms.detentionRatePerHour()));
        json.set("tonuFee", money(terms.tonuFee()));
        json.put("tonuCancellationWindowHours", terms.tonuCancellationWindowHours());
        return json;
    }

    private ObjectNode money(Money money) {
        ObjectNode json = mapper.createObjectNode();
        json.put("amountMinorUnits", money.amountMinorUnits());
        json.put("currency", money.currency().getCurrencyCode());
        return json;
    }

    private void putMoney(ObjectNode json, String field, Money money) {
        if (money != null) {
            json.set(field, money(money));
        }
    }

    private static void putBoolean(ObjectNode json, String field, Boolean value) {
        if (value != null) {
            json.put(field, value);
        }
    }

    private static double tenths(double miles) {
        return Math.round(miles * 10) / 10.0;
    }
}
