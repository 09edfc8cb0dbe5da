package com.backhaulexchange.adapter.dynamodb.document;

import com.backhaulexchange.emissions.FleetFuelEconomy;
import com.backhaulexchange.emissions.Fuel;

/**
 * A carrier's fleet fuel economy as stored, in a partner's profile, on each capacity lane posted after it was
 * given, and with each CO₂e figure computed with it (ADR 47): either {@code averageMpg}, or {@code emptyMpg} and
 * {@code fullMpg}. An optional field of those documents (ADR 21): a document without it reads as the default truck.
 */
public record FleetFuelEconomyDocument(String fuel, Double averageMpg, Double emptyMpg, Double fullMpg) {

    static FleetFuelEconomyDocument of(FleetFuelEconomy economy) {
        return switch (economy) {
            case null -> null;
            case FleetFuelEconomy.Average average -> new FleetFuelEconomyDocument(average.fuel().name(),
                    average.mpg(), null, null);
            case FleetFuelEconomy.ByLoad byLoad -> new FleetFuelEconomyDocument(byLoad.fuel().name(), null,
                    byLoad.economy().emptyMpg(), byLoad.economy().fullMpg());
        };
    }

    static FleetFuelEconomy economyOf(FleetFuelEconomyDocument document) {
        if (document == null) {
            return null;
        }
        Fuel fuel = Fuel.valueOf(document.fuel());
        return document.averageMpg() != null ? FleetFuelEconomy.average(fuel, document.averageMpg())
                : FleetFuelEconomy.byLoad(fuel, document.emptyMpg(), document.fullMpg());
    }
}
