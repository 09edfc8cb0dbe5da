package com.backhaulexchange.adapter.json;

import com.backhaulexchange.emissions.FleetFuelEconomy;
import com.backhaulexchange.emissions.Fuel;
import com.backhaulexchange.kernel.equipment.EquipmentType;
import com.backhaulexchange.kernel.geo.Coordinates;
import com.backhaulexchange.kernel.geo.Place;
import com.backhaulexchange.partner.Contact;
import com.backhaulexchange.partner.PartnerProfile;
import com.backhaulexchange.partner.PartnerProfilePolicies;
import com.backhaulexchange.partner.PartnerRole;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.EnumSet;
import java.util.Set;

/**
 * The v1 JSON of partner profiles as the API reads them (see infra/openapi/openapi.yaml). The API shows
 * partners, profiles and API keys as the records {@link PartnerView}, {@link PartnerProfileView} and
 * {@link ApiKeyView}; the stored profile is another thing, with its own type and version
 * (adapter.dynamodb.document.PartnerProfileDocument). Input has passed schema validation; what the schema cannot
 * check (currencies, exact numbers) is read through {@link RequestValues}.
 */
public final class PartnerJson {
    private PartnerJson() {
    }

    public static PartnerProfile profileFrom(JsonNode json) {
        return new PartnerProfile(
                json.path("legalName").asText(),
                enumSet(json.path("roles"), PartnerRole.class),
                contactFrom(json.path("contact")),
                placeFrom(json.path("homeBase")),
                json.hasNonNull("operatingCostPerMile")
                        ? RequestValues.money(json.get("operatingCostPerMile"), "/operatingCostPerMile")
                        : null,
                enumSet(json.path("fleetEquipment"), EquipmentType.class),
                textOrNull(json, "dotNumber"),
                textOrNull(json, "mcNumber"),
                json.hasNonNull("fleetFuelEconomy")
                        ? fleetFuelEconomyFrom(json.get("fleetFuelEconomy"), "/fleetFuelEconomy")
                        : null);
    }

    /**
     * {@code {"fuel": "DIESEL", "averageMpg": 6.9}} or {@code {"fuel": "DIESEL", "emptyMpg": 8.4,
     * "fullyLadenMpg": 5.9}}: one form or the other, each figure within the profile policy's plausible range, and
     * the fully laden figure not above the empty one (ADR 47). Which form, and the order of the two figures, the
     * schema cannot say: refused here with the pointer of the field to change.
     */
    static FleetFuelEconomy fleetFuelEconomyFrom(JsonNode json, String pointer) {
        Fuel fuel = fuelOf(json.path("fuel"), pointer + "/fuel");
        boolean average = json.hasNonNull("averageMpg");
        boolean empty = json.hasNonNull("emptyMpg");
        boolean full = json.hasNonNull("fullyLadenMpg");
        if (average && (empty || full)) {
            throw RequestValues.invalid(pointer + "/averageMpg",
                    "give either averageMpg, or emptyMpg with fullyLadenMpg, not both (remove the other form with null)");
        }
        if (average) {
            return FleetFuelEconomy.average(fuel, mpg(json, "averageMpg", pointer));
        }
        if (!empty) {
            throw RequestValues.invalid(pointer + "/emptyMpg",
                    "is required: give averageMpg, or emptyMpg with fullyLadenMpg");
        }
        if (!full) {
            throw RequestValues.invalid(pointer + "/fullyLadenMpg", "is required with emptyMpg");
        }
        double emptyMpg = mpg(json, "emptyMpg", pointer);
        double fullyLadenMpg = mpg(json, "fullyLadenMpg", pointer);
        if (fullyLadenMpg > emptyMpg) {
            throw RequestValues.invalid(pointer + "/fullyLadenMpg", "must not be above emptyMpg (" + emptyMpg
                    + "): a truck burns more fuel per mile laden than empty");
        }
        return FleetFuelEconomy.byLoad(fuel, emptyMpg, fullyLadenMpg);
    }

    private static double mpg(JsonNode json, String field, String pointer) {
        return RequestValues.decimal(json.get(field), pointer + "/" + field, PartnerProfilePolicies.MIN_FLEET_MPG,
                PartnerProfilePolicies.MAX_FLEET_MPG);
    }

    private static Fuel fuelOf(JsonNode json, String pointer) {
        for (Fuel fuel : Fuel.values()) {
            if (fuel.name().equals(json.asText(null))) {
                return fuel;
            }
        }
        throw RequestValues.invalid(pointer, "must be one of " + java.util.Arrays.toString(Fuel.values()));
    }

    /** The profile as a JSON tree, for a merge patch to apply to (RFC 7396): the fields of {@link PartnerProfileView}. */
    public static ObjectNode profileToJson(PartnerProfile profile) {
        return Views.tree(PartnerProfileView.of(profile));
    }

    private static Place placeFrom(JsonNode json) {
        return new Place(Coordinates.quantised(
                RequestValues.decimal(json.path("latitudeDegrees"), "/homeBase/latitudeDegrees", -90, 90),
                RequestValues.decimal(json.path("longitudeDegrees"), "/homeBase/longitudeDegrees", -180, 180)),
                textOrNull(json, "label"));
    }

    private static Contact contactFrom(JsonNode json) {
        return new Contact(json.path("name").asText(), json.path("email").asText(), textOrNull(json, "phone"));
    }

    private static <E extends Enum<E>> Set<E> enumSet(JsonNode array, Class<E> type) {
        Set<E> values = EnumSet.noneOf(type);
        array.forEach(element -> values.add(Enum.valueOf(type, element.asText())));
        return values;
    }

    static String textOrNull(JsonNode json, String field) {
        return json.hasNonNull(field) ? json.get(field).asText() : null;
    }
}
