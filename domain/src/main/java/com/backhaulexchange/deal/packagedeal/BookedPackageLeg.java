package com.backhaulexchange.deal.packagedeal;

import com.backhaulexchange.deal.booking.Booking;
import com.backhaulexchange.deal.negotiation.NegotiationRepository.Versioned;
import com.backhaulexchange.kernel.id.Ulid;
import com.backhaulexchange.matching.chain.ChainExplanation;
import com.backhaulexchange.matching.chain.PackageMatch;
import com.backhaulexchange.matching.chain.PackageRepository;
import java.util.Objects;
import java.util.Optional;

/**
 * A booking made through a package deal, as one load of the package it booked: the package's stored chain (its
 * miles, money per load and CO₂e) and the load's place in it. Outcomes at delivery and settlement read a package
 * booking's figures from here (ADR 39, 49), not from a single match of its truck and load.
 */
public record BookedPackageLeg(PackageMatch packageMatch, int index) {

    public BookedPackageLeg {
        Objects.requireNonNull(packageMatch, "packageMatch");
        if (index < 0 || index >= packageMatch.legs().size()) {
            throw new IllegalArgumentException("no load " + index + " in package " + packageMatch.id().value());
        }
    }

    /**
     * The leg {@code booking} is, when it was booked through a package deal (ADR 32: the booking's negotiation id is
     * the deal's): the deal names the package, whose stored item names the load's place. Empty for a booking of a
     * single match, and when the package item is gone (its TTL: 30 days after it stopped being matchable).
     */
    public static Optional<BookedPackageLeg> of(Booking booking, PackageDealRepository deals,
            PackageRepository packages) {
        String dealId = booking.negotiationId().value();
        if (!Ulid.isValid(dealId)) {
            return Optional.empty();
        }
        return deals.find(new PackageDealId(dealId)).map(Versioned::value)
                .filter(deal -> deal.capacityLaneId().equals(booking.capacityLaneId()))
                .flatMap(deal -> packages.find(deal.packageId()))
                .flatMap(found -> {
                    int index = found.loadLaneIds().indexOf(booking.loadLaneId());
                    return index < 0 ? Optional.empty() : Optional.of(new BookedPackageLeg(found, index));
                });
    }

    public ChainExplanation explanation() {
        return packageMatch.explanation();
    }

    /**
     * The load's share of the chain's miles, by its attributable miles (ADR 22: the hop into it, its loaded miles
     * and, for the last load, the run to the lane's end); the shares of a package's loads add up to one.
     */
    public double mileShare() {
        var miles = packageMatch.explanation().miles();
        double route = 0;
        for (int i = 0; i < miles.loads().size(); i++) {
            route += miles.attributableMiles(i);
        }
        return route > 0 ? miles.attributableMiles(index) / route : 1.0 / miles.loads().size();
    }
}
