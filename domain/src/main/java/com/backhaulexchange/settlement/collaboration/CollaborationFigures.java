package com.backhaulexchange.settlement.collaboration;

import com.backhaulexchange.deal.outcome.DayLedger;
import com.backhaulexchange.deal.outcome.OutcomeFigures;
import com.backhaulexchange.deal.outcome.OutcomeQuery;
import com.backhaulexchange.deal.outcome.OutcomeRole;
import com.backhaulexchange.partner.PartnerId;
import com.backhaulexchange.settlement.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * What a collaboration achieved over a range of days (issue 12), for its organiser and members: from the members'
 * outcome ledgers (ADR 26), only the bookings between two of its members; and from its settled periods that
 * overlap the range, each member's final result and share of the CO₂e avoided (ADR 35).
 *
 * <ul>
 * <li>{@code totals}: the collaboration's bookings counted once, on the truck's side: loaded, empty and baseline
 * miles, empty miles avoided and CO₂e avoided (per factor set and version); {@code surplusMinorUnits} is what the
 * carriers earned plus what the shippers saved, by currency.</li>
 * <li>{@code byMember}: each member's figures as carrier and as shipper within the collaboration, and its surplus
 * (earned + saved). The members' surpluses sum to the collaboration's, to the cent. CO₂e is a figure of a
 * booking, not of a party: each booking's counts for both of its parties, so the members' CO₂e do not sum to the
 * collaboration's; the periods' emission shares do.</li>
 * </ul>
 */
public record CollaborationFigures(String collaborationId, OutcomeQuery query, List<PartnerId> members,
        OutcomeFigures totals, Map<String, Long> surplusMinorUnits, List<MemberFigures> byMember,
        List<PeriodFigures> settledPeriods) {

    public CollaborationFigures {
        Objects.requireNonNull(collaborationId, "collaborationId");
        Objects.requireNonNull(query, "query");
        members = List.copyOf(members);
        surplusMinorUnits = Map.copyOf(surplusMinorUnits);
        byMember = List.copyOf(byMember);
        settledPeriods = List.copyOf(settledPeriods);
    }

    public record MemberFigures(PartnerId member, OutcomeFigures asCarrier, OutcomeFigures asShipper,
            Map<String, Long> surplusMinorUnits) {
        public MemberFigures {
            surplusMinorUnits = Map.copyOf(surplusMinorUnits);
        }
    }

    /**
     * A period of the collaboration overlapping the range: its outcome (SETTLED, EMPTY, REFUSED) and, when
     * settled, its totals and each member's final result and emissions share (null for periods settled before
     * emissions were shared); {@code emissions} the period's emissions allocation as the statements carry it
     * (the shares of every member, the method, the rule, the core check), null likewise.
     */
    public record PeriodFigures(long periodIndex, java.time.Instant startsAt, java.time.Instant endsAt,
            String outcome, String currency, String rule, Long realisedTotal, Long finalTotal,
            List<MemberPeriod> members, Statement.Emissions emissions) {
        public PeriodFigures {
            members = List.copyOf(members);
        }
    }

    public record MemberPeriod(PartnerId member, long finalResult, Double emissionsShareKgCo2e) {
    }

    /**
     * The figures of {@code members} from their day ledgers ({@code days}, each member's within the query's
     * range) and the collaboration's stored periods overlapping it ({@code periods}).
     */
    public static CollaborationFigures of(String collaborationId, OutcomeQuery query, List<PartnerId> members,
            Map<PartnerId, List<DayLedger>> days, List<SettledPeriod> periods) {
        Set<PartnerId> inside = Set.copyOf(members);
        OutcomeFigures totals = OutcomeFigures.ZERO;
        Map<String, Long> surplus = new TreeMap<>();
        List<MemberFigures> byMember = new ArrayList<>();
        for (PartnerId member : members) {
            OutcomeFigures asCarrier = OutcomeFigures.ZERO;
            OutcomeFigures asShipper = OutcomeFigures.ZERO;
            for (DayLedger day : days.getOrDefault(member, List.of())) {
                if (day.day().isBefore(query.from()) || day.day().isAfter(query.to())) {
                    throw new IllegalArgumentException("day " + day.day() + " is outside " + query.from() + ".."
                            + query.to());
                }
                asCarrier = asCarrier.plus(within(day, OutcomeRole.CARRIER, inside));
                asShipper = asShipper.plus(within(day, OutcomeRole.SHIPPER, inside));
            }
            Map<String, Long> memberSurplus = new TreeMap<>(asCarrier.surplusMinorUnits());
            asShipper.surplusMinorUnits().forEach((currency, amount) -> memberSurplus.merge(currency, amount,
                    Long::sum));
            memberSurplus.forEach((currency, amount) -> surplus.merge(currency, amount, Long::sum));
            totals = totals.plus(asCarrier);
            byMember.add(new MemberFigures(member, asCarrier, asShipper, memberSurplus));
        }
        List<PeriodFigures> settled = periods.stream().map(CollaborationFigures::period).toList();
        return new CollaborationFigures(collaborationId, query, members, totals, surplus, byMember, settled);
    }

    /** The day's figures in one role against counterparties that are members. */
    private static OutcomeFigures within(DayLedger day, OutcomeRole role, Set<PartnerId> members) {
        OutcomeFigures sum = OutcomeFigures.ZERO;
        for (var entry : day.byCounterparty().getOrDefault(role, Map.of()).entrySet()) {
            if (members.contains(entry.getKey())) {
                sum = sum.plus(entry.getValue());
            }
        }
        return sum;
    }

    private static PeriodFigures period(SettledPeriod period) {
        if (!(period.outcome() instanceof SettledPeriod.Settled settled)) {
            return new PeriodFigures(period.periodIndex(), period.startsAt(), period.endsAt(), period.outcome().name(),
                    period.currency().getCurrencyCode(), null, null, null, List.of(), null);
        }
        Statement.Emissions emissions = settled.statements().values().stream().map(Statement::emissions)
                .filter(Objects::nonNull).findFirst().map(CollaborationFigures::withoutOwnShare).orElse(null);
        List<MemberPeriod> members = settled.figures().members().stream().map(member -> new MemberPeriod(
                member.member(), member.finalResult(), emissions == null ? null : emissions.memberShares().stream()
                        .filter(share -> share.member().equals(member.member().value()))
                        .map(Statement.MemberEmissions::shareKgCo2e).findFirst().orElse(null))).toList();
        return new PeriodFigures(period.periodIndex(), period.startsAt(), period.endsAt(), period.outcome().name(),
                period.currency().getCurrencyCode(), settled.figures().rule(), settled.figures().realisedTotal(),
                settled.figures().finalTotal(), members, emissions);
    }

    /** A statement's emissions without the figures that are one member's own (its share and standard error). */
    private static Statement.Emissions withoutOwnShare(Statement.Emissions emissions) {
        return new Statement.Emissions(emissions.status(), emissions.scope(), emissions.emissionsMethod(),
                emissions.rule(), null, null, emissions.realisedTotalKgCo2e(), emissions.lanesOptimumKgCo2e(),
                emissions.memberShares(), emissions.coreCheck(), emissions.reasonCode(), emissions.detail());
    }
}
