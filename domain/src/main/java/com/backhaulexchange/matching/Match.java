package com.backhaulexchange.matching;

import com.backhaulexchange.kernel.geo.Place;
import com.backhaulexchange.lane.CapacityLaneId;
import com.backhaulexchange.lane.LoadLaneId;
import com.backhaulexchange.lane.PostedLane;
import com.backhaulexchange.partner.PartnerId;
import java.time.Instant;
import java.util.Objects;

/**
 * A feasible capacity/load pair as stored and shown to its two parties, the carrier and the shipper, and to
 * no one else. {@code matchableUntil} is the earlier of the two lanes' ends: past it the match is expired.
 */
public record Match(
        MatchId id,
        PartnerId carrier,
        PartnerId shipper,
        MatchStatus status,
        Route route,
        MatchExplanation explanation,
        MatchScore score,
        Instant computedAt,
        Instant matchableUntil,
        Instant retractedAt,
        Recommendation recommendation) {

    public Match {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(carrier, "carrier");
        Objects.requireNonNull(shipper, "shipper");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(route, "route");
        Objects.requireNonNull(explanation, "explanation");
        Objects.requireNonNull(score, "score");
        Objects.requireNonNull(computedAt, "computedAt");
        Objects.requireNonNull(matchableUntil, "matchableUntil");
        if (!id.equals(MatchId.of(explanation.capacityLaneId(), explanation.loadLaneId()))) {
            throw new IllegalArgumentException("a match's id is derived from its two lanes");
        }
    }

    /**
     * The batch optimiser chose this pair in the surplus-maximising assignment of its region: taking it
     * leaves the other lanes of the region their best partners too. Null when it is not (or no longer) so.
     */
    public record Recommendation(Instant recommendedAt, MatchingRegion region) {
        public Recommendation {
            Objects.requireNonNull(recommendedAt, "recommendedAt");
            Objects.requireNonNull(region, "region");
        }
    }

    /** The four places of the matched route, as the dispatcher reads it. */
    public record Route(Place emptyAt, Place pickup, Place delivery, Place mustEndAt) {
        public Route {
            Objects.requireNonNull(emptyAt, "emptyAt");
            Objects.requireNonNull(pickup, "pickup");
            Objects.requireNonNull(delivery, "delivery");
            Objects.requireNonNull(mustEndAt, "mustEndAt");
        }
    }

    /** A newly proposed match of two posted lanes, from a feasible evaluation. */
    public static Match proposed(PostedLane.Capacity capacity, PostedLane.Load load,
            MatchEvaluation.Feasible evaluation, Instant now) {
        var capacityLane = capacity.lane();
        var loadLane = load.lane();
        Instant until = capacity.matchableUntil().isBefore(load.matchableUntil())
                ? capacity.matchableUntil() : load.matchableUntil();
        return new Match(MatchId.of(capacityLane.id(), loadLane.id()), capacityLane.carrier(), loadLane.shipper(),
                MatchStatus.PROPOSED,
                new Route(capacityLane.emptyAt(), loadLane.origin(), loadLane.destination(), capacityLane.mustEndAt()),
                evaluation.explanation(), evaluation.score(), now, until, null, null);
    }

    public CapacityLaneId capacityLaneId() {
        return explanation.capacityLaneId();
    }

    public LoadLaneId loadLaneId() {
        return explanation.loadLaneId();
    }

    /** Whether {@code partner} is the carrier or the shipper of this match. */
    public boolean isParty(PartnerId partner) {
        return carrier.equals(partner) || shipper.equals(partner);
    }

    /** PROPOSED turns into EXPIRED (for display) once either lane's time has passed. */
    public String effectiveStatus(Instant now) {
        return status == MatchStatus.PROPOSED && !now.isBefore(matchableUntil) ? "EXPIRED" : status.name();
    }

    public Match retracted(Instant now) {
        return new Match(id, carrier, shipper, MatchStatus.RETRACTED, route, explanation, score, computedAt,
                matchableUntil, now, null);
    }

    public Match withRecommendation(Recommendation next) {
        return new Match(id, carrier, shipper, status, route, explanation, score, computedAt, matchableUntil,
                retractedAt, next);
    }
}
