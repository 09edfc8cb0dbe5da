package com.backhaulexchange.adapter.json;

import com.backhaulexchange.kernel.equipment.EquipmentType;
import com.backhaulexchange.kernel.geo.Coordinates;
import com.backhaulexchange.kernel.geo.Place;
import com.backhaulexchange.kernel.money.Money;
import com.backhaulexchange.partner.Contact;
import com.backhaulexchange.partner.PartnerProfile;
import com.backhaulexchange.partner.PartnerRole;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.EnumSet;
import java.util.Set;

/**
 * The v1 JSON of partner profiles as the API reads them (see infra/openapi/openapi.yaml). The API shows
 * partners, profiles and API keys as the records {@link PartnerView}, {@link PartnerProfileView} and
 * {@link ApiKeyView}; the stored profile is another thing, with its own type and version
 * (adapter.dynamodb.document.PartnerProfileDocument). Input is assumed to have passed schema validation already.
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
                json.hasNonNull("operatingCostPerMile") ? moneyFrom(json.get("operatingCostPerMile")) : null,
                enumSet(json.path("fleetEquipment"), EquipmentType.class),
                textOrNull(json, "dotNumber"),
                textOrNull(json, "mcNumber"));
    }

    /** The profile as a JSON tree, for a merge patch to apply to (RFC 7396): the fields of {@link PartnerProfileView}. */
    public static ObjectNode profileToJson(PartnerProfile profile) {
        return Views.tree(PartnerProfileView.of(profile));
    }

    private static Money moneyFrom(JsonNode json) {
        return Money.of(json.path("amountMinorUnits").asLong(), json.path("currency").asText());
    }

    private static Place placeFrom(JsonNode json) {
        return new Place(new Coordinates(json.path("latitudeDegrees").asDouble(),
                json.path("longitudeDegrees").asDouble()), textOrNull(json, "label"));
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
