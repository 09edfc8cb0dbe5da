package com.backhaulexchange.notification;

/** What a notification tells its recipient; the {@code type} of the webhook body and its BHX-Event-Type header. */
public enum NotificationType {
    MATCH_FOUND,
    /** A new reload package for a carrier's truck (ADR 25); to the carrier only. */
    PACKAGE_FOUND,
    OFFER_RECEIVED,
    OFFER_COUNTERED,
    OFFER_ACCEPTED,
    OFFER_REJECTED,
    OFFER_WITHDRAWN,
    OFFER_EXPIRED,
    BOOKING_CONFIRMED,
    BOOKING_PICKED_UP,
    BOOKING_DELIVERED,
    BOOKING_CANCELLED,
    /** Tracking (ADR 30): the truck arrived at a stop of the booking. */
    SHIPMENT_ARRIVED,
    /** Tracking: the truck left a stop. */
    SHIPMENT_DEPARTED,
    /** Tracking: the ETA at the next stop was first given or moved by more than the threshold. */
    ETA_CHANGED,
    /** Tracking: the ETA at a stop falls after its window closes. */
    SHIPMENT_DELAYED,
    /** Tracking (ADR 38): the proof of delivery was uploaded and verified in storage; once a booking. */
    PROOF_OF_DELIVERY,
    /** Detention (ADR 38): the truck left a stop after its free time; the charge as computed, to both parties. */
    DETENTION_COMPUTED,
    /** The carrier claimed a stop's detention; to both parties. */
    DETENTION_CLAIMED,
    /** The shipper confirmed a claimed detention (it will be settled); to both parties. */
    DETENTION_CONFIRMED,
    /** The shipper disputed a claimed detention, with its reason; to both parties. */
    DETENTION_DISPUTED,
    /** Package deals (ADR 32): a carrier's conditional offer on a shipper's load of a package; to that shipper. */
    PACKAGE_OFFER_RECEIVED,
    /** A counter-offer on one load of a package; to the other side of that load only. */
    PACKAGE_OFFER_COUNTERED,
    /** One load's offer was accepted (binding only if the whole package books); to the offer's author. */
    PACKAGE_LEG_ACCEPTED,
    /** Every shipper accepted: the package booked, one booking per load; to the carrier and every shipper. */
    PACKAGE_BOOKED,
    /** The package will not book (declined, withdrawn, lapsed, superseded); to the carrier and every shipper. */
    PACKAGE_FAILED,
    /** Compliance (ADR 37): the carrier's insurance certificate expires within 30 (then 7) days; to the carrier. */
    COMPLIANCE_EXPIRING,
    /** A ping a partner asks for (POST /partners/me/webhooks/{id}/test); delivered to that one webhook only. */
    WEBHOOK_TEST;

    /** Whether a subscription may name this type: the test ping is not subscribed to, it is asked for. */
    public boolean isSubscribable() {
        return this != WEBHOOK_TEST;
    }
}
