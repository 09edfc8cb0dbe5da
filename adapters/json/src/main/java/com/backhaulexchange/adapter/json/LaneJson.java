package com.backhaulexchange.adapter.json;

import static com.backhaulexchange.adapter.json.PartnerJson.moneyToJson;
import static com.backhaulexchange.adapter.json.PartnerJson.placeToJson;

import com.backhaulexchange.lane.CapacityLane;
import com.backhaulexchange.lane.LoadLane;
import com.backhaulexchange.lane.PostedLane;
import com.backhaulexchange.lane.TimeWindow;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/**
 * The v1 JSON documents of posted lanes (see infra/openapi/openapi.yaml), as the API shows them; what is
 * stored is another thing, with its own types and versions (adapter.dynamodb.document). Local times are written as
 * RFC 9557 timestamps: an RFC 3339 date-time with its offset, followed by the IANA time zone in brackets
 * when one is known ({@code 2026-11-23T06:00:00-06:00[America/Chicago]}).
 */
public final class LaneJson {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private LaneJson() {
    }

    /** The lane as its owner reads it, with its status at {@code now}. */
    public static ObjectNode toJson(PostedLane lane, Instant now) {
        ObjectNode json = NODES.objectNode();
        json.put("laneId", lane.laneId());
        json.put("kind", lane.kind().name());
        json.put("status", lane.effectiveStatus(now).name());
        json.put("ownerPartnerId", lane.owner().value());
        json.setAll(bodyToJson(lane));
        json.put("postedAt", lane.postedAt().toString());
        json.put("updatedAt", lane.updatedAt().toString());
        json.put("matchableUntil", lane.matchableUntil().toString());
        return json;
    }

    /** What was posted, without id, owner, status or timestamps. */
    private static ObjectNode bodyToJson(PostedLane lane) {
        ObjectNode json = NODES.objectNode();
        switch (lane) {
            case PostedLane.Capacity posted -> {
                CapacityLane capacity = posted.lane();
                json.set("emptyAt", placeToJson(capacity.emptyAt()));
                json.set("mustEndAt", placeToJson(capacity.mustEndAt()));
                json.put("availableFrom", zoned(capacity.availableFrom()));
                json.put("mustArriveBy", zoned(capacity.mustArriveBy()));
                json.put("equipment", capacity.equipment().name());
                json.put("weightCapacityLbs", capacity.weightCapacityLbs());
                json.put("palletCapacity", capacity.palletCapacity());
                json.put("maxOriginDeadheadMiles", capacity.maxOriginDeadheadMiles());
                json.put("maxDestinationDeadheadMiles", capacity.maxDestinationDeadheadMiles());
                if (capacity.minimumRatePerLoadedMile() != null) {
                    json.set("minimumRatePerLoadedMile", moneyToJson(capacity.minimumRatePerLoadedMile()));
                }
            }
            case PostedLane.Load posted -> {
                LoadLane load = posted.lane();
                json.set("origin", placeToJson(load.origin()));
                json.set("destination", placeToJson(load.destination()));
                json.set("pickupWindow", windowToJson(load.pickupWindow()));
                json.set("deliveryWindow", windowToJson(load.deliveryWindow()));
                json.put("weightLbs", load.weightLbs());
                json.put("pallets", load.pallets());
                json.put("equipment", load.equipment().name());
                json.put("commodity", load.commodity());
                if (load.budget() != null) {
                    json.set("budget", moneyToJson(load.budget()));
                }
            }
        }
        return json;
    }

    private static ObjectNode windowToJson(TimeWindow window) {
        ObjectNode json = NODES.objectNode();
        json.put("opensAt", zoned(window.opensAtLocal()));
        json.put("closesAt", zoned(window.closesAtLocal()));
        return json;
    }

    /** RFC 9557: {@code 2026-11-23T06:00:00-06:00[America/Chicago]}, or without the bracket for a bare offset. */
    public static String zoned(ZonedDateTime time) {
        return DateTimeFormatter.ISO_ZONED_DATE_TIME.format(time);
    }

    /**
     * Parses an RFC 3339 date-time with an optional RFC 9557 time-zone suffix. The instant is the one the
     * offset gives; the zone, when present, only says how to show it.
     *
     * @throws java.time.format.DateTimeParseException when it is not one, or names an unknown zone
     */
    public static ZonedDateTime parseZoned(String text) {
        return ZonedDateTime.parse(text, DateTimeFormatter.ISO_ZONED_DATE_TIME);
    }
}
