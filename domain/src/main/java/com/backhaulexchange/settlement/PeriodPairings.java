package com.backhaulexchange.settlement;

import com.backhaulexchange.settlement.allocation.AssignmentMarket;

/**
 * The lanes of a period's bookings and every pairing of them that a coalition of members could have booked among
 * itself, each pairing with two weights: its surplus (minor units) and the CO₂e it avoids (grams, well-to-wheel).
 * The money game and the emissions game of the period are the two assignment markets over these same lanes and
 * pairings (ADR 20, ADR 35): v(S) = the best matching of S's own lanes, by money in one and by CO₂e in the other.
 * Building both from one set of pairings is what makes the emissions game "the money's game, weighed in CO₂e".
 *
 * <p>A pairing that would lose money, or add emissions, is worth 0 in that game (a coalition would leave it
 * out for that purpose): both weights are floored at 0, as the assignment market needs.
 */
public final class PeriodPairings {

    private final AssignmentMarket money;
    private final AssignmentMarket emissions;

    private PeriodPairings(AssignmentMarket money, AssignmentMarket emissions) {
        this.money = money;
        this.emissions = emissions;
    }

    public static Builder builder(int players) {
        return new Builder(players);
    }

    /** The money game's market: pairings weighed by their surplus in minor units. */
    public AssignmentMarket money() {
        return money;
    }

    /** The emissions game's market: the same pairings weighed by the grams of CO₂e (well-to-wheel) they avoid. */
    public AssignmentMarket emissions() {
        return emissions;
    }

    public static final class Builder {
        private final AssignmentMarket.Builder money;
        private final AssignmentMarket.Builder emissions;

        private Builder(int players) {
            this.money = AssignmentMarket.builder(players);
            this.emissions = AssignmentMarket.builder(players);
        }

        /** Adds a capacity lane owned by {@code owner}; returns its index. */
        public int capacityLane(int owner) {
            emissions.capacityLane(owner);
            return money.capacityLane(owner);
        }

        /** Adds a load lane owned by {@code owner}; returns its index. */
        public int loadLane(int owner) {
            emissions.loadLane(owner);
            return money.loadLane(owner);
        }

        /** A pairing a coalition owning both lanes could book: its surplus and the CO₂e it avoids. */
        public Builder pairing(int capacityLane, int loadLane, long surplusMinorUnits, long co2eAvoidedGrams) {
            money.surplus(capacityLane, loadLane, Math.max(0, surplusMinorUnits));
            emissions.surplus(capacityLane, loadLane, Math.max(0, co2eAvoidedGrams));
            return this;
        }

        public PeriodPairings build() {
            return new PeriodPairings(money.build(), emissions.build());
        }
    }
}
