package com.backhaulexchange.emissions;

import java.util.Objects;

/**
 * A partner's own measured fuel economy for its trucks. When known it takes precedence over the factor set's
 * default truck: the fuel it burns is priced with the set's fuel factor.
 */
public sealed interface FleetFuelEconomy {

    Fuel fuel();

    FuelEconomy economy();

    /** One average figure: the fleet's economy is taken as the same empty or laden. */
    record Average(Fuel fuel, double mpg) implements FleetFuelEconomy {
        public Average {
            Objects.requireNonNull(fuel, "fuel");
            FuelEconomy.requirePositive("mpg", mpg);
        }

        @Override
        public FuelEconomy economy() {
            return FuelEconomy.flat(mpg);
        }
    }

    /** Figures measured empty and at full payload. */
    record ByLoad(Fuel fuel, FuelEconomy economy) implements FleetFuelEconomy {
        public ByLoad {
            Objects.requireNonNull(fuel, "fuel");
            Objects.requireNonNull(economy, "economy");
        }
    }

    static FleetFuelEconomy average(Fuel fuel, double mpg) {
        return new Average(fuel, mpg);
    }

    static FleetFuelEconomy byLoad(Fuel fuel, double emptyMpg, double fullMpg) {
        return new ByLoad(fuel, new FuelEconomy(emptyMpg, fullMpg));
    }
}
