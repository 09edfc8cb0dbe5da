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
 * numbers, ready for JSON; {@link #toCsv()} renders it as RFC 4180 CSV.
 */
public record Statement(String collaborationId, long periodIndex, Instant startsAt, Instant endsAt, String currency,
        int agreementVersion, String rule, String member, List<BookingEntry> bookings, List<RiskEntry> riskEvents,
        long realisedGain, long fairShare, Double fairShareStandardError, long transfer, long riskLoss,
        long riskRecovery, long riskCharge, long finalResult, Totals totals, List<MemberFinal> memberFinals) {

    public Statement {
        bookings = List.copyOf(bookings);
        riskEvents = List.copyOf(riskEvents);
        memberFinals = List.copyOf(memberFinals);
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
                finals);
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
        return csv.toString();
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
