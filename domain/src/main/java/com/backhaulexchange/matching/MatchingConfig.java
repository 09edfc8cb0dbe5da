package com.backhaulexchange.matching;

import com.backhaulexchange.emissions.EmissionFactorSet;
import com.backhaulexchange.emissions.EmissionsCalculator;
import com.backhaulexchange.kernel.geo.RoadDistanceModel;
import com.backhaulexchange.kernel.money.Money;
import java.time.Duration;
import java.util.Objects;

/**
 * The assumptions of match computation, each configurable per deployment or region.
 *
 * <ul>
 * <li>{@code roadDistance}: great-circle × {@value RoadDistanceModel#DEFAULT_CIRCUITY_FACTOR} (US average
 *     circuity, Newell 1980; Ballou et al. 2002).</li>
 * <li>{@code averageSpeedMph}: {@value #DEFAULT_AVERAGE_SPEED_MPH} mph door to door over road miles, a
 *     planning figure below highway speed limits to absorb traffic, fuel stops and urban ends.</li>
 * <li>{@code pickupDwell}, {@code deliveryDwell}: 1 hour each to load or unload (issue 3's example).</li>
 * <li>{@code hoursOfService}: US FMCSA property-carrying rules.</li>
 * <li>{@code emissionFactors}: the versioned factor set CO₂e avoided is computed with (ISO 14083 / GLEC,
 *     ADR 24 and 26), by default {@link EmissionFactorSet#DEFAULT}; every figure names its id and version.</li>
 * <li>{@code marketRatePerLoadedMile}: what a shipper without a budget would otherwise pay, per loaded mile:
 *     USD 2.71, the break-even rate of an average carrier — ATRI's 2024 operating cost of $2.260 per mile
 *     spread over the 83.3 % of miles that are loaded (16.7 % deadhead, docs/reference/freight-conventions.md). Conservative: it
 *     leaves out the carrier's margin, so the surplus of budget-less loads is not overstated.</li>
 * </ul>
 */
public record MatchingConfig(
        RoadDistanceModel roadDistance,
        double averageSpeedMph,
        Duration pickupDwell,
        Duration deliveryDwell,
        HoursOfServiceRules hoursOfService,
        EmissionFactorSet emissionFactors,
        Money marketRatePerLoadedMile) {

    public static final double DEFAULT_AVERAGE_SPEED_MPH = 50;
    public static final Duration DEFAULT_DWELL = Duration.ofHours(1);
    public static final Money DEFAULT_MARKET_RATE_PER_LOADED_MILE = Money.of(271, "USD");

    public static final MatchingConfig DEFAULT = new MatchingConfig(
            RoadDistanceModel.DEFAULT,
            DEFAULT_AVERAGE_SPEED_MPH,
            DEFAULT_DWELL,
            DEFAULT_DWELL,
            HoursOfServiceRules.US_PROPERTY_CARRYING,
            EmissionFactorSet.DEFAULT,
            DEFAULT_MARKET_RATE_PER_LOADED_MILE);

    public MatchingConfig {
        Objects.requireNonNull(roadDistance, "roadDistance");
        Objects.requireNonNull(pickupDwell, "pickupDwell");
        Objects.requireNonNull(deliveryDwell, "deliveryDwell");
        Objects.requireNonNull(hoursOfService, "hoursOfService");
        Objects.requireNonNull(marketRatePerLoadedMile, "marketRatePerLoadedMile");
        if (!(averageSpeedMph > 0 && averageSpeedMph <= 100)) {
            throw new IllegalArgumentException("averageSpeedMph must be within (0, 100], was " + averageSpeedMph);
        }
        if (pickupDwell.isNegative() || deliveryDwell.isNegative()) {
            throw new IllegalArgumentException("dwell times must not be negative");
        }
        Objects.requireNonNull(emissionFactors, "emissionFactors");
        if (marketRatePerLoadedMile.amountMinorUnits() <= 0) {
            throw new IllegalArgumentException("marketRatePerLoadedMile must be positive");
        }
    }

    public DrivePlanner drivePlanner() {
        return new DrivePlanner(averageSpeedMph, hoursOfService);
    }

    public MatchingConfig withRoadDistance(RoadDistanceModel model) {
        return new MatchingConfig(model, averageSpeedMph, pickupDwell, deliveryDwell, hoursOfService, emissionFactors,
                marketRatePerLoadedMile);
    }

    public MatchingConfig withAverageSpeedMph(double mph) {
        return new MatchingConfig(roadDistance, mph, pickupDwell, deliveryDwell, hoursOfService, emissionFactors,
                marketRatePerLoadedMile);
    }

    public MatchingConfig withDwell(Duration pickup, Duration delivery) {
        return new MatchingConfig(roadDistance, averageSpeedMph, pickup, delivery, hoursOfService, emissionFactors,
                marketRatePerLoadedMile);
    }

    public MatchingConfig withHoursOfService(HoursOfServiceRules rules) {
        return new MatchingConfig(roadDistance, averageSpeedMph, pickupDwell, deliveryDwell, rules, emissionFactors,
                marketRatePerLoadedMile);
    }

    public MatchingConfig withEmissionFactors(EmissionFactorSet factors) {
        return new MatchingConfig(roadDistance, averageSpeedMph, pickupDwell, deliveryDwell, hoursOfService, factors,
                marketRatePerLoadedMile);
    }

    public EmissionsCalculator emissions() {
        return new EmissionsCalculator(emissionFactors);
    }

    public MatchingConfig withMarketRatePerLoadedMile(Money rate) {
        return new MatchingConfig(roadDistance, averageSpeedMph, pickupDwell, deliveryDwell, hoursOfService,
                emissionFactors, rate);
    }
}
