package com.backhaulexchange.adapter.dynamodb;

import static com.backhaulexchange.adapter.dynamodb.AttributeValues.s;

import com.backhaulexchange.deal.network.NetworkCounters;
import com.backhaulexchange.deal.network.NetworkEntry;
import com.backhaulexchange.deal.network.NetworkWeek;
import com.backhaulexchange.deal.network.PlanCounters;
import com.backhaulexchange.deal.outcome.Co2eKg;
import com.backhaulexchange.emissions.EmissionsMethod;
import com.backhaulexchange.matching.MatchingRegion;
import com.backhaulexchange.partner.PartnerId;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * The network counters in AnalyticsTable (infra/table-design.md, ADR 41): one item per ISO week and matching
 * region, {@code pk NETWORK_WEEK#<yyyy-Www>}, {@code sk REGION#<geohash>}, whose top-level number attributes
 * the writes that already happen ADD to (posting, first match, booking, delivery) in their own transactions,
 * and whose string set {@code partners} they ADD their partners to (a set's ADD is idempotent, and the set
 * is bounded by the partners active in one region in one week). Only non-zero counters are written.
 */
final class NetworkItems {
    static final String WEEK = "NETWORK_WEEK#";
    static final String REGION = "REGION#";
    static final String PARTNERS = "partners";
    private static final String SEP = "|";
    private static final String SURPLUS = "surplusMinorUnits";
    private static final String CO2E_WTW = "co2eWtwKg";
    private static final String CO2E_TTW = "co2eTtwKg";
    private static final String PLAN_SURPLUS = "planSurplusMinorUnits";
    private static final String PLAN_BOOKED_SURPLUS = "planBookedSurplusMinorUnits";

    private NetworkItems() {
    }

    static Map<String, AttributeValue> key(NetworkWeek week, MatchingRegion region) {
        return Map.of("pk", s(WEEK + week), "sk", s(REGION + region.value()));
    }

    static TransactWriteItem write(String tableName, NetworkEntry entry) {
        return TransactWriteItem.builder().update(update(tableName, entry)).build();
    }

    /**
     * One write per region-week item: entries of the same item are summed first, as a transaction may hold
     * only one action per item (both lanes of a match are usually in the same region and week).
     */
    static List<TransactWriteItem> writes(String tableName, List<NetworkEntry> entries) {
        Map<String, NetworkEntry> byItem = new LinkedHashMap<>();
        for (NetworkEntry entry : entries) {
            byItem.merge(entry.week() + "/" + entry.region(), entry, (a, b) ->
                    new NetworkEntry(a.region(), a.week(), a.counters().plus(b.counters())));
        }
        return byItem.values().stream().map(entry -> write(tableName, entry)).toList();
    }

    static Update update(String tableName, NetworkEntry entry) {
        Map<String, BigDecimal> counters = counters(entry.counters());
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        StringBuilder add = new StringBuilder();
        int i = 0;
        for (var counter : counters.entrySet()) {
            names.put("#c" + i, counter.getKey());
            values.put(":c" + i, AttributeValue.fromN(counter.getValue().toPlainString()));
            add.append(i == 0 ? "" : ", ").append("#c").append(i).append(" :c").append(i);
            i++;
        }
        if (!entry.counters().partners().isEmpty()) {
            names.put("#p", PARTNERS);
            values.put(":p", AttributeValue.fromSs(entry.counters().partners().stream().map(PartnerId::value)
                    .sorted().toList()));
            add.append(i == 0 ? "" : ", ").append("#p :p");
        }
        values.put(":type", s("NETWORK_WEEK_REGION"));
        return Update.builder().tableName(tableName).key(key(entry.week(), entry.region()))
                .updateExpression("SET entityType = :type"
                        + (add.isEmpty() ? "" : " ADD " + add))
                .expressionAttributeNames(names.isEmpty() ? null : names).expressionAttributeValues(values).build();
    }

    static Map<String, BigDecimal> counters(NetworkCounters c) {
        Map<String, BigDecimal> counters = new TreeMap<>();
        put(counters, "capacityLanesPosted", c.capacityLanesPosted());
        put(counters, "loadLanesPosted", c.loadLanesPosted());
        put(counters, "lanesFirstMatched", c.lanesFirstMatched());
        put(counters, "firstMatchSecondsTotal", c.firstMatchSecondsTotal());
        put(counters, "bookings", c.bookings());
        put(counters, "deliveries", c.deliveries());
        put(counters, "loadedMiles", c.loadedMiles());
        put(counters, "emptyMilesDriven", c.emptyMilesDriven());
        put(counters, "baselineEmptyMiles", c.baselineEmptyMiles());
        put(counters, "emptyMilesAvoided", c.emptyMilesAvoided());
        c.surplusMinorUnits().forEach((currency, amount) -> put(counters, SURPLUS + SEP + currency, amount));
        c.co2eAvoided().forEach((method, kg) -> {
            String of = SEP + method.factorSetId() + SEP + method.factorSetVersion();
            put(counters, CO2E_WTW + of, kg.wellToWheel());
            put(counters, CO2E_TTW + of, kg.tankToWheel());
        });
        PlanCounters plan = c.plan();
        put(counters, "plansStored", plan.plansStored());
        put(counters, "planOptionsRecommended", plan.optionsRecommended());
        put(counters, "planPackagesRecommended", plan.packagesRecommended());
        put(counters, "planLoadsRecommended", plan.loadsRecommended());
        put(counters, "planEmptyMilesAvoided", plan.emptyMilesAvoidedPlanned());
        plan.surplusPlannedMinorUnits().forEach((currency, amount) ->
                put(counters, PLAN_SURPLUS + SEP + currency, amount));
        put(counters, "planOptionsBooked", plan.recommendedOptionsBooked());
        put(counters, "planLoadsBooked", plan.recommendedLoadsBooked());
        put(counters, "planBookedEmptyMilesAvoided", plan.emptyMilesAvoidedBookedOfPlan());
        plan.surplusBookedOfPlanMinorUnits().forEach((currency, amount) ->
                put(counters, PLAN_BOOKED_SURPLUS + SEP + currency, amount));
        return counters;
    }

    private static void put(Map<String, BigDecimal> counters, String name, double value) {
        if (value != 0) {
            counters.put(name, BigDecimal.valueOf(value));
        }
    }

    private static void put(Map<String, BigDecimal> counters, String name, long value) {
        if (value != 0) {
            counters.put(name, BigDecimal.valueOf(value));
        }
    }

    /** The counters an item holds (attributes this release does not know are skipped). */
    static NetworkEntry entryFrom(Map<String, AttributeValue> item) {
        NetworkWeek week = NetworkWeek.parse(item.get("pk").s().substring(WEEK.length()));
        MatchingRegion region = MatchingRegion.parse(item.get("sk").s().substring(REGION.length()));
        Map<String, Long> surplus = new TreeMap<>();
        Map<String, Long> planSurplus = new TreeMap<>();
        Map<String, Long> planBookedSurplus = new TreeMap<>();
        long[] plan = new long[6];
        double[] planMiles = new double[2];
        Map<EmissionsMethod, double[]> co2e = new LinkedHashMap<>();
        long[] whole = new long[6];
        double[] miles = new double[4];
        Set<PartnerId> partners = new HashSet<>();
        for (var attribute : item.entrySet()) {
            AttributeValue value = attribute.getValue();
            if (attribute.getKey().equals(PARTNERS) && value.hasSs()) {
                value.ss().forEach(id -> partners.add(new PartnerId(id)));
                continue;
            }
            if (value.n() == null) {
                continue;
            }
            BigDecimal number = new BigDecimal(value.n());
            String[] parts = attribute.getKey().split("\\" + SEP, -1);
            switch (parts[0]) {
                case "capacityLanesPosted" -> whole[0] = number.longValueExact();
                case "loadLanesPosted" -> whole[1] = number.longValueExact();
                case "lanesFirstMatched" -> whole[2] = number.longValueExact();
                case "firstMatchSecondsTotal" -> whole[3] = number.longValueExact();
                case "bookings" -> whole[4] = number.longValueExact();
                case "deliveries" -> whole[5] = number.longValueExact();
                case "loadedMiles" -> miles[0] = number.doubleValue();
                case "emptyMilesDriven" -> miles[1] = number.doubleValue();
                case "baselineEmptyMiles" -> miles[2] = number.doubleValue();
                case "emptyMilesAvoided" -> miles[3] = number.doubleValue();
                case SURPLUS -> {
                    if (parts.length == 2) {
                        surplus.put(parts[1], number.longValueExact());
                    }
                }
                case "plansStored" -> plan[0] = number.longValueExact();
                case "planOptionsRecommended" -> plan[1] = number.longValueExact();
                case "planPackagesRecommended" -> plan[2] = number.longValueExact();
                case "planLoadsRecommended" -> plan[3] = number.longValueExact();
                case "planOptionsBooked" -> plan[4] = number.longValueExact();
                case "planLoadsBooked" -> plan[5] = number.longValueExact();
                case "planEmptyMilesAvoided" -> planMiles[0] = number.doubleValue();
                case "planBookedEmptyMilesAvoided" -> planMiles[1] = number.doubleValue();
                case PLAN_SURPLUS -> {
                    if (parts.length == 2) {
                        planSurplus.put(parts[1], number.longValueExact());
                    }
                }
                case PLAN_BOOKED_SURPLUS -> {
                    if (parts.length == 2) {
                        planBookedSurplus.put(parts[1], number.longValueExact());
                    }
                }
                case CO2E_WTW, CO2E_TTW -> {
                    if (parts.length == 3) {
                        double[] kg = co2e.computeIfAbsent(new EmissionsMethod(parts[1], parts[2]), m -> new double[2]);
                        kg[parts[0].equals(CO2E_WTW) ? 0 : 1] = number.doubleValue();
                    }
                }
                default -> {
                    // a counter a later release added: not this code's to read
                }
            }
        }
        Map<EmissionsMethod, Co2eKg> kg = new LinkedHashMap<>();
        co2e.forEach((method, values) -> kg.put(method, new Co2eKg(values[0], values[1])));
        return new NetworkEntry(region, week, new NetworkCounters(whole[0], whole[1], whole[2], whole[3], whole[4],
                whole[5], miles[0], miles[1], miles[2], miles[3], surplus, kg, partners,
                new PlanCounters(plan[0], plan[1], plan[2], plan[3], planMiles[0], planSurplus, plan[4], plan[5],
                        planMiles[1], planBookedSurplus)));
    }
}
