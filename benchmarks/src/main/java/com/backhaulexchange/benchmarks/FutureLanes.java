package com.backhaulexchange.benchmarks;

import com.backhaulexchange.kernel.geo.Place;
import com.backhaulexchange.lane.CapacityLane;
import com.backhaulexchange.lane.LoadLane;
import com.backhaulexchange.lane.TimeWindow;
import com.backhaulexchange.kernel.money.Money;
import com.backhaulexchange.partner.PartnerId;
import com.backhaulexchange.testing.Postings;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The test fixtures' lanes ({@link Postings}: a truck empty in Dallas on Monday 23 November 2026, going home to
 * Chicago; a load Dallas → St. Louis that day) and the sample events' lanes are dated that week. Benchmarks that
 * run the functions on the real clock need lanes that have not passed: these are the same lanes moved by whole
 * weeks (weekday and local times unchanged) to the first such week that starts at least two days from now.
 */
public final class FutureLanes {
    /** The Monday of the samples' and the fixtures' lanes. */
    public static final LocalDate SAMPLE_WEEK = LocalDate.of(2026, 11, 23);

    private FutureLanes() {
    }

    /** Whole weeks to add to the samples' dates so their lanes start at least two days after {@code now}. */
    public static long weeksAhead(Instant now) {
        long days = Duration.between(SAMPLE_WEEK.atStartOfDay(ZoneOffset.UTC).toInstant(), now.plus(Duration.ofDays(2)))
                .toDays();
        return days <= 0 ? 0 : (days + 6) / 7;
    }

    /** {@link Postings#truck(PartnerId)} moved {@code weeks} weeks on. */
    public static CapacityLane truck(PartnerId carrier, long weeks) {
        var truck = Postings.truck(carrier);
        return new CapacityLane(truck.id(), truck.carrier(), truck.emptyAt(), truck.mustEndAt(),
                truck.availableFrom().plusWeeks(weeks), truck.mustArriveBy().plusWeeks(weeks), truck.equipment(),
                truck.weightCapacityLbs(), truck.palletCapacity(), truck.maxOriginDeadheadMiles(),
                truck.maxDestinationDeadheadMiles(), truck.maxReloadDeadheadMiles(), truck.minimumRatePerLoadedMile(),
                truck.status(), truck.fleetFuelEconomy());
    }

    /** {@link Postings#load(PartnerId, Place, Place, int, Money)} (38,000 lbs, USD 2,400) moved {@code weeks} weeks on. */
    public static LoadLane load(PartnerId shipper, Place origin, Place destination, long weeks) {
        var load = Postings.load(shipper, origin, destination, 38_000, Money.of(240_000, "USD"));
        Duration by = Duration.ofDays(7 * weeks);
        return new LoadLane(load.id(), load.shipper(), load.origin(), load.destination(),
                shifted(load.pickupWindow(), by), shifted(load.deliveryWindow(), by), load.weightLbs(), load.pallets(),
                load.equipment(), load.commodity(), load.budget(), load.status());
    }

    private static TimeWindow shifted(TimeWindow window, Duration by) {
        return new TimeWindow(window.opensAt().plus(by), window.closesAt().plus(by), window.zone());
    }
}
