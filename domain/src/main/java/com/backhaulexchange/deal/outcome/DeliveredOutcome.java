package com.backhaulexchange.deal.outcome;

import com.backhaulexchange.deal.booking.Booking;
import com.backhaulexchange.deal.booking.BookingStatus;
import com.backhaulexchange.deal.packagedeal.BookedPackageLeg;
import com.backhaulexchange.emissions.Co2eAvoided;
import com.backhaulexchange.kernel.money.Money;
import com.backhaulexchange.matching.MatchEconomics;
import com.backhaulexchange.matching.MatchExplanation;
import com.backhaulexchange.matching.chain.ChainEconomics;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a delivered booking achieved, for each party, from the records settlement reads: the booking (agreed
 * amount, the delivery's time and actual loaded miles) and its match's explanation (deadhead, baseline, the
 * parties' private prices, CO₂e avoided with its method). Counted on the UTC day of the actual delivery, and
 * for both parties under the booked load's lane pair (ADR 45).
 */
public record DeliveredOutcome(LedgerEntry carrier, LedgerEntry shipper, LanePair lanePair) {

    public DeliveredOutcome {
        Objects.requireNonNull(carrier, "carrier");
        Objects.requireNonNull(shipper, "shipper");
        Objects.requireNonNull(lanePair, "lanePair");
        if (!carrier.day().equals(shipper.day())) {
            throw new IllegalArgumentException("the carrier's and the shipper's entries are of different days");
        }
    }

    /**
     * Loaded miles are the delivery's actual miles when the carrier gave them, else the match's planned ones;
     * the empty miles are the match's plan (the exchange does not learn the actual empty run).
     */
    public static DeliveredOutcome of(Booking booking, MatchExplanation explanation, LanePair lanePair) {
        double empty = explanation.originDeadheadMiles() + explanation.destinationDeadheadMiles();
        MatchEconomics economics = explanation.economics();
        return of(booking, explanation.loadedMiles(), empty, explanation.baselineEmptyMiles(),
                explanation.co2eAvoided(), 1, economics == null ? null : economics.shipperPrice(),
                economics == null ? null : economics.carrierIncrementalCost(), lanePair);
    }

    /**
     * A load delivered as part of a reload package (ADR 49): its own loaded miles (the actual ones when given), and
     * its share of the chain's empty miles driven, baseline and CO₂e avoided by its attributable miles (the share
     * ADR 22 charges it the carrier's cost by), so a package's delivered loads add up to the chain's figures; the
     * money is the load's own: the shipper's price for it and the carrier's cost charged to it.
     */
    public static DeliveredOutcome ofPackageLeg(Booking booking, BookedPackageLeg leg, LanePair lanePair) {
        var explanation = leg.explanation();
        var miles = explanation.miles();
        double share = leg.mileShare();
        ChainEconomics economics = explanation.economics();
        ChainEconomics.LoadShare money = economics == null ? null : economics.perLoad().get(leg.index());
        return of(booking, miles.loads().get(leg.index()).loadedMiles(), miles.totalDeadheadMiles() * share,
                miles.baselineEmptyMiles() * share, explanation.co2eAvoided(), share,
                money == null ? null : money.shipperPrice(), money == null ? null : money.carrierCostShare(),
                lanePair);
    }

    private static DeliveredOutcome of(Booking booking, double plannedLoadedMiles, double emptyMiles,
            double baselineEmptyMiles, Co2eAvoided co2e, double co2eShare, Money shipperPrice, Money carrierCost,
            LanePair lanePair) {
        if (booking.status() != BookingStatus.DELIVERED || booking.delivery() == null) {
            throw new IllegalArgumentException("booking " + booking.id().value() + " is not delivered");
        }
        LocalDate day = booking.delivery().actualTime().atZone(ZoneOffset.UTC).toLocalDate();
        Double actual = booking.delivery().actualMiles();
        double loaded = actual != null ? actual : plannedLoadedMiles;
        var kg = Map.of(co2e.method(), new Co2eKg(co2e.kgWellToWheel() * co2eShare, co2e.kgTankToWheel() * co2eShare));
        Money agreed = booking.agreedAmount();
        Map<String, Long> earned = Map.of();
        Map<String, Long> saved = Map.of();
        if (shipperPrice != null && shipperPrice.currency().equals(agreed.currency())) {
            earned = Map.of(agreed.currency().getCurrencyCode(), agreed.minus(carrierCost).amountMinorUnits());
            saved = Map.of(agreed.currency().getCurrencyCode(), shipperPrice.minus(agreed).amountMinorUnits());
        }
        var carrierFigures = new OutcomeFigures(1, 1, loaded, emptyMiles, baselineEmptyMiles,
                baselineEmptyMiles - emptyMiles, earned, kg);
        var shipperFigures = new OutcomeFigures(1, 1, loaded, 0, 0, 0, saved, kg);
        return new DeliveredOutcome(
                new LedgerEntry(booking.carrier(), day, OutcomeRole.CARRIER, booking.shipper(), carrierFigures),
                new LedgerEntry(booking.shipper(), day, OutcomeRole.SHIPPER, booking.carrier(), shipperFigures),
                lanePair);
    }

    public List<LedgerEntry> entries() {
        return List.of(carrier, shipper);
    }

    /** The delivery's UTC day. */
    public LocalDate day() {
        return carrier.day();
    }
}
