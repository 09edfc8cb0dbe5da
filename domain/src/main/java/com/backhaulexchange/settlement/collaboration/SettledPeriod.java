package com.backhaulexchange.settlement.collaboration;

import com.backhaulexchange.kernel.policy.Decision;
import com.backhaulexchange.partner.PartnerId;
import com.backhaulexchange.settlement.Ledger;
import com.backhaulexchange.settlement.MemberResult;
import com.backhaulexchange.settlement.SettlementResult;
import com.backhaulexchange.settlement.Statement;
import java.time.Instant;
import java.util.Collections;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A period's settlement as it is committed, once, by period close (ADR 20) and kept by the
 * {@link CollaborationStore}: the period, its agreement, its members, what came of it ({@link Outcome}) and
 * every booking it accounts for (to be marked settled). A settled period keeps the settlement's figures, the
 * ledger and each member's statement; it is what the statements are served from, long after the inputs changed.
 */
public record SettledPeriod(String collaborationId, long periodIndex, Instant startsAt, Instant endsAt,
        Instant closesAt, int agreementVersion, Currency currency, List<PartnerId> members, Outcome outcome,
        List<String> settledBookings) {

    public SettledPeriod {
        Objects.requireNonNull(collaborationId, "collaborationId");
        Objects.requireNonNull(outcome, "outcome");
        members = List.copyOf(members);
        settledBookings = List.copyOf(settledBookings);
    }

    /** What came of the period: nothing to settle, a refusal by the rule, or a settlement. */
    public sealed interface Outcome {
        /** {@code SETTLED}, {@code EMPTY} or {@code REFUSED}. */
        String name();
    }

    /** A period without members: nothing settled. */
    public record Empty() implements Outcome {
        public String name() {
            return "EMPTY";
        }
    }

    /** The rule refused the period (the nucleolus' LP, say): nothing settled, the bookings wait. */
    public record Refused(List<Decision.Rejected> reasons) implements Outcome {
        public Refused {
            reasons = List.copyOf(reasons);
        }

        public String name() {
            return "REFUSED";
        }
    }

    /** The period settled: its figures, its ledger and each member's statement (by member, in member order). */
    public record Settled(Figures figures, Ledger ledger, Map<PartnerId, Statement> statements) implements Outcome {
        public Settled {
            Objects.requireNonNull(figures, "figures");
            Objects.requireNonNull(ledger, "ledger");
            statements = Collections.unmodifiableMap(new LinkedHashMap<>(statements));
        }

        public String name() {
            return "SETTLED";
        }
    }

    /**
     * The settlement's figures as kept: the rule applied, the totals, the allocation's remarks, whether the
     * stability check was exhaustive and how many coalitions blocked, and each member's figures.
     */
    public record Figures(String rule, long realisedTotal, long marketOptimum, long riskCostTotal, long finalTotal,
            List<String> remarks, boolean exhaustive, int blockingCount, List<MemberFigures> members) {
        public Figures {
            remarks = List.copyOf(remarks);
            members = List.copyOf(members);
        }

        public static Figures of(SettlementResult result) {
            return new Figures(result.rule(), result.realisedTotal(), result.marketOptimum(), result.riskCostTotal(),
                    result.finalTotal(), result.remarks(), result.stability().exhaustive(),
                    result.stability().blockingCount(), result.members().stream().map(MemberFigures::of).toList());
        }
    }

    /** One member's settled figures, in minor units ({@link MemberResult} without the standard error). */
    public record MemberFigures(PartnerId member, long realisedGain, long fairShare, long transfer, long riskLoss,
            long riskRecovery, long riskCharge, long finalResult) {
        public static MemberFigures of(MemberResult result) {
            return new MemberFigures(result.member(), result.realisedGain(), result.fairShare(), result.transfer(),
                    result.riskLoss(), result.riskRecovery(), result.riskCharge(), result.finalResult());
        }
    }

    /** The settlement of {@code period} under {@code agreement}, with {@code members}, that came to {@code outcome}. */
    public static SettledPeriod of(String collaborationId, SettlementPeriod period, Agreement agreement,
            List<PartnerId> members, Outcome outcome, List<String> settledBookings) {
        return new SettledPeriod(collaborationId, period.index(), period.startsAt(), period.endsAt(),
                period.closesAt(), agreement.version(), agreement.currency(), members, outcome, settledBookings);
    }

    /** The member's statement: only members of a settled period have one. */
    public Optional<Statement> statementOf(PartnerId member) {
        return outcome instanceof Settled settled ? Optional.ofNullable(settled.statements().get(member))
                : Optional.empty();
    }
}
