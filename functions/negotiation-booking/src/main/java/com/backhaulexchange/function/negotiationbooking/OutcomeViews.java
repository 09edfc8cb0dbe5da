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
 * miles (they are the carrier's figures), and every CO₂e figure names its factor set and version.
 */
final class OutcomeViews {

    record ReportView(String partnerId, String from, String to, String granularity, String dayBoundary,
            List<RoleView> roles) {
    }

    record RoleView(String role, FiguresView totals, List<PeriodView> series, List<CounterpartyView> byCounterparty) {
    }

    record PeriodView(String start, String end, FiguresView figures) {
    }

    record CounterpartyView(String partnerId, FiguresView figures) {
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
                report.roles().stream().map(role -> new RoleView(role.role().name(), figures(role.role(), role.totals()),
                        role.series().stream().map(period -> new PeriodView(period.start().toString(),
                                period.end().toString(), figures(role.role(), period.figures()))).toList(),
                        role.byCounterparty().stream().map(party -> new CounterpartyView(party.partner().value(),
                                figures(role.role(), party.figures()))).toList())).toList());
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
     * RFC 4180, one row per figure: {@code role,section,period,counterparty,figure,value,unit}; section is
     * TOTAL, SERIES or COUNTERPARTY.
     */
    static String csv(OutcomeReport report) {
        StringBuilder csv = new StringBuilder("role,section,period,counterparty,figure,value,unit\r\n");
        for (OutcomeReport.RoleReport role : report.roles()) {
            String name = role.role().name();
            rows(csv, name, "TOTAL", report.query().from() + "/" + report.query().to(), "", role.role(), role.totals());
            for (OutcomeReport.Period period : role.series()) {
                rows(csv, name, "SERIES", period.start() + "/" + period.end(), "", role.role(), period.figures());
            }
            for (OutcomeReport.Counterparty party : role.byCounterparty()) {
                rows(csv, name, "COUNTERPARTY", report.query().from() + "/" + report.query().to(),
                        party.partner().value(), role.role(), party.figures());
            }
        }
        return csv.toString();
    }

    private static void rows(StringBuilder csv, String role, String section, String period, String counterparty,
            OutcomeRole outcomeRole, OutcomeFigures figures) {
        FiguresView view = figures(outcomeRole, figures);
        String prefix = role + "," + section + "," + period + "," + counterparty + ",";
        row(csv, prefix, "bookings", Long.toString(view.bookings()), "count");
        row(csv, prefix, "loadsMoved", Long.toString(view.loadsMoved()), "count");
        row(csv, prefix, "loadedMiles", number(view.loadedMiles()), "mi");
        if (view.emptyMilesDriven() != null) {
            row(csv, prefix, "emptyMilesDriven", number(view.emptyMilesDriven()), "mi");
            row(csv, prefix, "baselineEmptyMiles", number(view.baselineEmptyMiles()), "mi");
            row(csv, prefix, "emptyMilesAvoided", number(view.emptyMilesAvoided()), "mi");
            row(csv, prefix, "deadheadShareBefore", number(view.deadheadShareBefore()), "share");
            row(csv, prefix, "deadheadShareAfter", number(view.deadheadShareAfter()), "share");
        }
        for (AmountView amount : view.surplus()) {
            row(csv, prefix, view.surplusKind().toLowerCase(Locale.ROOT), Long.toString(amount.amountMinorUnits()),
                    amount.currency() + " minor units");
        }
        for (Co2eView co2e : view.co2eAvoided()) {
            String method = co2e.emissionsMethod().factorSet() + " " + co2e.emissionsMethod().version();
            row(csv, prefix, "co2eAvoidedKg", number(co2e.kgWellToWheel()), "kg CO2e well-to-wheel " + method);
            row(csv, prefix, "co2eAvoidedTankToWheelKg", number(co2e.kgTankToWheel()),
                    "kg CO2e tank-to-wheel " + method);
        }
    }

    private static void row(StringBuilder csv, String prefix, String figure, String value, String unit) {
        csv.append(prefix).append(figure).append(',').append(value).append(',').append(quoted(unit)).append("\r\n");
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
