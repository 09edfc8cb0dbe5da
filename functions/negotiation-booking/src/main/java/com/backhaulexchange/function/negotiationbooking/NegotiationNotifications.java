package com.backhaulexchange.function.negotiationbooking;

import com.backhaulexchange.adapter.json.MoneyView;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.backhaulexchange.kernel.id.Ulid;
import com.backhaulexchange.deal.negotiation.Negotiation;
import com.backhaulexchange.deal.negotiation.NegotiationEvent;
import com.backhaulexchange.deal.negotiation.Offer;
import com.backhaulexchange.deal.negotiation.Side;
import com.backhaulexchange.notification.Notification;
import com.backhaulexchange.notification.NotificationType;
import com.backhaulexchange.partner.PartnerId;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Who hears about a negotiation's events: the side an offer is made to, the author of an offer that was
 * accepted, rejected or expired. The payload names the negotiation, the round and the offer's public terms
 * (never a party's private limit).
 */
final class NegotiationNotifications {
    private static final ObjectMapper JSON = new ObjectMapper();

    private NegotiationNotifications() {
    }

    static List<Notification> of(Negotiation negotiation, List<NegotiationEvent> events, Ulid ids, Instant now) {
        List<Notification> notifications = new ArrayList<>();
        for (NegotiationEvent event : events) {
            switch (event) {
                case NegotiationEvent.OfferMade made -> notifications.add(notification(negotiation,
                        made.offer().round() == 1 ? NotificationType.OFFER_RECEIVED : NotificationType.OFFER_COUNTERED,
                        negotiation.party(made.offer().author().other()), made.offer(), ids, now));
                case NegotiationEvent.OfferAccepted accepted -> notifications.add(notification(negotiation,
                        NotificationType.OFFER_ACCEPTED, authorOf(negotiation, accepted.round()),
                        offer(negotiation, accepted.round()), ids, now));
                case NegotiationEvent.OfferAutoAccepted accepted -> notifications.add(notification(negotiation,
                        NotificationType.OFFER_ACCEPTED, authorOf(negotiation, accepted.round()),
                        offer(negotiation, accepted.round()), ids, now));
                case NegotiationEvent.OfferRejected rejected -> notifications.add(notification(negotiation,
                        NotificationType.OFFER_REJECTED, authorOf(negotiation, rejected.round()),
                        offer(negotiation, rejected.round()), ids, now));
                case NegotiationEvent.OfferWithdrawn withdrawn -> notifications.add(notification(negotiation,
                        NotificationType.OFFER_WITHDRAWN,
                        negotiation.party(offer(negotiation, withdrawn.round()).author().other()),
                        offer(negotiation, withdrawn.round()), ids, now));
                case NegotiationEvent.OfferExpired expired -> {
                    for (Side side : Side.values()) {
                        notifications.add(notification(negotiation, NotificationType.OFFER_EXPIRED,
                                negotiation.party(side), offer(negotiation, expired.round()), ids, now));
                    }
                }
                case NegotiationEvent.Superseded superseded -> {
                    // The booking that superseded it is notified as BOOKING_CONFIRMED to its own parties.
                }
            }
        }
        return notifications;
    }

    private static Offer offer(Negotiation negotiation, int round) {
        return negotiation.offers().get(round - 1);
    }

    private static PartnerId authorOf(Negotiation negotiation, int round) {
        return negotiation.party(offer(negotiation, round).author());
    }

    private static Notification notification(Negotiation negotiation, NotificationType type, PartnerId recipient,
            Offer offer, Ulid ids, Instant now) {
        var data = new OfferPayload(negotiation.id().value(), negotiation.matchId().value(), negotiation.status().name(),
                offer.round(), offer.author().name(), MoneyView.of(offer.amount()),
                offer.expiresAt().toString());
        return new Notification(ids.next(), type, recipient, now, json(data));
    }

    /** The data of an offer notification (the webhook's {@code data}). */
    record OfferPayload(String negotiationId, String matchId, String status, int round, String offeredBy,
            MoneyView amount, String expiresAt) {
    }

    private static String json(Object payload) {
        try {
            return JSON.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a notification payload always serialises", e);
        }
    }
}
