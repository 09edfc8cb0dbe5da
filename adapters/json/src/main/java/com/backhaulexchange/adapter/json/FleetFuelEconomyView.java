package com.backhaulexchange.adapter.json;

import com.backhaulexchange.emissions.FleetFuelEconomy;

/**
 * A carrier's fleet fuel economy as the API shows it (the {@code FleetFuelEconomy} schema, ADR 47): the fuel and
 * either {@code averageMpg}, or {@code emptyMpg} and {@code fullyLadenMpg}, in miles per US gallon.
 */
public record FleetFuelEconomyView(String fuel, Double averageMpg, Double emptyMpg, Double fullyLadenMpg) {

    public static FleetFuelEconomyView of(FleetFuelEconomy economy) {
        return switch (economy) {
            case null -> null;
            case FleetFuelEconomy.Average average -> new FleetFuelEconomyView(average.fuel().name(), average.mpg(),
                    null, null);
            case FleetFuelEconomy.ByLoad byLoad -> new FleetFuelEconomyView(byLoad.fuel().name(), null,
                    byLoad.economy().emptyMpg(), byLoad.economy().fullMpg());
        };
    }
}
