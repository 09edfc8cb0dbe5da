package com.backhaulexchange.adapter.json;

import com.backhaulexchange.partner.apikey.ApiKey;
import com.backhaulexchange.partner.apikey.ApiKeyToken;
import com.backhaulexchange.kernel.equipment.EquipmentType;
import com.backhaulexchange.kernel.geo.Coordinates;
import com.backhaulexchange.kernel.geo.Place;
import com.backhaulexchange.kernel.money.Money;
import com.backhaulexchange.partner.Contact;
import com.backhaulexchange.partner.Partner;
import com.backhaulexchange.partner.PartnerProfile;
import com.backhaulexchange.partner.PartnerRole;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Function;

/**
 * The v1 JSON documents of partners, profiles and API keys (see infra/openapi/openapi.yaml), as the API reads
 * and shows them; the stored profile is another thing, with its own type and version
 * (adapter.dynamodb.document.PartnerProfileDocument). Input is assumed to have passed schema validation already.
 */
public final class PartnerJson {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

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

    public static ObjectNode profileToJson(PartnerProfile profile) {
        ObjectNode json = NODES.objectNode();
        json.put("legalName", profile.legalName());
        json.set("roles", enumArray(profile.roles()));
        ObjectNode contact = json.putObject("contact");
        contact.put("name", profile.contact().name());
        contact.put("email", profile.contact().email());
        putIfPresent(contact, "phone", profile.contact().phone());
        json.set("homeBase", placeToJson(profile.homeBase()));
        if (profile.operatingCostPerMile() != null) {
            json.set("operatingCostPerMile", moneyToJson(profile.operatingCostPerMile()));
        }
        if (!profile.fleetEquipment().isEmpty()) {
            json.set("fleetEquipment", enumArray(profile.fleetEquipment()));
        }
        putIfPresent(json, "dotNumber", profile.dotNumber());
        putIfPresent(json, "mcNumber", profile.mcNumber());
        return json;
    }

    public static ObjectNode partnerToJson(Partner partner) {
        ObjectNode json = NODES.objectNode();
        json.put("partnerId", partner.id().value());
        json.put("status", partner.status().name());
        json.setAll(profileToJson(partner.profile()));
        if (partner.suspension() != null) {
            ObjectNode suspension = json.putObject("suspension");
            suspension.put("reason", partner.suspension().reason());
            suspension.put("suspendedAt", partner.suspension().suspendedAt().toString());
        }
        json.put("createdAt", partner.createdAt().toString());
        json.put("updatedAt", partner.updatedAt().toString());
        return json;
    }

    public static ObjectNode apiKeyToJson(ApiKey key, Instant now) {
        ObjectNode json = NODES.objectNode();
        json.put("keyId", key.keyId().value());
        json.put("status", key.effectiveStatusAt(now));
        json.put("createdAt", key.createdAt().toString());
        putIfPresent(json, "expiresAt", key.expiresAt());
        putIfPresent(json, "revokedAt", key.revokedAt());
        if (key.replacedBy() != null) {
            json.put("replacedBy", key.replacedBy().value());
        }
        return json;
    }

    /** The only place a plaintext key is ever written: the response that issues it. */
    public static ObjectNode issuedApiKeyToJson(ApiKey key, ApiKeyToken token, Instant now) {
        ObjectNode json = apiKeyToJson(key, now);
        json.put("token", token.asString());
        return json;
    }

    private static Money moneyFrom(JsonNode json) {
        return Money.of(json.path("amountMinorUnits").asLong(), json.path("currency").asText());
    }

    static ObjectNode moneyToJson(Money money) {
        ObjectNode json = NODES.objectNode();
        json.put("amountMinorUnits", money.amountMinorUnits());
        json.put("currency", money.currency().getCurrencyCode());
        return json;
    }

    private static Place placeFrom(JsonNode json) {
        return new Place(new Coordinates(json.path("latitudeDegrees").asDouble(),
                json.path("longitudeDegrees").asDouble()), textOrNull(json, "label"));
    }

    static ObjectNode placeToJson(Place place) {
        ObjectNode json = NODES.objectNode();
        json.put("latitudeDegrees", place.coordinates().latitudeDegrees());
        json.put("longitudeDegrees", place.coordinates().longitudeDegrees());
        putIfPresent(json, "label", place.label());
        return json;
    }

    private static Contact contactFrom(JsonNode json) {
        return new Contact(json.path("name").asText(), json.path("email").asText(), textOrNull(json, "phone"));
    }

    private static <E extends Enum<E>> Set<E> enumSet(JsonNode array, Class<E> type) {
        Set<E> values = EnumSet.noneOf(type);
        array.forEach(element -> values.add(Enum.valueOf(type, element.asText())));
        return values;
    }

    private static ArrayNode enumArray(Set<? extends Enum<?>> values) {
        ArrayNode array = NODES.arrayNode();
        values.stream().sorted().map(Enum::name).forEach(array::add);
        return array;
    }

    static String textOrNull(JsonNode json, String field) {
        return json.hasNonNull(field) ? json.get(field).asText() : null;
    }

    private static void putIfPresent(ObjectNode json, String field, Object value) {
        if (value != null) {
            json.put(field, value.toString());
        }
    }

    public static <T> ArrayNode arrayOf(Iterable<T> items, Function<T, JsonNode> toJson) {
        ArrayNode array = NODES.arrayNode();
        items.forEach(item -> array.add(toJson.apply(item)));
        return array;
    }
}
