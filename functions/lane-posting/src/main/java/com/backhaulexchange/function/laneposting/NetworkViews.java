package com.backhaulexchange.function.laneposting;

import com.backhaulexchange.adapter.json.MoneyView;
import com.backhaulexchange.deal.network.NetworkCounters;
import com.backhaulexchange.deal.network.NetworkFigures;
import com.backhaulexchange.deal.network.NetworkWeek;
import com.backhaulexchange.deal.network.PlanCounters;
import com.backhaulexchange.deal.network.ReloadOutlook;
import com.backhaulexchange.deal.outcome.Co2eKg;
import com.backhaulexchange.emissions.EmissionsMethod;
import com.backhaulexchange.kernel.geo.Place;
import com.backhaulexchange.kernel.money.Money;
import com.backhaulexchange.matching.MatchingRegion;
import com.backhaulexchange.matching.OptimisationPlan;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** The network figures and reload outlook as JSON (records) and CSV (ADR 41). */
final class NetworkViews {
    private NetworkViews() {
    }

    // ---------------------------------------------------------------- operator figures

    record FiguresView(String from, String to, String region, List<RegionView> regions, Figures total) {
    }

    record RegionView(String region, List<WeekView> weeks, Figures total, PlanView optimiserPlan) {
    }

    record WeekView(String week, Figures figures) {
    }

    /** The latest stored plan of the region, computed in the range, against what was delivered in the range. */
    record PlanView(Instant computedAt, List<MoneyView> planSurplus, List<MoneyView> deliveredSurplus) {
    }

    record Figures(long capacityLanesPosted, long loadLanesPosted, long lanesMatched,
            @JsonInclude(JsonInclude.Include.ALWAYS) Double matchRate,
            @JsonInclude(JsonInclude.Include.ALWAYS) Double meanSecondsToFirstMatch, long bookings,
            @JsonInclude(JsonInclude.Include.ALWAYS) Double bookingConversion, long deliveries, double loadedMiles,
            double emptyMilesDriven, double baselineEmptyMiles, double emptyMilesAvoided,
            @JsonInclude(JsonInclude.Include.ALWAYS) Double emptyMileShareBefore,
            @JsonInclude(JsonInclude.Include.ALWAYS) Double emptyMileShareAfter, int distinctPartners,
            List<MoneyView> surplus, List<Co2eView> co2eAvoided, PlanAgainstBooked planAgainstBooked) {

        static Figures of(NetworkCounters c) {
            return new Figures(c.capacityLanesPosted(), c.loadLanesPosted(), c.lanesFirstMatched(), c.matchRate(),
                    c.meanSecondsToFirstMatch(), c.bookings(), c.bookingConversion(), c.deliveries(),
                    c.loadedMiles(), c.emptyMilesDriven(), c.baselineEmptyMiles(), c.emptyMilesAvoided(),
                    c.emptyMileShareBefore(), c.emptyMileShareAfter(), c.partners().size(), money(c.surplusByCurrency()),
                    co2e(c.co2eAvoided()), PlanAgainstBooked.of(c));
        }
    }

    /**
     * The optimiser's plan against what was booked (ADR 48): the options the week's plans recommended (each
     * once), their loads, empty miles avoided and surplus; the bookings of recommended options; the shares; and
     * what was delivered, beside the plan's.
     */
    record PlanAgainstBooked(long plansStored, long optionsRecommended, long pairsRecommended,
            long packagesRecommended, long loadsRecommended, double plannedEmptyMilesAvoided,
            List<MoneyView> plannedSurplus, long bookings, long recommendedOptionsBooked,
            long recommendedLoadsBooked, double bookedEmptyMilesAvoidedOfPlan, List<MoneyView> bookedSurplusOfPlan,
            @JsonInclude(JsonInclude.Include.ALWAYS) Double shareOfPlanBooked,
            @JsonInclude(JsonInclude.Include.ALWAYS) Double shareOfBookingsFollowingPlan,
            double deliveredEmptyMilesAvoided, List<MoneyView> deliveredSurplus) {

        static PlanAgainstBooked of(NetworkCounters c) {
            PlanCounters plan = c.plan();
            return new PlanAgainstBooked(plan.plansStored(), plan.optionsRecommended(), plan.pairsRecommended(),
                    plan.packagesRecommended(), plan.loadsRecommended(), plan.emptyMilesAvoidedPlanned(),
                    money(plan.surplusPlannedByCurrency()), c.bookings(), plan.recommendedOptionsBooked(),
                    plan.recommendedLoadsBooked(), plan.emptyMilesAvoidedBookedOfPlan(),
                    money(plan.surplusBookedOfPlanByCurrency()), plan.shareOfPlanBooked(),
                    c.shareOfBookingsFollowingPlan(), c.emptyMilesAvoided(), money(c.surplusByCurrency()));
        }
    }

    record Co2eView(double kgWellToWheel, double kgTankToWheel, String factorSet, String version) {
    }

    static FiguresView of(NetworkFigures figures, MatchingRegion asked, Map<MatchingRegion, OptimisationPlan> plans) {
        List<RegionView> regions = new ArrayList<>();
        figures.byRegion().forEach((region, total) -> {
            List<WeekView> weeks = figures.rows().stream().filter(row -> row.region().equals(region))
                    .map(row -> new WeekView(row.week().toString(), Figures.of(row.counters()))).toList();
            OptimisationPlan plan = plans.get(region);
            PlanView planView = plan == null ? null : new PlanView(plan.computedAt(),
                    plan.totalSurplus().stream().map(MoneyView::of).toList(), money(total.surplusByCurrency()));
            regions.add(new RegionView(region.value(), weeks, Figures.of(total), planView));
        });
        return new FiguresView(figures.from().toString(), figures.to().toString(),
                asked == null ? null : asked.value(), regions, Figures.of(figures.total()));
    }

    private static List<MoneyView> money(Map<String, Long> byCurrency) {
        return new TreeMap<>(byCurrency).entrySet().stream()
                .map(e -> MoneyView.of(Money.of(e.getValue(), e.getKey()))).toList();
    }

    private static List<Co2eView> co2e(Map<EmissionsMethod, Co2eKg> byMethod) {
        return byMethod.entrySet().stream()
                .sorted(Comparator.comparing((Map.Entry<EmissionsMethod, Co2eKg> e) -> e.getKey().factorSetId())
                        .thenComparing(e -> e.getKey().factorSetVersion()))
                .map(e -> new Co2eView(e.getValue().wellToWheel(), e.getValue().tankToWheel(),
                        e.getKey().factorSetId(), e.getKey().factorSetVersion())).toList();
    }

    /** RFC 4180 CSV, one row per region, week (or TOTAL) and figure. */
    static String csv(FiguresView view) {
        StringBuilder csv = new StringBuilder("region,week,figure,value,unit\r\n");
        for (RegionView region : view.regions()) {
            for (WeekView week : region.weeks()) {
                rows(csv, region.region(), week.week(), week.figures());
            }
            rows(csv, region.region(), "TOTAL", region.total());
        }
        rows(csv, "TOTAL", "TOTAL", view.total());
        return csv.toString();
    }

    private static void rows(StringBuilder csv, String region, String week, Figures f) {
        String prefix = region + "," + week + ",";
        row(csv, prefix, "capacityLanesPosted", Long.toString(f.capacityLanesPosted()), "count");
        row(csv, prefix, "loadLanesPosted", Long.toString(f.loadLanesPosted()), "count");
        row(csv, prefix, "lanesMatched", Long.toString(f.lanesMatched()), "count");
        row(csv, prefix, "matchRate", number(f.matchRate()), "ratio");
        row(csv, prefix, "meanSecondsToFirstMatch", number(f.meanSecondsToFirstMatch()), "s");
        row(csv, prefix, "bookings", Long.toString(f.bookings()), "count");
        row(csv, prefix, "bookingConversion", number(f.bookingConversion()), "ratio");
        row(csv, prefix, "deliveries", Long.toString(f.deliveries()), "count");
        row(csv, prefix, "loadedMiles", number(f.loadedMiles()), "mi");
        row(csv, prefix, "emptyMilesDriven", number(f.emptyMilesDriven()), "mi");
        row(csv, prefix, "baselineEmptyMiles", number(f.baselineEmptyMiles()), "mi");
        row(csv, prefix, "emptyMilesAvoided", number(f.emptyMilesAvoided()), "mi");
        row(csv, prefix, "emptyMileShareBefore", number(f.emptyMileShareBefore()), "ratio");
        row(csv, prefix, "emptyMileShareAfter", number(f.emptyMileShareAfter()), "ratio");
        row(csv, prefix, "distinctPartners", Integer.toString(f.distinctPartners()), "count");
        f.surplus().forEach(m -> row(csv, prefix, "surplus", Long.toString(m.amountMinorUnits()),
                m.currency() + " minor units"));
        f.co2eAvoided().forEach(c -> row(csv, prefix, "co2eAvoidedWellToWheel", number(c.kgWellToWheel()),
                "kg " + c.factorSet() + " " + c.version()));
        PlanAgainstBooked p = f.planAgainstBooked();
        row(csv, prefix, "planPlansStored", Long.toString(p.plansStored()), "count");
        row(csv, prefix, "planOptionsRecommended", Long.toString(p.optionsRecommended()), "count");
        row(csv, prefix, "planPairsRecommended", Long.toString(p.pairsRecommended()), "count");
        row(csv, prefix, "planPackagesRecommended", Long.toString(p.packagesRecommended()), "count");
        row(csv, prefix, "planLoadsRecommended", Long.toString(p.loadsRecommended()), "count");
        row(csv, prefix, "planEmptyMilesAvoided", number(p.plannedEmptyMilesAvoided()), "mi");
        p.plannedSurplus().forEach(m -> row(csv, prefix, "planSurplus", Long.toString(m.amountMinorUnits()),
                m.currency() + " minor units"));
        row(csv, prefix, "planOptionsBooked", Long.toString(p.recommendedOptionsBooked()), "count");
        row(csv, prefix, "planLoadsBooked", Long.toString(p.recommendedLoadsBooked()), "count");
        row(csv, prefix, "planBookedEmptyMilesAvoided", number(p.bookedEmptyMilesAvoidedOfPlan()), "mi");
        p.bookedSurplusOfPlan().forEach(m -> row(csv, prefix, "planBookedSurplus",
                Long.toString(m.amountMinorUnits()), m.currency() + " minor units"));
        row(csv, prefix, "shareOfPlanBooked", number(p.shareOfPlanBooked()), "ratio");
        row(csv, prefix, "shareOfBookingsFollowingPlan", number(p.shareOfBookingsFollowingPlan()), "ratio");
    }

    private static void row(StringBuilder csv, String prefix, String figure, String value, String unit) {
        csv.append(prefix).append(figure).append(',').append(value).append(',').append(unit).append("\r\n");
    }

    private static String number(Double value) {
        return value == null ? "" : String.format(Locale.ROOT, "%.6f", value);
    }

    // ---------------------------------------------------------------- carriers' reload outlook

    record OutlookView(NearView near, WindowView window, int maxOriginDeadheadMiles, List<String> regions,
            SampleWeeksView sampleWeeks, boolean withheld, String reason, Integer k, EstimateView estimate) {
    }

    record NearView(double latitudeDegrees, double longitudeDegrees, String label) {
    }

    record WindowView(LocalDate from, LocalDate to, int days) {
    }

    record SampleWeeksView(String from, String to, int weeks) {
    }

    record EstimateView(double expectedLoadsPerDay, double expectedLoadsInWindow, double probabilityOfAtLeastOneLoad,
            String probabilityMethod, long loadLanesPosted, long capacityLanesPosted, long capacityLanesBooked,
            @JsonInclude(JsonInclude.Include.ALWAYS) Double bookedShare, IntervalView bookedShareInterval95,
            int distinctPartners) {
    }

    record IntervalView(double low, double high, String method) {
    }

    static OutlookView of(Place near, LocalDate from, LocalDate to, int days, int maxOriginDeadheadMiles,
            List<MatchingRegion> regions, NetworkWeek firstWeek, NetworkWeek lastWeek, ReloadOutlook outlook) {
        var nearView = new NearView(near.coordinates().latitudeDegrees(), near.coordinates().longitudeDegrees(),
                near.label());
        var window = new WindowView(from, to, days);
        var sample = new SampleWeeksView(firstWeek.toString(), lastWeek.toString(), ReloadOutlook.SAMPLE_WEEKS);
        List<String> cells = regions.stream().map(MatchingRegion::value).toList();
        return switch (outlook) {
            case ReloadOutlook.Withheld withheld -> new OutlookView(nearView, window, maxOriginDeadheadMiles, cells,
                    sample, true, withheld.reasonCode(), withheld.k(), null);
            case ReloadOutlook.Shown shown -> new OutlookView(nearView, window, maxOriginDeadheadMiles, cells, sample,
                    false, null, null, new EstimateView(shown.expectedLoadsPerDay(), shown.expectedLoadsInWindow(),
                            shown.probabilityOfAtLeastOneLoad(), "POISSON_AT_SAMPLE_POSTING_RATE",
                            shown.loadLanesPosted(), shown.capacityLanesPosted(), shown.capacityLanesBooked(),
                            shown.bookedShare(), shown.bookedShareLow95() == null ? null
                                    : new IntervalView(shown.bookedShareLow95(), shown.bookedShareHigh95(), "WILSON"),
                            shown.distinctPartners()));
        };
    }
}
