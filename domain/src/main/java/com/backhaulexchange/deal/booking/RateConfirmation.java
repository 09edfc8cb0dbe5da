package com.backhaulexchange.deal.booking;

import com.backhaulexchange.kernel.equipment.EquipmentType;
import com.backhaulexchange.kernel.geo.Place;
import com.backhaulexchange.lane.CapacityLane;
import com.backhaulexchange.lane.LoadLane;
import com.backhaulexchange.lane.TimeWindow;
import com.backhaulexchange.kernel.money.Money;
import com.backhaulexchange.deal.negotiation.AccessorialTerms;
import com.backhaulexchange.partner.Contact;
import com.backhaulexchange.partner.Partner;
import java.time.Instant;
import java.util.Objects;

/**
 * The rate confirmation of a booking, the per-load document carrier and shipper work from (docs/reference/freight-conventions.md):
 * reference, parties with their DOT/MC numbers, pickup and delivery places and windows, equipment, commodity,
 * weight and pallets, the all-in rate (linehaul with fuel: negotiations are all-in), accessorials, the
 * cancellation (TONU) terms and payment terms. Pieces are not known to the exchange (a load lane has
 * pallets, not pieces) and are left out.
 */
public record RateConfirmation(
        BookingId reference,
        Instant issuedAt,
        Party carrier,
        Party shipper,
        Stop pickup,
        Stop delivery,
        EquipmentType equipment,
        String commodity,
        int weightLbs,
        int pallets,
        Money allInRate,
        AccessorialTerms accessorials,
        CancellationTerms cancellation,
        PaymentTerms paymentTerms) {

    public RateConfirmation {
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(carrier, "carrier");
        Objects.requireNonNull(shipper, "shipper");
        Objects.requireNonNull(pickup, "pickup");
        Objects.requireNonNull(delivery, "delivery");
        Objects.requireNonNull(allInRate, "allInRate");
        Objects.requireNonNull(paymentTerms, "paymentTerms");
    }

    /** A party as the document names it; DOT and MC numbers are null when the partner has none. */
    public record Party(String legalName, String dotNumber, String mcNumber, Contact contact) {
        static Party of(Partner partner) {
            var profile = partner.profile();
            return new Party(profile.legalName(), profile.dotNumber(), profile.mcNumber(), profile.contact());
        }
    }

    public record Stop(Place place, TimeWindow window) {
    }

    /** The shipper owes {@code tonuFee} when it cancels less than {@code windowHours} before pickup. */
    public record CancellationTerms(Money tonuFee, int windowHours) {
    }

    /** Paid within {@code netDays} of delivery and paperwork (invoice, signed proof of delivery). */
    public record PaymentTerms(int netDays) {
        /** Net 30: the usual US freight payment term. */
        public static final PaymentTerms NET_30 = new PaymentTerms(30);

        public PaymentTerms {
            if (netDays < 0 || netDays > 120) {
                throw new IllegalArgumentException("net days within [0, 120], was " + netDays);
            }
        }
    }

    public static RateConfirmation of(Booking booking, CapacityLane capacity, LoadLane load, Partner carrier,
            Partner shipper, PaymentTerms paymentTerms, Instant issuedAt) {
        if (!capacity.id().equals(booking.capacityLaneId()) || !load.id().equals(booking.loadLaneId())) {
            throw new IllegalArgumentException("the lanes are not the booking's");
        }
        if (!carrier.id().equals(booking.carrier()) || !shipper.id().equals(booking.shipper())) {
            throw new IllegalArgumentException("the partners are not the booking's");
        }
        var accessorials = booking.accessorials();
        return new RateConfirmation(booking.id(), issuedAt, Party.of(carrier), Party.of(shipper),
                new Stop(load.origin(), load.pickupWindow()), new Stop(load.destination(), load.deliveryWindow()),
                load.equipment(), load.commodity(), load.weightLbs(), load.pallets(), booking.agreedAmount(),
                accessorials, new CancellationTerms(accessorials.tonuFee(), accessorials.tonuCancellationWindowHours()),
                paymentTerms);
    }
}
