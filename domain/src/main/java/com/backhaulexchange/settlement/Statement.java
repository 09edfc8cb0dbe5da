package com.backhaulexchange.settlement;

import com.backhaulexchange.partner.PartnerId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One member's statement of a settled period, built from the ledger (so it reconciles with it by
 * construction: {@code finalResult} = the sum of the member's ledger lines): its own bookings and the risk
 * events it took part in or paid a share of, its figures, and the collaboration's totals with each member's
 * final result. It never shows another member's bookings, gains or lanes. A plain record of strings and
 * numbers, ready for JSON; {@link #toCsv()} renders it as RFC 4180 CSV. {@code emissions} is the member's share of
 * the CO₂e avoided by the money's rule (ADR 35), null on statements settled before it existed.
 */
public record Statement(String collaborationId, long periodIndex, Instant startsAt, Instant endsAt, String currency,
        int agreementVersion, String rule, String member, List<BookingEntry> bookings, List<RiskEntry> riskEvents,
        long realisedGain, long fairShare, Double fairShareStandardError, long transfer, long riskLoss,
        long riskRecovery, long riskCharge, long finalResult, Totals totals, List<MemberFinal> memberFinals,
        Emissions emissions) {

    public Statement {
        bookings = List.copyOf(bookings);
        riskEvents = List.copyOf(riskEvents);
        memberFinals = List.copyOf(memberFinals);
    }

    /** A statement without emissions: one settled before they were shared. */
    public Statement(String collaborationId, long periodIndex, Instant startsAt, Instant endsAt, String currency,
            int agreementVersion, String rule, String member, List<BookingEntry> bookings, List<RiskEntry> riskEvents,
            long realisedGain, long fairShare, Double fairShareStandardError, long transfer, long riskLoss,
            long riskRecovery, long riskCharge, long finalResult, Totals totals, List<MemberFinal> memberFinals) {
        this(collaborationId, periodIndex, startsAt, endsAt, currency, agreementVersion, rule, member, bookings,
                riskEvents, realisedGain, fairShare, fairShareStandardError, transfer, riskLoss, riskRecovery,
                riskCharge, finalResult, totals, memberFinals, null);
    }

    /**
     * The member's share of the period's CO₂e avoided (kg, well-to-wheel, to the gram), by {@code rule} (the same
     * as the money's) and the factor set and version that produced every figure; the collaboration's realised
     * total and the most its lanes could have avoided; every member's share; and the core check of the shares
     * against the emissions game. {@code status} NOT_ALLOCATED (with {@code reasonCode} and {@code detail}, and
     * no shares) when the rule cannot share this game.
     */
    public record Emissions(String status, String scope, Method emissionsMethod, String rule,
            Double shareKgCo2e, Double shareStandardErrorKgCo2e, double realisedTotalKgCo2e,
            double lanesOptimumKgCo2e, List<MemberEmissions> memberShares, EmissionsCoreCheck coreCheck,
            String reasonCode, String detail) {
        public static final String ALLOCATED = "ALLOCATED";
        public static final String NOT_ALLOCATED = "NOT_ALLOCATED";
        public static final String WELL_TO_WHEEL = "WELL_TO_WHEEL";

        public Emissions {
            memberShares = memberShares == null ? List.of() : List.copyOf(memberShares);
        }

        static Emissions of(EmissionsSettlement settlement, PartnerId member) {
            Method method = new Method(settlement.method().factorSetId(), settlement.method().factorSetVersion());
            double realised = kg(settlement.realisedGrams());
            double optimum = kg(settlement.optimumGrams());
            return switch (settlement) {
                case EmissionsSettlement.Allocated allocated -> {
                    EmissionsSettlement.Share own = allocated.share(member);
                    Stability stability = allocated.stability();
                    yield new Emissions(ALLOCATED, WELL_TO_WHEEL, method, allocated.rule(), kg(own.grams()),
                            own.standardErrorGrams() == null ? null : own.standardErrorGrams() / 1_000,
                            realised, optimum, allocated.shares().stream().map(share -> new MemberEmissions(
                                    share.member().value(), kg(share.grams()))).toList(),
                            new EmissionsCoreCheck(stability.stable(), stability.exhaustive(),
                                    stability.coalitionsChecked(), stability.blockingCount(),
                                    stability.blocking().stream().map(blocking -> new BlockingCoalition(
                                            blocking.members().stream().map(PartnerId::value).toList(),
                                            kg(blocking.value()), kg(blocking.allocated()), kg(blocking.gap())))
                                            .toList()),
                            null, null);
                }
                case EmissionsSettlement.NotAllocated refused -> new Emissions(NOT_ALLOCATED, WELL_TO_WHEEL,
                        method, refused.rule(), null, null, realised, optimum, List.of(), null,
                        refused.reason().reasonCode(), refused.reason().detail());
            };
        }
    }

    /** The emission factor set and version that produced every CO₂e figure of the statement (ADR 24). */
    public record Method(String factorSet, String version) {
    }

    public record MemberEmissions(String member, double shareKgCo2e) {
    }

    /**
     * Whether the emission shares are in the core of the emissions game: {@code exhaustive} when every coalition
     * was checked (up to 12 members), else the single members and all-but-one; blocking coalitions largest gap
     * first (at most 20), each with the CO₂e its own lanes could avoid, what its members were given, the gap.
     */
    public record EmissionsCoreCheck(boolean stable, boolean exhaustive, long coalitionsChecked, int blockingCount,
            List<BlockingCoalition> blocking) {
        public EmissionsCoreCheck {
            blocking = List.copyOf(blocking);
        }
    }

    public record BlockingCoalition(List<String> members, double valueKgCo2e, double allocatedKgCo2e,
            double gapKgCo2e) {
        public BlockingCoalition {
            members = List.copyOf(members);
        }
    }

    /** Grams to kilograms, exact to the gram in decimal. */
    static double kg(double grams) {
        return Math.round(grams) / 1_000.0;
    }

    /** The member's gain on one of its bookings, as CARRIER or SHIPPER. */
    public record BookingEntry(String bookingId, long originalPeriod, boolean adjustment, String role,
            long realisedGain) {
    }

    /**
     * A risk event the member was AT_FAULT in, AFFECTED by, or SHARING the cost of: the event's cost and the
     * member's own loss, recovery and charge on it.
     */
    public record RiskEntry(String bookingId, String kind, long originalPeriod, boolean adjustment, String role,
            long cost, long loss, long recovery, long charge) {
    }

    public record Totals(long realisedTotal, long riskCostTotal, long finalTotal, boolean stable, int blockingCount) {
    }

    public record MemberFinal(String member, long finalResult) {
    }

    public static Statement of(SettlementResult result, SettlementInputs inputs, PartnerId member) {
        MemberResult figures = result.member(member);
        Map<String, RiskEvent> events = new HashMap<>();
        inputs.riskEvents().forEach(event -> events.put(event.bookingId().value(), event));
        List<BookingEntry> bookings = new ArrayList<>();
        List<RiskEntry> risks = new ArrayList<>();
        for (Posting posting : result.ledger().postings()) {
            List<LedgerLine> own = posting.lines().stream().filter(line -> member.equals(line.member())).toList();
            if (own.isEmpty()) {
                continue;
            }
            switch (posting.kind()) {
                case REALISED_GAIN -> own.forEach(line -> bookings.add(new BookingEntry(posting.reference(),
                        posting.originalPeriod(), posting.adjustment(), line.lineNumber() == 1 ? "CARRIER" : "SHIPPER",
                        line.amountMinorUnits())));
                case RISK_EVENT -> {
                    RiskEvent event = events.get(posting.reference());
                    long loss = -sum(own, Account.RISK_LOSS);
                    long recovery = sum(own, Account.RISK_RECOVERY);
                    long charge = -sum(own, Account.RISK_CHARGE);
                    String role = event.atFault().equals(member) ? "AT_FAULT"
                            : event.affected().equals(member) ? "AFFECTED" : "SHARING";
                    risks.add(new RiskEntry(posting.reference(), event.kind().name(), posting.originalPeriod(),
                            posting.adjustment(), role, event.cost().amountMinorUnits(), loss, recovery, charge));
                }
                case POOL_TRANSFER -> {
                    // The transfer is a figure of the statement itself.
                }
            }
        }
        List<MemberFinal> finals = result.members().stream()
                .map(other -> new MemberFinal(other.member().value(), other.finalResult())).toList();
        return new Statement(result.collaborationId(), result.period().index(), result.period().startsAt(),
                result.period().endsAt(), result.currency().getCurrencyCode(), result.agreementVersion(), result.rule(),
                member.value(), bookings, risks, figures.realisedGain(), figures.fairShare(),
                figures.fairShareStandardError(), figures.transfer(), figures.riskLoss(), figures.riskRecovery(),
                figures.riskCharge(), figures.finalResult(), new Totals(result.realisedTotal(), result.riskCostTotal(),
                        result.finalTotal(), result.stability().stable(), result.stability().blockingCount()),
                finals, result.emissions() == null ? null : Emissions.of(result.emissions(), member));
    }

    private static long sum(List<LedgerLine> lines, Account account) {
        return lines.stream().filter(line -> line.account() == account).mapToLong(LedgerLine::amountMinorUnits).sum();
    }

    /**
     * RFC 4180 CSV (CRLF line ends, fields with a comma, quote, CR or LF quoted, quotes doubled), one header
     * {@code section,reference,period,role,item,value}; amounts in minor units of {@link #currency}.
     */
    public String toCsv() {
        StringBuilder csv = new StringBuilder();
        row(csv, "section", "reference", "period", "role", "item", "value");
        row(csv, "statement", collaborationId, periodIndex, member, "currency", currency);
        row(csv, "statement", collaborationId, periodIndex, member, "startsAt", startsAt);
        row(csv, "statement", collaborationId, periodIndex, member, "endsAt", endsAt);
        row(csv, "statement", collaborationId, periodIndex, member, "rule", rule);
        row(csv, "statement", collaborationId, periodIndex, member, "agreementVersion", agreementVersion);
        for (BookingEntry booking : bookings) {
            row(csv, booking.adjustment() ? "booking-adjustment" : "booking", booking.bookingId(),
                    booking.originalPeriod(), booking.role(), "realisedGain", booking.realisedGain());
        }
        for (RiskEntry risk : riskEvents) {
            String section = risk.adjustment() ? "risk-adjustment" : "risk";
            row(csv, section, risk.bookingId(), risk.originalPeriod(), risk.role(), risk.kind() + " cost", risk.cost());
            row(csv, section, risk.bookingId(), risk.originalPeriod(), risk.role(), "loss", risk.loss());
            row(csv, section, risk.bookingId(), risk.originalPeriod(), risk.role(), "recovery", risk.recovery());
            row(csv, section, risk.bookingId(), risk.originalPeriod(), risk.role(), "charge", risk.charge());
        }
        row(csv, "result", "", periodIndex, "", "realisedGain", realisedGain);
        row(csv, "result", "", periodIndex, "", "fairShare", fairShare);
        if (fairShareStandardError != null) {
            row(csv, "result", "", periodIndex, "", "fairShareStandardError", fairShareStandardError);
        }
        row(csv, "result", "", periodIndex, "", "transfer", transfer);
        row(csv, "result", "", periodIndex, "", "riskLoss", riskLoss);
        row(csv, "result", "", periodIndex, "", "riskRecovery", riskRecovery);
        row(csv, "result", "", periodIndex, "", "riskCharge", riskCharge);
        row(csv, "result", "", periodIndex, "", "finalResult", finalResult);
        row(csv, "total", "", periodIndex, "", "realisedTotal", totals.realisedTotal());
        row(csv, "total", "", periodIndex, "", "riskCostTotal", totals.riskCostTotal());
        row(csv, "total", "", periodIndex, "", "finalTotal", totals.finalTotal());
        row(csv, "total", "", periodIndex, "", "stable", totals.stable());
        for (MemberFinal other : memberFinals) {
            row(csv, "member", other.member(), periodIndex, "", "finalResult", other.finalResult());
        }
        if (emissions != null) {
            emissionsCsv(csv);
        }
        return csv.toString();
    }

    /** The emissions rows, kg CO₂e: section {@code emissions}, then one per member and blocking coalition. */
    private void emissionsCsv(StringBuilder csv) {
        row(csv, "emissions", "", periodIndex, "", "status", emissions.status());
        row(csv, "emissions", "", periodIndex, "", "scope", emissions.scope());
        row(csv, "emissions", "", periodIndex, "", "factorSet", emissions.emissionsMethod().factorSet());
        row(csv, "emissions", "", periodIndex, "", "factorSetVersion", emissions.emissionsMethod().version());
        row(csv, "emissions", "", periodIndex, "", "rule", emissions.rule());
        if (emissions.shareKgCo2e() != null) {
            row(csv, "emissions", "", periodIndex, "", "shareKgCo2e", emissions.shareKgCo2e());
        }
        if (emissions.shareStandardErrorKgCo2e() != null) {
            row(csv, "emissions", "", periodIndex, "", "shareStandardErrorKgCo2e",
                    emissions.shareStandardErrorKgCo2e());
        }
        row(csv, "emissions", "", periodIndex, "", "realisedTotalKgCo2e", emissions.realisedTotalKgCo2e());
        row(csv, "emissions", "", periodIndex, "", "lanesOptimumKgCo2e", emissions.lanesOptimumKgCo2e());
        if (emissions.reasonCode() != null) {
            row(csv, "emissions", "", periodIndex, "", "reasonCode", emissions.reasonCode());
        }
        if (emissions.coreCheck() != null) {
            row(csv, "emissions", "", periodIndex, "", "stable", emissions.coreCheck().stable());
            row(csv, "emissions", "", periodIndex, "", "blockingCount", emissions.coreCheck().blockingCount());
            for (BlockingCoalition blocking : emissions.coreCheck().blocking()) {
                row(csv, "emissions-blocking", String.join(" ", blocking.members()), periodIndex, "",
                        "gapKgCo2e", blocking.gapKgCo2e());
            }
        }
        for (MemberEmissions share : emissions.memberShares()) {
            row(csv, "emissions-member", share.member(), periodIndex, "", "shareKgCo2e", share.shareKgCo2e());
        }
    }

    private static void row(StringBuilder csv, Object... fields) {
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                csv.append(',');
            }
            csv.append(field(String.valueOf(fields[i])));
        }
        csv.append("\r\n");
    }

    static String field(String value) {
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\r') < 0 && value.indexOf('\n') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }
}
