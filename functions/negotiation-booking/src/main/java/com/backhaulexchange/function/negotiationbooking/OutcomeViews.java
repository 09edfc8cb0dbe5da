package com.backhaulexchange.function.negotiationbooking;

import com.backhaulexchange.deal.outcome.OutcomeFigures;
import com.backhaulexchange.deal.outcome.OutcomeReport;
import com.backhaulexchange.deal.outcome.OutcomeRole;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;

/**
 * The outcomes report as the API shows it (the {@code OutcomeReport} schema): miles and kilograms to one
 * decimal, shares to four, money exact in minor units by currency; a shipper's report leaves out the truck's
 * miles (they are the carrier's figures), and every CO₂e figure names its factor set and version. The deliveries
 * recorded before lane pairs were counted are {@code lanePairNotRecorded}, absent when there are none.
 */
final class OutcomeViews {

    record ReportView(String partnerId, String from, String to, String granularity, String dayBoundary,
            List<RoleView> roles) {
    }

    record RoleView(String role, FiguresView totals, List<PeriodView> series, List<CounterpartyView> byCounterparty,
            List<LanePairView> byLanePair, FiguresView lanePairNotRecorded) {
    }

    record PeriodView(String start, String end, FiguresView figures) {
    }

    record CounterpartyView(String partnerId, FiguresView figures) {
    }

    record LanePairView(String origin, String destination, FiguresView figures) {
    }

    record FiguresView(long bookings, long loadsMoved, double loadedMiles, Double emptyMilesDriven,
            Double baselineEmptyMiles, Double emptyMilesAvoided, Double deadheadShareBefore, Double deadheadShareAfter,
            String surplusKind, List<AmountView> surplus, List<Co2eView> co2eAvoided) {
    }

    record AmountView(long amountMinorUnits, String currency) {
    }

    record Co2eView(double kgWellToWheel, double kgTankToWheel, EmissionsMethodView emissionsMethod) {
    }

    record EmissionsMethodView(String factorSet, String version) {
    }

    private OutcomeViews() {
    }

    static ReportView of(OutcomeReport report) {
        return new ReportView(report.partner().value(), report.query().from().toString(),
                report.query().to().toString(), report.query().granularity().name(), "UTC",
                report.roles().stream().map(OutcomeViews::role).toList());
    }

    private static RoleView role(OutcomeReport.RoleReport role) {
        OutcomeRole outcomeRole = role.role();
        return new RoleView(outcomeRole.name(), figures(outcomeRole, role.totals()),
                role.series().stream().map(period -> new PeriodView(period.start().toString(),
                        period.end().toString(), figures(outcomeRole, period.figures()))).toList(),
                role.byCounterparty().stream().map(party -> new CounterpartyView(party.partner().value(),
                        figures(outcomeRole, party.figures()))).toList(),
                role.byLanePair().stream().map(lane -> new LanePairView(lane.lanePair().origin(),
                        lane.lanePair().destination(), figures(outcomeRole, lane.figures()))).toList(),
                role.lanePairNotRecorded().bookings() == 0 ? null : figures(outcomeRole, role.lanePairNotRecorded()));
    }

    static FiguresView figures(OutcomeRole role, OutcomeFigures figures) {
        boolean carrier = role == OutcomeRole.CARRIER;
        return new FiguresView(figures.bookings(), figures.loadsMoved(), tenths(figures.loadedMiles()),
                carrier ? tenths(figures.emptyMilesDriven()) : null,
                carrier ? tenths(figures.baselineEmptyMiles()) : null,
                carrier ? tenths(figures.emptyMilesAvoided()) : null,
                carrier ? share(figures.deadheadShareBefore()) : null,
                carrier ? share(figures.deadheadShareAfter()) : null,
                carrier ? "EARNED" : "SAVED",
                figures.surplusByCurrency().entrySet().stream()
                        .map(entry -> new AmountView(entry.getValue(), entry.getKey())).toList(),
                figures.co2eByMethod().entrySet().stream().map(entry -> new Co2eView(
                        tenths(entry.getValue().wellToWheel()), tenths(entry.getValue().tankToWheel()),
                        new EmissionsMethodView(entry.getKey().factorSetId(), entry.getKey().factorSetVersion())))
                        .toList());
    }

    /**
     * RFC 4180, one row per figure: {@code role,section,period,counterparty,figure,value,unit,laneOrigin,
     * laneDestination}; section is TOTAL, SERIES, COUNTERPARTY, LANE_PAIR or LANE_PAIR_NOT_RECORDED. The lane
     * pair's columns come last, so that a reader of the first seven columns reads them as before.
     */
    static String csv(OutcomeReport report) {
        StringBuilder csv = new StringBuilder(
                "role,section,period,counterparty,figure,value,unit,laneOrigin,laneDestination\r\n");
        String range = report.query().from() + "/" + report.query().to();
        for (OutcomeReport.RoleReport role : report.roles()) {
            String name = role.role().name();
            rows(csv, name, "TOTAL", range, "", NO_LANE_PAIR, role.role(), role.totals());
            for (OutcomeReport.Period period : role.series()) {
                rows(csv, name, "SERIES", period.start() + "/" + period.end(), "", NO_LANE_PAIR, role.role(),
                        period.figures());
            }
            for (OutcomeReport.Counterparty party : role.byCounterparty()) {
                rows(csv, name, "COUNTERPARTY", range, party.partner().value(), NO_LANE_PAIR, role.role(),
                        party.figures());
            }
            for (OutcomeReport.LanePairFigures lane : role.byLanePair()) {
                rows(csv, name, "LANE_PAIR", range, "", lane.lanePair().origin() + "," + lane.lanePair().destination(),
                        role.role(), lane.figures());
            }
            if (role.lanePairNotRecorded().bookings() > 0) {
                rows(csv, name, "LANE_PAIR_NOT_RECORDED", range, "", NO_LANE_PAIR, role.role(),
                        role.lanePairNotRecorded());
            }
        }
        return csv.toString();
    }

    private static final String NO_LANE_PAIR = ",";

    private static void rows(StringBuilder csv, String role, String section, String period, String counterparty,
            String lanePairColumns, OutcomeRole outcomeRole, OutcomeFigures figures) {
        FiguresView view = figures(outcomeRole, figures);
        String prefix = role + "," + section + "," + period + "," + counterparty + ",";
        String suffix = "," + lanePairColumns;
        row(csv, prefix, "bookings", Long.toString(view.bookings()), "count", suffix);
        row(csv, prefix, "loadsMoved", Long.toString(view.loadsMoved()), "count", suffix);
        row(csv, prefix, "loadedMiles", number(view.loadedMiles()), "mi", suffix);
        if (view.emptyMilesDriven() != null) {
            row(csv, prefix, "emptyMilesDriven", number(view.emptyMilesDriven()), "mi", suffix);
            row(csv, prefix, "baselineEmptyMiles", number(view.baselineEmptyMiles()), "mi", suffix);
            row(csv, prefix, "emptyMilesAvoided", number(view.emptyMilesAvoided()), "mi", suffix);
            row(csv, prefix, "deadheadShareBefore", number(view.deadheadShareBefore()), "share", suffix);
            row(csv, prefix, "deadheadShareAfter", number(view.deadheadShareAfter()), "share", suffix);
        }
        for (AmountView amount : view.surplus()) {
            row(csv, prefix, view.surplusKind().toLowerCase(Locale.ROOT), Long.toString(amount.amountMinorUnits()),
                    amount.currency() + " minor units", suffix);
        }
        for (Co2eView co2e : view.co2eAvoided()) {
            String method = co2e.emissionsMethod().factorSet() + " " + co2e.emissionsMethod().version();
            row(csv, prefix, "co2eAvoidedKg", number(co2e.kgWellToWheel()), "kg CO2e well-to-wheel " + method,
                    suffix);
            row(csv, prefix, "co2eAvoidedTankToWheelKg", number(co2e.kgTankToWheel()),
                    "kg CO2e tank-to-wheel " + method, suffix);
        }
    }

    private static void row(StringBuilder csv, String prefix, String figure, String value, String unit,
            String suffix) {
        csv.append(prefix).append(figure).append(',').append(value).append(',').append(quoted(unit)).append(suffix)
                .append("\r\n");
    }

    private static String quoted(String text) {
        return text.matches("[A-Za-z0-9 .+-]*") ? text : "\"" + text.replace("\"", "\"\"") + "\"";
    }

    private static String number(Double value) {
        return value == null ? "" : BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    private static double tenths(double value) {
        return BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP).doubleValue();
    }

    private static Double share(Double value) {
        return value == null ? null : BigDecimal.valueOf(value).setScale(4, RoundingMode.HALF_UP).doubleValue();
    }
}
