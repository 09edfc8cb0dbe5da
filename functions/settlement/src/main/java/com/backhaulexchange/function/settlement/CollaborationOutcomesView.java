package com.backhaulexchange.function.settlement;

import com.backhaulexchange.deal.outcome.OutcomeFigures;
import com.backhaulexchange.settlement.Statement;
import com.backhaulexchange.settlement.collaboration.CollaborationFigures;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The JSON of {@link CollaborationFigures}: miles and kg to one decimal, shares to four, money in minor units. */
record CollaborationOutcomesView(String collaborationId, String from, String to, String dayBoundary,
        List<String> members, TotalsView totals, List<MemberView> byMember, List<PeriodView> settledPeriods) {

    /** The collaboration's bookings counted once, on the truck's side; surplus = earned + saved. */
    record TotalsView(long bookings, long loadsMoved, double loadedMiles, double emptyMilesDriven,
            double baselineEmptyMiles, double emptyMilesAvoided, Double deadheadShareBefore,
            Double deadheadShareAfter, List<AmountView> surplus, List<Co2eView> co2eAvoided) {
    }

    record MemberView(String member, RoleView asCarrier, RoleView asShipper, List<AmountView> surplus) {
    }

    record RoleView(long bookings, double loadedMiles, Double emptyMilesAvoided, List<AmountView> surplus,
            List<Co2eView> co2eAvoided) {
    }

    record AmountView(long amountMinorUnits, String currency) {
    }

    record Co2eView(double kgWellToWheel, double kgTankToWheel, MethodView emissionsMethod) {
    }

    record MethodView(String factorSet, String version) {
    }

    record PeriodView(long periodIndex, String startsAt, String endsAt, String outcome, String currency, String rule,
            Long realisedTotal, Long finalTotal, List<MemberPeriodView> members, Statement.Emissions emissions) {
    }

    record MemberPeriodView(String member, long finalResult, Double emissionsShareKgCo2e) {
    }

    static CollaborationOutcomesView of(CollaborationFigures figures) {
        OutcomeFigures totals = figures.totals();
        return new CollaborationOutcomesView(figures.collaborationId(), figures.query().from().toString(),
                figures.query().to().toString(), "UTC", figures.members().stream().map(member -> member.value())
                        .toList(),
                new TotalsView(totals.bookings(), totals.loadsMoved(), tenths(totals.loadedMiles()),
                        tenths(totals.emptyMilesDriven()), tenths(totals.baselineEmptyMiles()),
                        tenths(totals.emptyMilesAvoided()), share(totals.deadheadShareBefore()),
                        share(totals.deadheadShareAfter()), amounts(figures.surplusMinorUnits()), co2e(totals)),
                figures.byMember().stream().map(member -> new MemberView(member.member().value(),
                        role(member.asCarrier(), true), role(member.asShipper(), false),
                        amounts(member.surplusMinorUnits()))).toList(),
                figures.settledPeriods().stream().map(period -> new PeriodView(period.periodIndex(),
                        period.startsAt().toString(), period.endsAt().toString(), period.outcome(), period.currency(),
                        period.rule(), period.realisedTotal(), period.finalTotal(), period.members().stream()
                                .map(member -> new MemberPeriodView(member.member().value(), member.finalResult(),
                                        member.emissionsShareKgCo2e())).toList(), period.emissions())).toList());
    }

    private static RoleView role(OutcomeFigures figures, boolean carrier) {
        return new RoleView(figures.bookings(), tenths(figures.loadedMiles()),
                carrier ? tenths(figures.emptyMilesAvoided()) : null, amounts(figures.surplusMinorUnits()),
                co2e(figures));
    }

    private static List<AmountView> amounts(Map<String, Long> byCurrency) {
        return new TreeMap<>(byCurrency).entrySet().stream()
                .map(entry -> new AmountView(entry.getValue(), entry.getKey())).toList();
    }

    private static List<Co2eView> co2e(OutcomeFigures figures) {
        return figures.co2eByMethod().entrySet().stream().map(entry -> new Co2eView(
                tenths(entry.getValue().wellToWheel()), tenths(entry.getValue().tankToWheel()),
                new MethodView(entry.getKey().factorSetId(), entry.getKey().factorSetVersion()))).toList();
    }

    private static double tenths(double value) {
        return BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP).doubleValue();
    }

    private static Double share(Double value) {
        return value == null ? null : BigDecimal.valueOf(value).setScale(4, RoundingMode.HALF_UP).doubleValue();
    }
}
