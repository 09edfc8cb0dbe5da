package com.backhaulexchange.benchmarks.network;

import com.backhaulexchange.matching.selection.PackingOption;
import static com.backhaulexchange.benchmarks.network.NetworkFixtures.UNIT;
import static com.backhaulexchange.benchmarks.network.NetworkFixtures.load;
import static com.backhaulexchange.benchmarks.network.NetworkFixtures.truck;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A tiny network whose answers are known by hand (places on the equator, distances in units):
 * truck 0 empty at 0, home at 4 (baseline 4); truck 1 empty at 10, home at 12 (baseline 2);
 * load 0 from 0 to 2, load 1 from 2 to 4, load 2 from 10 to 13 (loaded 2, 2, 3).
 */
class NetworkEmptyMileAccountingTest {
    private static final Network NETWORK = new Network(
            List.of(truck(0, 0, 4), truck(1, 10, 12)),
            List.of(load(0, 0, 2), load(1, 2, 4), load(2, 10, 13)),
            NetworkFixtures.costs());
    private static final EmptyMileAccounting ACCOUNTING = new EmptyMileAccounting(NETWORK, NetworkFixtures.ROADS);
    private static final double TOLERANCE = 1e-6;

    @Test
    void withoutMatchingEveryTruckGoesHomeEmptyAndEveryLoadsTruckComesBackEmpty() {
        var figures = ACCOUNTING.withoutMatching();

        // Deadhead: baselines 4 + 2, and the empty return of each load's dedicated truck 2 + 2 + 3.
        assertThat(figures.deadheadMiles()).isCloseTo(13 * UNIT, within(TOLERANCE));
        assertThat(figures.loadedMiles()).isCloseTo(7 * UNIT, within(TOLERANCE));
        assertThat(figures.emptyShare()).isCloseTo(13.0 / 20, within(TOLERANCE));
        assertThat(figures.loadedShare()).isCloseTo(7.0 / 20, within(TOLERANCE));
        assertThat(figures.emptyMilesAvoided()).isZero();
        assertThat(figures.trucksUsed()).isZero();
        assertThat(figures.loadsCarried()).isZero();
    }

    @Test
    void aPackageAndASingleMatch() {
        var figures = ACCOUNTING.with(List.of(PackingOption.of(0, 500, 0, 1), PackingOption.of(1, 300, 2)));

        // Truck 0: 0 → 0 (empty 0) → 2 → 2 (empty 0) → 4 → home 4 (empty 0). Truck 1: 10 → 10 → 13 → 12 (empty 1).
        assertThat(figures.deadheadMiles()).isCloseTo(1 * UNIT, within(TOLERANCE));
        assertThat(figures.loadedMiles()).isCloseTo(7 * UNIT, within(TOLERANCE));
        assertThat(figures.emptyShare()).isCloseTo(1.0 / 8, within(TOLERANCE));
        // Platform figure: (4 − 0) + (2 − 1).
        assertThat(figures.emptyMilesAvoided()).isCloseTo(5 * UNIT, within(TOLERANCE));
        assertThat(figures.surplusMinorUnits()).isEqualTo(800);
        assertThat(figures.trucksUsed()).isEqualTo(2);
        assertThat(figures.loadsCarried()).isEqualTo(3);
        assertThat(figures.packages()).isEqualTo(1);
    }

    @Test
    void loadsLeftAloneKeepTheirDedicatedTruck() {
        var figures = ACCOUNTING.with(List.of(PackingOption.of(1, 300, 2)));

        // Truck 0 home empty (4), truck 1's route (1), loads 0 and 1 back empty (2 + 2).
        assertThat(figures.deadheadMiles()).isCloseTo(9 * UNIT, within(TOLERANCE));
        assertThat(figures.loadedMiles()).isCloseTo(7 * UNIT, within(TOLERANCE));
        assertThat(figures.emptyShare()).isCloseTo(9.0 / 16, within(TOLERANCE));
        assertThat(figures.emptyMilesAvoided()).isCloseTo(1 * UNIT, within(TOLERANCE));
    }

    @Test
    void theOrderOfThePackageCounts() {
        var figures = ACCOUNTING.with(List.of(PackingOption.of(0, 0, 1, 0)));

        // 0 → 2 (empty 2), 2 → 4 loaded, 4 → 0 (empty 4), 0 → 2 loaded, 2 → 4 home (empty 2): 8 empty, 4 more than going home.
        assertThat(figures.emptyMilesAvoided()).isCloseTo(-4 * UNIT, within(TOLERANCE));
        // Plus truck 1 home (2) and load 2 back (3).
        assertThat(figures.deadheadMiles()).isCloseTo(13 * UNIT, within(TOLERANCE));
        assertThat(figures.loadedMiles()).isCloseTo(7 * UNIT, within(TOLERANCE));
    }

    @Test
    void oneSelectionsEmptyMilesAvoidedAgreeWithTheNetworksFigures() {
        assertThat(ACCOUNTING.emptyMilesAvoided(PackingOption.of(0, 0, 0, 1))).isCloseTo(4 * UNIT, within(TOLERANCE));
        assertThat(ACCOUNTING.emptyMilesAvoided(PackingOption.of(0, 0, 1, 0))).isCloseTo(-4 * UNIT, within(TOLERANCE));
        assertThat(ACCOUNTING.emptyMilesAvoided(PackingOption.of(1, 0, 2))).isCloseTo(1 * UNIT, within(TOLERANCE));
        // Truck 0 with load 2 alone: 0 → 10 empty, 10 → 13, 13 → 4 empty: 19 empty instead of 4.
        assertThat(ACCOUNTING.emptyMilesAvoided(PackingOption.of(0, 0, 2))).isCloseTo(-15 * UNIT, within(TOLERANCE));
    }

    @Test
    void aTruckOrALoadUsedTwiceIsRefused() {
        assertThatThrownBy(() -> ACCOUNTING.with(List.of(PackingOption.of(0, 1, 0), PackingOption.of(0, 1, 1))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("truck 0");
        assertThatThrownBy(() -> ACCOUNTING.with(List.of(PackingOption.of(0, 1, 0, 2), PackingOption.of(1, 1, 2))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("load 2");
    }
}
