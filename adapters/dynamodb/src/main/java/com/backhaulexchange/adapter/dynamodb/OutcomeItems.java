package com.backhaulexchange.adapter.dynamodb;

import static com.backhaulexchange.adapter.dynamodb.AttributeValues.s;

import com.backhaulexchange.deal.outcome.Co2eKg;
import com.backhaulexchange.deal.outcome.DayLedger;
import com.backhaulexchange.deal.outcome.DeliveredOutcome;
import com.backhaulexchange.deal.outcome.LanePair;
import com.backhaulexchange.deal.outcome.LanePairDay;
import com.backhaulexchange.deal.outcome.LedgerEntry;
import com.backhaulexchange.deal.outcome.OutcomeFigures;
import com.backhaulexchange.deal.outcome.OutcomeRole;
import com.backhaulexchange.emissions.EmissionsMethod;
import com.backhaulexchange.partner.PartnerId;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * The outcome ledger in NegotiationsTable (infra/table-design.md, ADR 26): one item per partner and UTC day,
 * {@code pk OUTCOME#<partnerId>}, {@code sk DAY#<yyyy-MM-dd>}, whose counters a delivery ADDs to in the
 * delivery's own transaction. A counter is a top-level number named {@code <ROLE>|total|<figure>} or
 * {@code <ROLE>|cp|<counterpartyId>|<figure>}, where a figure is {@code bookings}, {@code loadsMoved}, a miles
 * figure, {@code surplusMinorUnits|<currency>} or {@code co2eWtwKg|<factorSet>|<version>} (and
 * {@code co2eTtwKg|...}): top-level because ADD cannot create a nested map, and so the counterparty breakdown
 * lives in the day's one item and a report reads one item per day.
 *
 * <p>The lane pairs (ADR 45) are not in the day's item, which would grow with every lane pair of the day and make
 * each delivery's update dearer: one small item per partner, day and lane pair, {@code sk
 * LANE#<yyyy-MM-dd>#<origin>#<destination>}, whose counters are {@code <ROLE>|<figure>}, ADDed in the same
 * transaction. Under the same partition, so a partner's lane pairs are one {@code Query} of its own items.
 */
final class OutcomeItems {
    static final String PREFIX = "OUTCOME#";
    static final String DAY = "DAY#";
    static final String LANE_PAIR_DAY = "LANE#";
    /** Sorts after every lane pair of a day and before the next day: the end of a range's key condition. */
    static final String AFTER_THE_DAYS_LANE_PAIRS = "~";
    private static final String KEY_SEP = "#";
    private static final String SEP = "|";
    private static final String TOTAL = "total";
    private static final String COUNTERPARTY = "cp";

    private OutcomeItems() {
    }

    static Map<String, AttributeValue> key(PartnerId partner, LocalDate day) {
        return Map.of(DynamoDbDealStore.PK, s(PREFIX + partner.value()), DynamoDbDealStore.SK, s(DAY + day));
    }

    static Map<String, AttributeValue> lanePairKey(PartnerId partner, LocalDate day, LanePair lanePair) {
        return Map.of(DynamoDbDealStore.PK, s(PREFIX + partner.value()), DynamoDbDealStore.SK,
                s(LANE_PAIR_DAY + day + KEY_SEP + lanePair.origin() + KEY_SEP + lanePair.destination()));
    }

    /**
     * A delivery's updates: one ADD per partner of its day item and one of its lane-pair day item (a partner on
     * both sides of a booking gets one of each, not two).
     */
    static List<Update> updates(String tableName, DeliveredOutcome outcome) {
        List<Update> updates = new ArrayList<>(updates(tableName, outcome.entries()));
        Map<Map<String, AttributeValue>, Map<String, BigDecimal>> counters = new LinkedHashMap<>();
        for (LedgerEntry entry : outcome.entries()) {
            Map<String, BigDecimal> item = counters.computeIfAbsent(
                    lanePairKey(entry.partner(), entry.day(), outcome.lanePair()), key -> new TreeMap<>());
            add(item, entry.role().name(), entry.figures());
        }
        counters.forEach((key, item) -> updates.add(update(tableName, key, item, "OUTCOME_LANE_PAIR_DAY")));
        return updates;
    }

    /** One ADD update per partner and day (a partner on both sides of a booking gets one update, not two). */
    static List<Update> updates(String tableName, List<LedgerEntry> entries) {
        Map<Map<String, AttributeValue>, Map<String, BigDecimal>> counters = new LinkedHashMap<>();
        for (LedgerEntry entry : entries) {
            Map<String, BigDecimal> item = counters.computeIfAbsent(key(entry.partner(), entry.day()),
                    key -> new TreeMap<>());
            String role = entry.role().name();
            add(item, role + SEP + TOTAL, entry.figures());
            add(item, role + SEP + COUNTERPARTY + SEP + entry.counterparty().value(), entry.figures());
        }
        return counters.entrySet().stream()
                .map(item -> update(tableName, item.getKey(), item.getValue(), "OUTCOME_DAY")).toList();
    }

    private static Update update(String tableName, Map<String, AttributeValue> key, Map<String, BigDecimal> counters,
            String entityType) {
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
        values.put(":type", s(entityType));
        return Update.builder().tableName(tableName).key(key)
                .updateExpression("SET entityType = :type ADD " + add)
                .expressionAttributeNames(names).expressionAttributeValues(values).build();
    }

    private static void add(Map<String, BigDecimal> item, String prefix, OutcomeFigures figures) {
        put(item, prefix + SEP + "bookings", BigDecimal.valueOf(figures.bookings()));
        put(item, prefix + SEP + "loadsMoved", BigDecimal.valueOf(figures.loadsMoved()));
        put(item, prefix + SEP + "loadedMiles", BigDecimal.valueOf(figures.loadedMiles()));
        put(item, prefix + SEP + "emptyMilesDriven", BigDecimal.valueOf(figures.emptyMilesDriven()));
        put(item, prefix + SEP + "baselineEmptyMiles", BigDecimal.valueOf(figures.baselineEmptyMiles()));
        put(item, prefix + SEP + "emptyMilesAvoided", BigDecimal.valueOf(figures.emptyMilesAvoided()));
        figures.surplusMinorUnits().forEach((currency, amount) ->
                put(item, prefix + SEP + "surplusMinorUnits" + SEP + currency, BigDecimal.valueOf(amount)));
        figures.co2eAvoided().forEach((method, kg) -> {
            String of = SEP + method.factorSetId() + SEP + method.factorSetVersion();
            put(item, prefix + SEP + "co2eWtwKg" + of, BigDecimal.valueOf(kg.wellToWheel()));
            put(item, prefix + SEP + "co2eTtwKg" + of, BigDecimal.valueOf(kg.tankToWheel()));
        });
    }

    private static void put(Map<String, BigDecimal> item, String name, BigDecimal value) {
        item.merge(name, value, BigDecimal::add);
    }

    /** The day ledger an item holds (unknown attributes, such as a later release's figures, are skipped). */
    static DayLedger dayFrom(Map<String, AttributeValue> item) {
        LocalDate day = LocalDate.parse(item.get(DynamoDbDealStore.SK).s().substring(DAY.length()));
        Map<OutcomeRole, Builder> totals = new EnumMap<>(OutcomeRole.class);
        Map<OutcomeRole, Map<PartnerId, Builder>> parties = new EnumMap<>(OutcomeRole.class);
        for (var attribute : item.entrySet()) {
            String[] parts = attribute.getKey().split("\\" + SEP, -1);
            if (parts.length < 3 || attribute.getValue().n() == null || !isRole(parts[0])) {
                continue;
            }
            OutcomeRole role = OutcomeRole.valueOf(parts[0]);
            BigDecimal value = new BigDecimal(attribute.getValue().n());
            if (parts[1].equals(TOTAL)) {
                totals.computeIfAbsent(role, r -> new Builder()).set(parts, 2, value);
            } else if (parts[1].equals(COUNTERPARTY) && parts.length >= 4) {
                parties.computeIfAbsent(role, r -> new LinkedHashMap<>())
                        .computeIfAbsent(new PartnerId(parts[2]), p -> new Builder()).set(parts, 3, value);
            }
        }
        Map<OutcomeRole, OutcomeFigures> totalFigures = new EnumMap<>(OutcomeRole.class);
        totals.forEach((role, builder) -> totalFigures.put(role, builder.build()));
        Map<OutcomeRole, Map<PartnerId, OutcomeFigures>> partyFigures = new EnumMap<>(OutcomeRole.class);
        parties.forEach((role, byParty) -> {
            Map<PartnerId, OutcomeFigures> figures = new LinkedHashMap<>();
            byParty.forEach((party, builder) -> figures.put(party, builder.build()));
            partyFigures.put(role, figures);
        });
        return new DayLedger(day, totalFigures, partyFigures);
    }

    /** The lane-pair day an item holds (unknown attributes are skipped, as in a day's item). */
    static LanePairDay lanePairDayFrom(Map<String, AttributeValue> item) {
        String[] key = item.get(DynamoDbDealStore.SK).s().substring(LANE_PAIR_DAY.length()).split(KEY_SEP, -1);
        Map<OutcomeRole, Builder> roles = new EnumMap<>(OutcomeRole.class);
        for (var attribute : item.entrySet()) {
            String[] parts = attribute.getKey().split("\\" + SEP, -1);
            if (parts.length < 2 || attribute.getValue().n() == null || !isRole(parts[0])) {
                continue;
            }
            roles.computeIfAbsent(OutcomeRole.valueOf(parts[0]), r -> new Builder())
                    .set(parts, 1, new BigDecimal(attribute.getValue().n()));
        }
        Map<OutcomeRole, OutcomeFigures> figures = new EnumMap<>(OutcomeRole.class);
        roles.forEach((role, builder) -> figures.put(role, builder.build()));
        return new LanePairDay(LocalDate.parse(key[0]), new LanePair(key[1], key[2]), figures);
    }

    private static boolean isRole(String name) {
        for (OutcomeRole role : OutcomeRole.values()) {
            if (role.name().equals(name)) {
                return true;
            }
        }
        return false;
    }

    private static final class Builder {
        private long bookings;
        private long loadsMoved;
        private double loadedMiles;
        private double emptyMilesDriven;
        private double baselineEmptyMiles;
        private double emptyMilesAvoided;
        private final Map<String, Long> surplus = new TreeMap<>();
        private final Map<EmissionsMethod, double[]> co2e = new LinkedHashMap<>();

        void set(String[] parts, int at, BigDecimal value) {
            switch (parts[at]) {
                case "bookings" -> bookings = value.longValueExact();
                case "loadsMoved" -> loadsMoved = value.longValueExact();
                case "loadedMiles" -> loadedMiles = value.doubleValue();
                case "emptyMilesDriven" -> emptyMilesDriven = value.doubleValue();
                case "baselineEmptyMiles" -> baselineEmptyMiles = value.doubleValue();
                case "emptyMilesAvoided" -> emptyMilesAvoided = value.doubleValue();
                case "surplusMinorUnits" -> {
                    if (parts.length > at + 1) {
                        surplus.put(parts[at + 1], value.longValueExact());
                    }
                }
                case "co2eWtwKg", "co2eTtwKg" -> {
                    if (parts.length > at + 2) {
                        double[] kg = co2e.computeIfAbsent(new EmissionsMethod(parts[at + 1], parts[at + 2]),
                                m -> new double[2]);
                        kg[parts[at].equals("co2eWtwKg") ? 0 : 1] = value.doubleValue();
                    }
                }
                default -> {
                    // a figure a later release added: not this code's to read
                }
            }
        }

        OutcomeFigures build() {
            Map<EmissionsMethod, Co2eKg> kg = new LinkedHashMap<>();
            co2e.forEach((method, values) -> kg.put(method, new Co2eKg(values[0], values[1])));
            return new OutcomeFigures(bookings, loadsMoved, loadedMiles, emptyMilesDriven, baselineEmptyMiles,
                    emptyMilesAvoided, surplus, kg);
        }
    }
}
