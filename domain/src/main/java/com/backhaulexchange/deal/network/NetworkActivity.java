package com.backhaulexchange.deal.network;

import com.backhaulexchange.deal.booking.Booking;
import com.backhaulexchange.deal.outcome.DeliveredOutcome;
import com.backhaulexchange.deal.outcome.OutcomeFigures;
import com.backhaulexchange.kernel.money.Money;
import com.backhaulexchange.lane.PostedLane;
import com.backhaulexchange.matching.Match;
import com.backhaulexchange.matching.MatchingRegion;
import com.backhaulexchange.matching.PlannedOption;
import com.backhaulexchange.partner.PartnerId;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What each write that already happens adds to the network counters (ADR 41), in the region of the lane's
 * origin (a truck's empty point, a load's pickup: the matching region) and the ISO week (UTC) of the event.
 * Bookings and deliveries are counted in the region of the load's pickup, where the truck took a load instead
 * of running home empty.
 */
public final class NetworkActivity {
    private NetworkActivity() {
    }

    /** A lane posted: one capacity lane or one load, and its owner among the region-week's partners. */
    public static NetworkEntry posted(PostedLane lane) {
        boolean capacity = lane instanceof PostedLane.Capacity;
        var counters = new NetworkCounters(capacity ? 1 : 0, capacity ? 0 : 1, 0, 0, 0, 0, 0, 0, 0, 0, Map.of(),
                Map.of(), Set.of(lane.owner()));
        return new NetworkEntry(MatchingRegion.of(lane), weekOf(lane.postedAt()), counters);
    }

    /**
     * A lane's first match (written once per lane, conditioned on the lane's "first matched" marker), in the
     * week the lane was posted so that matched ÷ posted compares the same lanes.
     */
    public static NetworkEntry firstMatched(PostedLane lane, Instant matchedAt) {
        long seconds = Math.max(0, Duration.between(lane.postedAt(), matchedAt).toSeconds());
        var counters = new NetworkCounters(0, 0, 1, seconds, 0, 0, 0, 0, 0, 0, Map.of(), Map.of(), Set.of());
        return new NetworkEntry(MatchingRegion.of(lane), weekOf(lane.postedAt()), counters);
    }

    /** A booking made, in the week it was made, with both parties among the region-week's partners. */
    public static NetworkEntry booked(Booking booking, PostedLane.Load load, Instant bookedAt) {
        var counters = new NetworkCounters(0, 0, 0, 0, 1, 0, 0, 0, 0, 0, Map.of(), Map.of(),
                partners(booking.carrier(), booking.shipper()));
        return new NetworkEntry(MatchingRegion.of(load), weekOf(bookedAt), counters);
    }

    /**
     * A delivery, from the very outcome the parties' ledgers get (ADR 26), so that the network's figures are
     * the sum over partners by construction: the truck's miles and the CO₂e from the carrier's side (counted
     * once), the realised surplus as the carrier's earnings plus the shipper's savings; in the ISO week of the
     * delivery's UTC day.
     */
    public static NetworkEntry delivered(DeliveredOutcome outcome, PostedLane.Load load) {
        return delivered(outcome, MatchingRegion.of(load));
    }

    /** {@link #delivered(DeliveredOutcome, PostedLane.Load)} in the load's pickup region. */
    public static NetworkEntry delivered(DeliveredOutcome outcome, MatchingRegion pickupRegion) {
        OutcomeFigures carrier = outcome.carrier().figures();
        Map<String, Long> surplus = new TreeMap<>(carrier.surplusMinorUnits());
        outcome.shipper().figures().surplusMinorUnits().forEach((currency, amount) ->
                surplus.merge(currency, amount, Long::sum));
        var counters = new NetworkCounters(0, 0, 0, 0, 0, 1, carrier.loadedMiles(), carrier.emptyMilesDriven(),
                carrier.baselineEmptyMiles(), carrier.emptyMilesAvoided(), surplus, carrier.co2eAvoided(),
                partners(outcome.carrier().partner(), outcome.shipper().partner()));
        return new NetworkEntry(pickupRegion, NetworkWeek.of(outcome.carrier().day()), counters);
    }

    /**
     * A plan stored for {@code region} at {@code computedAt} (ADR 48): one plan more, and the options it
     * recommends that the previous plan of the same week did not, in the plan's region and week.
     */
    public static NetworkEntry planned(MatchingRegion region, Instant computedAt,
            List<PlannedOption> newlyRecommended) {
        long packages = 0;
        long loads = 0;
        double emptyMilesAvoided = 0;
        Map<String, Long> surplus = new TreeMap<>();
        for (PlannedOption option : newlyRecommended) {
            packages += option.reloadPackage() ? 1 : 0;
            loads += option.loads();
            emptyMilesAvoided += option.emptyMilesAvoided();
            surplus.merge(currencyOf(option.surplus()), option.surplus().amountMinorUnits(), Long::sum);
        }
        var plan = new PlanCounters(1, newlyRecommended.size(), packages, loads, emptyMilesAvoided, surplus, 0, 0, 0,
                Map.of());
        return new NetworkEntry(region, weekOf(computedAt), NetworkCounters.ofPlan(plan));
    }

    /**
     * A booking of an option that carried the optimiser's recommendation when it was booked (ADR 48): a pair (one
     * load) or a package booked as one deal (its loads), with the option's empty miles avoided and surplus, in
     * the region of the plan that recommended it and the week of the booking. The booking itself is counted by
     * {@link #booked} as any booking is.
     */
    public static NetworkEntry bookedOfPlan(Match.Recommendation recommendation, PlannedOption option,
            Instant bookedAt) {
        var plan = new PlanCounters(0, 0, 0, 0, 0, Map.of(), 1, option.loads(), option.emptyMilesAvoided(),
                Map.of(currencyOf(option.surplus()), option.surplus().amountMinorUnits()));
        return new NetworkEntry(recommendation.region(), weekOf(bookedAt), NetworkCounters.ofPlan(plan));
    }

    private static String currencyOf(Money money) {
        return money.currency().getCurrencyCode();
    }

    /** A partner on both sides of a booking (a carrier shipping its own load) is one partner. */
    private static Set<PartnerId> partners(PartnerId carrier, PartnerId shipper) {
        return carrier.equals(shipper) ? Set.of(carrier) : Set.of(carrier, shipper);
    }

    private static NetworkWeek weekOf(Instant instant) {
        return NetworkWeek.of(instant.atZone(ZoneOffset.UTC).toLocalDate());
    }
}
