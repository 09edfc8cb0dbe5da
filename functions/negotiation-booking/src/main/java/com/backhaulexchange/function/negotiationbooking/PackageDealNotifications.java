package com.backhaulexchange.function.negotiationbooking;

import com.backhaulexchange.adapter.json.MoneyView;
import com.backhaulexchange.deal.negotiation.Offer;
import com.backhaulexchange.deal.negotiation.Side;
import com.backhaulexchange.deal.packagedeal.PackageDeal;
import com.backhaulexchange.deal.packagedeal.PackageDealEvent;
import com.backhaulexchange.deal.packagedeal.PackageLeg;
import com.backhaulexchange.kernel.id.Ulid;
import com.backhaulexchange.notification.Notification;
import com.backhaulexchange.notification.NotificationType;
import com.backhaulexchange.partner.PartnerId;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Who hears about a package deal's events (ADR 32). An offer on a load goes to the other side of that load; an
 * acceptance to the offer's author; the booking and the failure to the carrier and every shipper. A shipper's
 * payload names only its own load (its index in the chain and how many loads there are, never another load, its
 * shipper or its price); a failure tells a shipper the cause and whether it was its own load.
 */
final class PackageDealNotifications {
    private static final ObjectMapper JSON = new ObjectMapper();

    private PackageDealNotifications() {
    }

    /** The webhook's {@code data}: one load's part of a package deal, or the package's end. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record PackageDealPayload(String dealId, String status, int loadsInPackage, Integer legIndex, String loadLaneId,
            Integer round, String offeredBy, MoneyView amount, String expiresAt, String failureCause,
            Integer failedLegIndex, Boolean failedOnYourLoad) {
    }

    static List<Notification> of(PackageDeal deal, List<PackageDealEvent> events, Ulid ids, Instant now) {
        List<Notification> notifications = new ArrayList<>();
        for (PackageDealEvent event : events) {
            switch (event) {
                case PackageDealEvent.LegOffered offered -> {
                    PackageLeg leg = deal.legs().get(offered.legIndex());
                    Offer offer = offered.offer();
                    var type = offer.round() == 1 ? NotificationType.PACKAGE_OFFER_RECEIVED
                            : NotificationType.PACKAGE_OFFER_COUNTERED;
                    PartnerId recipient = offer.author() == Side.CARRIER ? leg.shipper() : deal.carrier();
                    notifications.add(notification(type, recipient, offerPayload(deal, leg, offer), ids, now));
                }
                case PackageDealEvent.LegAccepted accepted -> {
                    PackageLeg leg = deal.legs().get(accepted.legIndex());
                    Offer offer = leg.offers().get(accepted.round() - 1);
                    PartnerId recipient = offer.author() == Side.CARRIER ? deal.carrier() : leg.shipper();
                    notifications.add(notification(NotificationType.PACKAGE_LEG_ACCEPTED, recipient,
                            offerPayload(deal, leg, offer), ids, now));
                }
                case PackageDealEvent.PackageBooked booked -> {
                    notifications.add(notification(NotificationType.PACKAGE_BOOKED, deal.carrier(),
                            endPayload(deal, null, null, null, null), ids, now));
                    for (PartnerId shipper : shippers(deal)) {
                        for (int index : deal.legsOf(shipper)) {
                            PackageLeg leg = deal.legs().get(index);
                            notifications.add(notification(NotificationType.PACKAGE_BOOKED, shipper,
                                    endPayload(deal, leg, null, null, null), ids, now));
                        }
                    }
                }
                case PackageDealEvent.PackageFailed failed -> {
                    String cause = failed.cause().name();
                    notifications.add(notification(NotificationType.PACKAGE_FAILED, deal.carrier(),
                            endPayload(deal, null, cause, failed.legIndex(), null), ids, now));
                    for (PartnerId shipper : shippers(deal)) {
                        for (int index : deal.legsOf(shipper)) {
                            PackageLeg leg = deal.legs().get(index);
                            notifications.add(notification(NotificationType.PACKAGE_FAILED, shipper,
                                    endPayload(deal, leg, cause, null,
                                            Integer.valueOf(index).equals(failed.legIndex())), ids, now));
                        }
                    }
                }
            }
        }
        return notifications;
    }

    private static List<PartnerId> shippers(PackageDeal deal) {
        return List.copyOf(new LinkedHashSet<>(deal.shippers()));
    }

    private static PackageDealPayload offerPayload(PackageDeal deal, PackageLeg leg, Offer offer) {
        return new PackageDealPayload(deal.id().value(), deal.status().name(), deal.legs().size(), leg.index(),
                leg.loadLaneId().value(), offer.round(), offer.author().name(), MoneyView.of(offer.amount()),
                offer.expiresAt().toString(), null, null, null);
    }

    /** {@code leg} null: the carrier's copy, which may name the failing leg; a shipper's names its own load only. */
    private static PackageDealPayload endPayload(PackageDeal deal, PackageLeg leg, String cause, Integer failedLeg,
            Boolean onYourLoad) {
        return new PackageDealPayload(deal.id().value(), deal.status().name(), deal.legs().size(),
                leg == null ? null : leg.index(), leg == null ? null : leg.loadLaneId().value(), null, null, null,
                null, cause, leg == null ? failedLeg : null, onYourLoad);
    }

    private static Notification notification(NotificationType type, PartnerId recipient, PackageDealPayload data,
            Ulid ids, Instant now) {
        try {
            return new Notification(ids.next(), type, recipient, now, JSON.writeValueAsString(data));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a notification payload always serialises", e);
        }
    }
}
