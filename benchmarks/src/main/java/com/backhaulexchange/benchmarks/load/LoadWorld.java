package com.backhaulexchange.benchmarks.load;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What the load has made so far, shared by the request threads: the partners' keys, the lanes posted, the matches
 * and open negotiations seen. Lanes go between eight freight hubs named as users name them, so that trucks and loads
 * meet and matches, offers and bookings happen at a realistic rate.
 */
final class LoadWorld {
    static final ZoneId CENTRAL = ZoneId.of("America/Chicago");
    private static final List<String> HUBS = List.of(
            "{\"name\": \"Dallas\", \"stateOrCountry\": \"TX\"}", "{\"name\": \"Houston\", \"stateOrCountry\": \"TX\"}",
            "{\"name\": \"Memphis\", \"stateOrCountry\": \"TN\"}", "{\"name\": \"Atlanta\", \"stateOrCountry\": \"GA\"}",
            "{\"name\": \"Chicago\", \"stateOrCountry\": \"IL\"}", "{\"name\": \"Kansas City\", \"stateOrCountry\": \"MO\"}",
            "{\"name\": \"Nashville\", \"stateOrCountry\": \"TN\"}", "{\"name\": \"St. Louis\", \"stateOrCountry\": \"MO\"}");

    record Lane(String laneId, String ownerKey, boolean capacity) {
    }

    record KnownMatch(String matchId, String carrierKey, String shipperKey) {
    }

    record OpenNegotiation(String negotiationId, String acceptorKey) {
    }

    final List<String> carrierKeys = new CopyOnWriteArrayList<>();
    final List<String> shipperKeys = new CopyOnWriteArrayList<>();
    final List<Lane> lanes = new CopyOnWriteArrayList<>();
    final Map<String, KnownMatch> matches = new ConcurrentHashMap<>();
    final List<KnownMatch> matchList = new CopyOnWriteArrayList<>();
    final Queue<OpenNegotiation> negotiations = new ConcurrentLinkedQueue<>();
    final Map<String, String> laneOwners = new ConcurrentHashMap<>();

    static String capacityLane(Random random) {
        int from = random.nextInt(HUBS.size());
        int to = (from + 1 + random.nextInt(HUBS.size() - 1)) % HUBS.size();
        return """
                {"emptyAt": %s, "mustEndAt": %s, "availableFrom": "%s", "mustArriveBy": "%s",
                 "equipment": "DRY_VAN", "weightCapacityLbs": 44000, "palletCapacity": 26,
                 "maxOriginDeadheadMiles": 150, "maxDestinationDeadheadMiles": 450}"""
                .formatted(HUBS.get(from), HUBS.get(to), local(1, 6), local(3, 20));
    }

    static String loadLane(Random random) {
        int from = random.nextInt(HUBS.size());
        int to = (from + 1 + random.nextInt(HUBS.size() - 1)) % HUBS.size();
        return """
                {"origin": %s, "destination": %s,
                 "pickupWindow": {"opensAt": "%s", "closesAt": "%s"},
                 "deliveryWindow": {"opensAt": "%s", "closesAt": "%s"},
                 "weightLbs": 30000, "pallets": 20, "equipment": "DRY_VAN", "commodity": "Packaged goods",
                 "budget": {"amountMinorUnits": %d, "currency": "USD"}}"""
                .formatted(HUBS.get(from), HUBS.get(to), local(1, 7), local(1, 16), local(2, 6), local(3, 18),
                        150_000 + random.nextInt(100_000));
    }

    static String local(int daysAhead, int hour) {
        return DateTimeFormatter.ISO_ZONED_DATE_TIME.format(
                ZonedDateTime.of(LocalDate.now(CENTRAL).plusDays(daysAhead).atTime(hour, 0), CENTRAL));
    }
}
