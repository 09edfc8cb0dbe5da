package com.backhaulexchange.benchmarks.matching;

import com.backhaulexchange.gazetteer.GazetteerEntry;
import com.backhaulexchange.kernel.equipment.EquipmentType;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/**
 * What the benchmarks' lane generators (the matching book, the reload-chains network) draw alike from one seeded
 * random: ULID-shaped ids, an equipment type by its share of postings, the day a posting starts, and a planning
 * drive time. Sharing the random keeps each generator's sequence of draws, so a seed gives the same lanes.
 */
public final class SyntheticLanes {
    private static final char[] CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final double PLANNING_SPEED_MPH = 50;
    /** Equipment and its share of postings, in per mille. */
    private static final Map<EquipmentType, Integer> EQUIPMENT_MIX = equipmentMix();

    private final Random random;
    private final Instant now;
    private int sequence;

    public SyntheticLanes(Random random, Instant now) {
        this.random = random;
        this.now = now;
    }

    /** The next midnight after {@code now} in the city's time zone. */
    public ZonedDateTime startOfDay(GazetteerEntry city) {
        return now.atZone(UsCities.zoneOf(city)).truncatedTo(ChronoUnit.DAYS).plusDays(1);
    }

    public EquipmentType equipment() {
        int ticket = random.nextInt(1_000);
        for (var share : EQUIPMENT_MIX.entrySet()) {
            ticket -= share.getValue();
            if (ticket < 0) {
                return share.getKey();
            }
        }
        return EquipmentType.DRY_VAN;
    }

    /** Driving at 50 mph with a 10-hour rest after each 11 hours, plus 2 hours at the stops. */
    public static Duration timeToDrive(double roadMiles) {
        double driving = roadMiles / PLANNING_SPEED_MPH;
        double rests = Math.floor(driving / 11) * 10.5;
        return Duration.ofMinutes((long) Math.ceil((driving + rests + 2) * 60));
    }

    /** A ULID-shaped id from the seeded random (the production ids are ULIDs: time plus randomness). */
    public String ulid() {
        StringBuilder id = new StringBuilder(26).append("01");
        long counter = sequence++;
        for (int i = 0; i < 8; i++) {
            id.append(CROCKFORD[(int) ((counter >>> (5 * (7 - i))) & 31)]);
        }
        while (id.length() < 26) {
            id.append(CROCKFORD[random.nextInt(32)]);
        }
        return id.toString();
    }

    private static Map<EquipmentType, Integer> equipmentMix() {
        Map<EquipmentType, Integer> mix = new LinkedHashMap<>();
        mix.put(EquipmentType.DRY_VAN, 550);
        mix.put(EquipmentType.REEFER, 200);
        mix.put(EquipmentType.FLATBED, 120);
        mix.put(EquipmentType.STEP_DECK, 40);
        mix.put(EquipmentType.CONESTOGA, 20);
        mix.put(EquipmentType.POWER_ONLY, 30);
        mix.put(EquipmentType.TANKER, 20);
        mix.put(EquipmentType.BOX_TRUCK, 20);
        return mix;
    }
}
