package com.backhaulexchange.matching.chain;

import com.backhaulexchange.kernel.geo.Place;
import com.backhaulexchange.lane.CapacityLaneId;
import com.backhaulexchange.lane.LoadLaneId;
import com.backhaulexchange.lane.PostedLane;
import com.backhaulexchange.matching.Match;
import com.backhaulexchange.partner.PartnerId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A feasible reload package as stored and shown to its carrier (and a broker acting for it): one capacity lane and
 * two or three loads, possibly of different shippers, in the order the truck carries them, with the chain's
 * explanation and score. {@code matchableUntil} is the earliest end of its lanes (the truck's must-arrive-by, each
 * load's pickup window): past it the package is expired. Its id is {@link ReloadPackageId}: the same lane and loads
 * in the same order are the same package however often they are found (ADR 22, ADR 25).
 */
public record PackageMatch(
        ReloadPackageId id,
        PartnerId carrier,
        PackageStatus status,
        Place emptyAt,
        Place mustEndAt,
        List<Leg> legs,
        ChainExplanation explanation,
        ChainScore score,
        Instant computedAt,
        Instant matchableUntil,
        Instant retractedAt,
        Match.Recommendation recommendation) {

    /** One load of the package, in carrying order: its lane, its shipper, where it is picked up and delivered. */
    public record Leg(LoadLaneId loadLaneId, PartnerId shipper, Place pickup, Place delivery) {
        public Leg {
            Objects.requireNonNull(loadLaneId, "loadLaneId");
            Objects.requireNonNull(shipper, "shipper");
            Objects.requireNonNull(pickup, "pickup");
            Objects.requireNonNull(delivery, "delivery");
        }
    }

    /** A package the batch optimiser does not recommend (or not yet). */
    public PackageMatch(ReloadPackageId id, PartnerId carrier, PackageStatus status, Place emptyAt, Place mustEndAt,
            List<Leg> legs, ChainExplanation explanation, ChainScore score, Instant computedAt, Instant matchableUntil,
            Instant retractedAt) {
        this(id, carrier, status, emptyAt, mustEndAt, legs, explanation, score, computedAt, matchableUntil,
                retractedAt, null);
    }

    public PackageMatch {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(carrier, "carrier");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(emptyAt, "emptyAt");
        Objects.requireNonNull(mustEndAt, "mustEndAt");
        legs = List.copyOf(legs);
        Objects.requireNonNull(explanation, "explanation");
        Objects.requireNonNull(score, "score");
        Objects.requireNonNull(computedAt, "computedAt");
        Objects.requireNonNull(matchableUntil, "matchableUntil");
        if (!legs.stream().map(Leg::loadLaneId).toList().equals(explanation.loadLaneIds())) {
            throw new IllegalArgumentException("a package's legs are its explanation's loads, in order");
        }
        if (!id.equals(ReloadPackageId.of(explanation.capacityLaneId(), explanation.loadLaneIds()))) {
            throw new IllegalArgumentException("a package's id is derived from its lane and loads");
        }
    }

    /** A newly proposed package of posted lanes, from a feasible chain of exactly those lanes in that order. */
    public static PackageMatch proposed(PostedLane.Capacity capacity, List<PostedLane.Load> loads,
            ChainEvaluation.Feasible chain, Instant now) {
        Instant until = capacity.matchableUntil();
        List<Leg> legs = new ArrayList<>(loads.size());
        for (PostedLane.Load load : loads) {
            if (load.matchableUntil().isBefore(until)) {
                until = load.matchableUntil();
            }
            legs.add(new Leg(load.lane().id(), load.lane().shipper(), load.lane().origin(),
                    load.lane().destination()));
        }
        var lane = capacity.lane();
        return new PackageMatch(chain.packageId(), lane.carrier(), PackageStatus.PROPOSED, lane.emptyAt(),
                lane.mustEndAt(), legs, chain.explanation(), chain.score(), now, until, null);
    }

    public CapacityLaneId capacityLaneId() {
        return explanation.capacityLaneId();
    }

    public List<LoadLaneId> loadLaneIds() {
        return explanation.loadLaneIds();
    }

    /** Whether the truck ends where it starts: a round trip (two loads) or a triangle (three). */
    public boolean isRoundTrip() {
        return emptyAt.coordinates().equals(mustEndAt.coordinates());
    }

    /** PROPOSED reads EXPIRED once any of its lanes' time has passed. */
    public String effectiveStatus(Instant now) {
        return status == PackageStatus.PROPOSED && !now.isBefore(matchableUntil) ? "EXPIRED" : status.name();
    }

    public PackageMatch retracted(Instant now) {
        return new PackageMatch(id, carrier, PackageStatus.RETRACTED, emptyAt, mustEndAt, legs, explanation, score,
                computedAt, matchableUntil, now, recommendation);
    }

    public PackageMatch withStatus(PackageStatus current, Instant currentRetractedAt) {
        return new PackageMatch(id, carrier, current, emptyAt, mustEndAt, legs, explanation, score, computedAt,
                matchableUntil, currentRetractedAt, recommendation);
    }

    /**
     * Marked (or, with null, unmarked) as recommended by the batch optimiser (ADR 39): in the surplus-maximising
     * selection of its region's pairs and packages.
     */
    public PackageMatch withRecommendation(Match.Recommendation next) {
        return new PackageMatch(id, carrier, status, emptyAt, mustEndAt, legs, explanation, score, computedAt,
                matchableUntil, retractedAt, next);
    }
}
