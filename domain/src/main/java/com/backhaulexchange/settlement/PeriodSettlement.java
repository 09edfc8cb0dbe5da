package com.backhaulexchange.settlement;

import com.backhaulexchange.settlement.allocation.Allocation;
import com.backhaulexchange.settlement.allocation.AllocationOutcome;
import com.backhaulexchange.settlement.allocation.AllocationRule;
import com.backhaulexchange.settlement.allocation.AssignmentMarket;
import com.backhaulexchange.settlement.allocation.CooperativeGame;
import com.backhaulexchange.settlement.allocation.CoreCheck;
import com.backhaulexchange.settlement.allocation.Game;
import com.backhaulexchange.settlement.allocation.OracleGame;
import com.backhaulexchange.settlement.collaboration.Agreement;
import com.backhaulexchange.settlement.collaboration.AllocationRuleName;
import com.backhaulexchange.settlement.collaboration.PeriodSchedule;
import com.backhaulexchange.settlement.collaboration.RiskTerms;
import com.backhaulexchange.kernel.money.Money;
import com.backhaulexchange.partner.PartnerId;
import com.backhaulexchange.kernel.policy.Decision;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Settles one collaboration's period (ADR 18). Pure and deterministic: the same inputs and agreement give
 * the identical result and ledger.
 *
 * <ol>
 * <li>Realised gain g_i: the member's carrier and shipper gains on the delivered bookings; realised total
 * R = Σ g_i.</li>
 * <li>The game: v(S) = the market's best matching over S's lanes for S ≠ N, and v(N) = R — the rule shares
 * what was actually realised. Shadow prices are the market's duals (summing to the optimum M), scaled by R/M
 * (equal split of R when M = 0).</li>
 * <li>Fair shares x_i by the agreed rule, rounded to minor units summing exactly to R (largest remainder).</li>
 * <li>Transfers t_i = pooled share × (x_i − g_i), floored, with the leftover units to the largest remainders:
 * Σ t_i = 0 exactly.</li>
 * <li>Risk events: the affected member's loss is recorded and made good; the cost is charged by the risk
 * terms (at fault up to the cap, excess shared equally; or all shared equally).</li>
 * <li>Final f_i = g_i + t_i − loss_i + recovery_i − charge_i; Σ f_i = R − Σ risk costs.</li>
 * <li>Stability: the final results against v(S) (with v(N) = Σ f_i), every blocking coalition with its gap.</li>
 * <li>Emissions, when given (ADR 35): the same game over the same pairings weighed in grams of CO₂e avoided,
 * v(N) = the realised bookings' CO₂e, shared by the same rule, in whole grams, with the same core check.</li>
 * </ol>
 */
public final class PeriodSettlement {

    public static final String NO_MEMBERS = "NO_MEMBERS";
    public static final String DUPLICATE_MEMBER = "DUPLICATE_MEMBER";
    public static final String MEMBERS_NOT_ORDERED = "MEMBERS_NOT_ORDERED";
    public static final String MARKET_MISMATCH = "MARKET_MISMATCH";
    public static final String PERIOD_MISMATCH = "PERIOD_MISMATCH";
    public static final String NOT_A_MEMBER = "NOT_A_MEMBER";
    public static final String CURRENCY_MISMATCH = "CURRENCY_MISMATCH";
    public static final String DUPLICATE_BOOKING = "DUPLICATE_BOOKING";
    public static final String EVENT_AFTER_PERIOD = "EVENT_AFTER_PERIOD";
    public static final String EVENT_BEFORE_START = "EVENT_BEFORE_START";
    public static final String RISK_COST_NEGATIVE = "RISK_COST_NEGATIVE";
    public static final String SAME_PARTY = "SAME_PARTY";
    /** Nucleolus and equal profit read all 2^n coalitions: refused above the exact member limit. */
    public static final String RULE_NEEDS_EXACT_GAME = "RULE_NEEDS_EXACT_GAME";
    /** The library rule could not allocate this game (its reason code is in the detail). */
    public static final String RULE_REFUSED = "RULE_REFUSED";
    /** The period's emissions were given, but not for every realised booking. */
    public static final String EMISSIONS_MISSING = "EMISSIONS_MISSING";

    /** Blocking coalitions listed, largest gap first. */
    static final int MAX_LISTED_BLOCKING = 20;
    /** Half a minor unit: final results are whole units, so smaller gaps are rounding, not blocking. */
    static final double STABILITY_TOLERANCE = 0.5;

    private PeriodSettlement() {
    }

    public static SettlementOutcome settle(SettlementInputs inputs, Agreement agreement) {
        List<Decision.Rejected> rejected = validate(inputs, agreement);
        if (!rejected.isEmpty()) {
            return new SettlementOutcome.Refused(rejected);
        }
        int n = inputs.members().size();
        PeriodSchedule schedule = agreement.schedule();
        Currency currency = agreement.currency();
        List<PartnerId> members = inputs.members();

        List<RealisedBooking> bookings = new ArrayList<>(inputs.bookings());
        bookings.sort(Comparator.comparingLong((RealisedBooking b) -> schedule.periodAt(b.pickupAt()).index())
                .thenComparing(b -> b.bookingId().value()));
        long[] gain = new long[n];
        for (RealisedBooking booking : bookings) {
            gain[inputs.indexOf(booking.carrier())] += booking.carrierGain().amountMinorUnits();
            gain[inputs.indexOf(booking.shipper())] += booking.shipperGain().amountMinorUnits();
        }
        long realisedTotal = sum(gain);
        AssignmentMarket market = inputs.market();
        long marketOptimum = (long) market.grandCoalitionValue();

        CooperativeGame marketTable = n <= AllocationRuleName.EXACT_MEMBER_LIMIT ? market.tabulate() : null;
        long seed = UUID.nameUUIDFromBytes((inputs.collaborationId() + "|" + inputs.period().index())
                .getBytes(StandardCharsets.UTF_8)).getMostSignificantBits();
        List<String> remarks = new ArrayList<>();
        AllocationOutcome allocated = allocate(agreement.rule(), seed, market, marketTable, realisedTotal,
                marketOptimum, remarks);
        if (allocated instanceof AllocationOutcome.Refused refused) {
            return new SettlementOutcome.Refused(List.of(refused.reason()));
        }
        Allocation allocation = allocated.orElseThrow();
        remarks.addAll(allocation.remarks());
        if (realisedTotal != marketOptimum) {
            remarks.add("the realised total " + realisedTotal + " differs from the optimum of the period's lanes "
                    + marketOptimum + ": the rule shares the realised total; coalitions are valued by the lanes");
        }
        long[] fair = roundToTotal(allocation.sharesArray(), realisedTotal);
        long[] transfer = transfers(fair, gain, agreement.pooledShareBasisPoints());

        List<Posting> postings = new ArrayList<>();
        String collaborationId = inputs.collaborationId();
        long periodIndex = inputs.period().index();
        for (RealisedBooking booking : bookings) {
            long original = schedule.periodAt(booking.pickupAt()).index();
            String reference = booking.bookingId().value();
            String postingId = Ledger.postingId(collaborationId, periodIndex, Posting.Kind.REALISED_GAIN, reference);
            Lines lines = new Lines(postingId, original);
            lines.add(Account.REALISED_GAIN, booking.carrier(), booking.carrierGain().amountMinorUnits());
            lines.add(Account.REALISED_GAIN, booking.shipper(), booking.shipperGain().amountMinorUnits());
            lines.add(Account.CLEARING, null, -booking.total().amountMinorUnits());
            postings.add(new Posting(postingId, Posting.Kind.REALISED_GAIN, reference, original,
                    original < periodIndex, lines.lines));
        }

        long[] loss = new long[n];
        long[] recovery = new long[n];
        long[] charge = new long[n];
        long[] borneAtFault = new long[n];
        long riskCostTotal = 0;
        List<RiskEvent> events = new ArrayList<>(inputs.riskEvents());
        events.sort(Comparator.comparingLong((RiskEvent e) -> schedule.periodAt(e.pickupAt()).index())
                .thenComparing(e -> e.bookingId().value()));
        List<Long> equalWeights = Collections.nCopies(n, 1L);
        for (RiskEvent event : events) {
            long cost = event.cost().amountMinorUnits();
            int atFault = inputs.indexOf(event.atFault());
            int affected = inputs.indexOf(event.affected());
            long borne = 0;
            if (agreement.riskTerms() instanceof RiskTerms.AtFaultCapped(Money cap)) {
                borne = Math.min(cost, Math.max(0, cap.amountMinorUnits() - borneAtFault[atFault]));
                borneAtFault[atFault] += borne;
            }
            long[] eventCharge = new long[n];
            eventCharge[atFault] = borne;
            long excess = cost - borne;
            if (excess > 0) {
                List<Money> parts = new Money(excess, currency).allocate(equalWeights);
                for (int i = 0; i < n; i++) {
                    eventCharge[i] += parts.get(i).amountMinorUnits();
                }
            }
            riskCostTotal += cost;
            loss[affected] += cost;
            recovery[affected] += cost;
            long original = schedule.periodAt(event.pickupAt()).index();
            String reference = event.bookingId().value();
            String postingId = Ledger.postingId(collaborationId, periodIndex, Posting.Kind.RISK_EVENT, reference);
            Lines lines = new Lines(postingId, original);
            lines.add(Account.RISK_LOSS, event.affected(), -cost);
            lines.add(Account.RISK_RECOVERY, event.affected(), cost);
            for (int i = 0; i < n; i++) {
                charge[i] += eventCharge[i];
                if (eventCharge[i] != 0) {
                    lines.add(Account.RISK_CHARGE, members.get(i), -eventCharge[i]);
                }
            }
            lines.add(Account.CLEARING, null, cost);
            postings.add(new Posting(postingId, Posting.Kind.RISK_EVENT, reference, original,
                    original < periodIndex, lines.lines));
        }

        String poolId = Ledger.postingId(collaborationId, periodIndex, Posting.Kind.POOL_TRANSFER, "pool");
        Lines pool = new Lines(poolId, periodIndex);
        for (int i = 0; i < n; i++) {
            pool.add(Account.POOL_TRANSFER, members.get(i), transfer[i]);
        }
        postings.add(new Posting(poolId, Posting.Kind.POOL_TRANSFER, "pool", periodIndex, false, pool.lines));
        Ledger ledger = new Ledger(collaborationId, periodIndex, currency, postings);

        List<MemberResult> results = new ArrayList<>();
        long[] finals = new long[n];
        for (int i = 0; i < n; i++) {
            finals[i] = gain[i] + transfer[i] - loss[i] + recovery[i] - charge[i];
            Double standardError = allocation.standardErrors().isEmpty() ? null : allocation.standardErrors().get(i);
            results.add(new MemberResult(members.get(i), gain[i], fair[i], transfer[i], loss[i], recovery[i], charge[i],
                    finals[i], standardError));
        }
        Stability stability = stability(market, marketTable, members, finals);
        EmissionsSettlement emissions = inputs.emissions() == null ? null
                : emissions(inputs, agreement.rule(), bookings, seed);
        return new SettlementOutcome.Settled(new SettlementResult(collaborationId, inputs.period(),
                agreement.version(), currency, allocation.rule(), realisedTotal, marketOptimum, riskCostTotal, results,
                remarks, stability, ledger, emissions));
    }

    /**
     * The emissions game of the period shared by the money's rule (ADR 35): v(S) = the most CO₂e S's own lanes
     * could avoid over the same pairings as the money's game, v(N) = the CO₂e the realised bookings avoided; the
     * same rule, rounding (whole grams summing to v(N)) and core check as the money's. A rule that refuses this
     * game leaves the emissions unallocated, with its reason, and never the money unsettled.
     */
    private static EmissionsSettlement emissions(SettlementInputs inputs, AllocationRuleName ruleName,
            List<RealisedBooking> bookings, long seed) {
        EmissionsInputs emissions = inputs.emissions();
        int n = inputs.members().size();
        long realisedGrams = 0;
        for (RealisedBooking booking : bookings) {
            realisedGrams = Math.addExact(realisedGrams,
                    emissions.co2eAvoidedGramsByBooking().get(booking.bookingId().value()));
        }
        AssignmentMarket market = emissions.market();
        long optimumGrams = (long) market.grandCoalitionValue();
        CooperativeGame table = n <= AllocationRuleName.EXACT_MEMBER_LIMIT ? market.tabulate() : null;
        List<String> remarks = new ArrayList<>();
        String ruleApplied = ruleName.toRule(n, seed).name();
        AllocationOutcome outcome = allocate(ruleName, seed, market, table, realisedGrams, optimumGrams, remarks);
        if (outcome instanceof AllocationOutcome.Refused refused) {
            return new EmissionsSettlement.NotAllocated(emissions.method(), ruleApplied, realisedGrams, optimumGrams,
                    new Decision.Rejected(refused.reason().reasonCode(), refused.reason().detail(), "/emissions"));
        }
        Allocation allocation = outcome.orElseThrow();
        remarks.addAll(allocation.remarks());
        if (realisedGrams != optimumGrams) {
            remarks.add("the realised CO2e avoided " + realisedGrams + " g differs from the most the period's lanes"
                    + " could avoid " + optimumGrams + " g: the rule shares the realised total; coalitions are valued"
                    + " by the lanes");
        }
        long[] grams = roundToTotal(allocation.sharesArray(), realisedGrams);
        List<EmissionsSettlement.Share> shares = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            shares.add(new EmissionsSettlement.Share(inputs.members().get(i), grams[i],
                    allocation.standardErrors().isEmpty() ? null : allocation.standardErrors().get(i)));
        }
        return new EmissionsSettlement.Allocated(emissions.method(), allocation.rule(), realisedGrams, optimumGrams,
                shares, remarks, stability(market, table, inputs.members(), grams));
    }

    /**
     * The agreed rule applied to the realised game of {@code market} (v(N) = {@code realisedTotal}), or its
     * refusal as a {@value #RULE_REFUSED} rejection at {@code /rule}. One path for the money and the emissions.
     */
    private static AllocationOutcome allocate(AllocationRuleName ruleName, long seed, AssignmentMarket market,
            CooperativeGame table, long realisedTotal, long marketOptimum, List<String> remarks) {
        int n = market.players();
        if (ruleName == AllocationRuleName.SHADOW_PRICES) {
            return new AllocationOutcome.Allocated(scaledShadowPrices(market, realisedTotal, marketOptimum, remarks));
        }
        AllocationRule rule = ruleName.toRule(n, seed);
        Game game = realisedGame(market, table, n, realisedTotal);
        if (rule instanceof AllocationRule.EqualProfit) {
            rule = equalProfitWithReferences(game, n, remarks);
        }
        AllocationOutcome outcome = rule.allocate(game);
        if (outcome instanceof AllocationOutcome.Refused refused) {
            return new AllocationOutcome.Refused(new Decision.Rejected(RULE_REFUSED, rule.name()
                    + " cannot share this period (" + refused.reason().reasonCode() + "): "
                    + refused.reason().detail(), "/rule"));
        }
        return outcome;
    }

    /** The rejections of the inputs (pointers into a settlement request), empty when they can be settled. */
    public static List<Decision.Rejected> validate(SettlementInputs inputs, Agreement agreement) {
        List<Decision.Rejected> rejected = new ArrayList<>();
        int n = inputs.members().size();
        PeriodSchedule schedule = agreement.schedule();
        if (n == 0) {
            rejected.add(new Decision.Rejected(NO_MEMBERS, "A period is settled among at least one member.",
                    "/members"));
            return rejected;
        }
        if (new HashSet<>(inputs.members()).size() != n) {
            rejected.add(new Decision.Rejected(DUPLICATE_MEMBER, "A member is listed twice.", "/members"));
        }
        for (int i = 1; i < n; i++) {
            if (inputs.members().get(i - 1).value().compareTo(inputs.members().get(i).value()) > 0) {
                rejected.add(new Decision.Rejected(MEMBERS_NOT_ORDERED, "Members are listed in ascending partner id"
                        + " order (market player i is member i).", "/members/" + i));
                break;
            }
        }
        if (inputs.market().players() != n) {
            rejected.add(new Decision.Rejected(MARKET_MISMATCH, "The market has " + inputs.market().players()
                    + " players for " + n + " members.", "/market"));
        }
        if (!inputs.period().equals(schedule.period(inputs.period().index()))) {
            rejected.add(new Decision.Rejected(PERIOD_MISMATCH, "The period is not period "
                    + inputs.period().index() + " of the agreement's schedule.", "/period"));
        }
        if (!agreement.rule().supports(n)) {
            rejected.add(new Decision.Rejected(RULE_NEEDS_EXACT_GAME, agreement.rule() + " reads every coalition and"
                    + " settles at most " + AllocationRuleName.EXACT_MEMBER_LIMIT + " members; this period has " + n
                    + ": use SHAPLEY (sampled above the limit), SHADOW_PRICES, PROPORTIONAL or EQUAL_SPLIT.",
                    "/rule"));
        }
        Set<String> bookingIds = new HashSet<>();
        for (int i = 0; i < inputs.bookings().size(); i++) {
            RealisedBooking booking = inputs.bookings().get(i);
            String at = "/bookings/" + i;
            member(inputs, booking.carrier(), at + "/carrier", rejected);
            member(inputs, booking.shipper(), at + "/shipper", rejected);
            currency(agreement, booking.carrierGain(), at + "/carrierGain", rejected);
            currency(agreement, booking.shipperGain(), at + "/shipperGain", rejected);
            timing(inputs, schedule, booking.pickupAt(), at + "/pickupAt", rejected);
            if (!bookingIds.add(booking.bookingId().value())) {
                rejected.add(new Decision.Rejected(DUPLICATE_BOOKING, "Booking " + booking.bookingId()
                        + " is settled once.", at + "/bookingId"));
            }
        }
        Set<String> realisedIds = Set.copyOf(bookingIds);
        Set<String> riskIds = new HashSet<>();
        for (int i = 0; i < inputs.riskEvents().size(); i++) {
            RiskEvent event = inputs.riskEvents().get(i);
            String at = "/riskEvents/" + i;
            member(inputs, event.atFault(), at + "/atFault", rejected);
            member(inputs, event.affected(), at + "/affected", rejected);
            currency(agreement, event.cost(), at + "/cost", rejected);
            timing(inputs, schedule, event.pickupAt(), at + "/pickupAt", rejected);
            if (event.cost().isNegative()) {
                rejected.add(new Decision.Rejected(RISK_COST_NEGATIVE, "A risk cost is never negative.", at + "/cost"));
            }
            if (event.atFault().equals(event.affected())) {
                rejected.add(new Decision.Rejected(SAME_PARTY, "A member is not at fault towards itself.",
                        at + "/affected"));
            }
            // A delivery's confirmed detention (ADR 38) is a risk event beside its realised gain; any other risk
            // event is a cancelled booking's, and each booking has one risk event at most.
            boolean beside = event.kind() == RiskEvent.Kind.DETENTION && realisedIds.contains(event.bookingId().value());
            if (!riskIds.add(event.bookingId().value()) || (!beside && !bookingIds.add(event.bookingId().value()))) {
                rejected.add(new Decision.Rejected(DUPLICATE_BOOKING, "Booking " + event.bookingId()
                        + " is settled once.", at + "/bookingId"));
            }
        }
        if (inputs.emissions() != null) {
            EmissionsInputs emissions = inputs.emissions();
            if (emissions.market().players() != n) {
                rejected.add(new Decision.Rejected(MARKET_MISMATCH, "The emissions market has "
                        + emissions.market().players() + " players for " + n + " members.", "/emissions/market"));
            }
            for (int i = 0; i < inputs.bookings().size(); i++) {
                if (!emissions.co2eAvoidedGramsByBooking().containsKey(inputs.bookings().get(i).bookingId().value())) {
                    rejected.add(new Decision.Rejected(EMISSIONS_MISSING, "Booking "
                            + inputs.bookings().get(i).bookingId() + " has no CO2e avoided.",
                            "/bookings/" + i + "/bookingId"));
                }
            }
        }
        return rejected;
    }

    private static void member(SettlementInputs inputs, PartnerId partner, String pointer,
            List<Decision.Rejected> rejected) {
        if (inputs.indexOf(partner) < 0) {
            rejected.add(new Decision.Rejected(NOT_A_MEMBER, "Partner " + partner + " is not an active member of"
                    + " period " + inputs.period().index() + ".", pointer));
        }
    }

    private static void currency(Agreement agreement, Money amount, String pointer, List<Decision.Rejected> rejected) {
        if (!amount.currency().equals(agreement.currency())) {
            rejected.add(new Decision.Rejected(CURRENCY_MISMATCH, "Amounts are in " + agreement.currency() + ", was "
                    + amount.currency() + ".", pointer));
        }
    }

    private static void timing(SettlementInputs inputs, PeriodSchedule schedule, java.time.Instant pickupAt,
            String pointer, List<Decision.Rejected> rejected) {
        if (!pickupAt.isBefore(inputs.period().endsAt())) {
            rejected.add(new Decision.Rejected(EVENT_AFTER_PERIOD, "A pickup at " + pickupAt + " belongs to a later"
                    + " period.", pointer));
        } else if (!schedule.hasStarted(pickupAt)) {
            rejected.add(new Decision.Rejected(EVENT_BEFORE_START, "A pickup at " + pickupAt + " is before the"
                    + " collaboration started.", pointer));
        }
    }

    /** v(S) from the market for S ≠ N, v(N) = the realised total. */
    private static Game realisedGame(AssignmentMarket market, CooperativeGame table, int n, long realisedTotal) {
        if (table != null) {
            long all = table.grandCoalition();
            return CooperativeGame.of(n, mask -> mask == all ? realisedTotal : table.value(mask));
        }
        return new OracleGame(n, coalition -> coalition.cardinality() == n ? realisedTotal : market.value(coalition));
    }

    /**
     * Equal profit needs positive reference values: the stand-alone values v({i}) when all are positive; else
     * (a member owning only loads or only trucks gains nothing alone) 1 for everyone, i.e. the most equal
     * absolute shares the core allows.
     */
    private static AllocationRule equalProfitWithReferences(Game game, int n, List<String> remarks) {
        boolean allPositive = true;
        for (int i = 0; i < n; i++) {
            allPositive &= game.standAloneValue(i) > 0;
        }
        if (allPositive) {
            return new AllocationRule.EqualProfit();
        }
        remarks.add("some member gains nothing alone: equal profit compares absolute shares (reference 1 each)");
        return new AllocationRule.EqualProfit(Collections.nCopies(n, 1.0));
    }

    private static Allocation scaledShadowPrices(AssignmentMarket market, long realisedTotal, long marketOptimum,
            List<String> remarks) {
        Allocation prices = new AllocationRule.ShadowPrices().allocate(market).orElseThrow();
        int n = prices.players();
        List<Double> shares = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            shares.add(marketOptimum > 0 ? prices.share(i) * ((double) realisedTotal / marketOptimum)
                    : (double) realisedTotal / n);
        }
        if (marketOptimum > 0 && realisedTotal != marketOptimum) {
            remarks.add("shadow prices scaled by realised total / market optimum");
        } else if (marketOptimum == 0) {
            remarks.add("the period's lanes have no feasible pair: the realised total is split equally");
        }
        return new Allocation(prices.rule(), realisedTotal, shares, List.of(), prices.remarks());
    }

    /**
     * Whole minor units summing exactly to {@code total}: each share floored, the units left over (or owed,
     * when floating-point drift made the floors too large) given one each by largest fractional part, ties to
     * the lower member index.
     */
    static long[] roundToTotal(double[] shares, long total) {
        int n = shares.length;
        long[] rounded = new long[n];
        double[] fraction = new double[n];
        long assigned = 0;
        for (int i = 0; i < n; i++) {
            rounded[i] = (long) Math.floor(shares[i]);
            fraction[i] = shares[i] - rounded[i];
            assigned += rounded[i];
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingDouble((Integer i) -> -fraction[i]).thenComparingInt(i -> i));
        long leftover = total - assigned;
        for (long k = 0; k < leftover; k++) {
            rounded[order.get((int) (k % n))]++;
        }
        for (long k = 0; k < -leftover; k++) {
            rounded[order.get(n - 1 - (int) (k % n))]--;
        }
        return rounded;
    }

    /**
     * t_i = bp × (x_i − g_i) / 10,000, which sums to exactly 0 as rationals (Σ x = Σ g); each floored, and
     * the leftover units (Σ remainders / 10,000, an integer) one each to the largest remainders, ties to the
     * lower index. So Σ t_i = 0 exactly and |t_i − exact| < 1.
     */
    static long[] transfers(long[] fair, long[] gain, int basisPoints) {
        int n = fair.length;
        BigInteger scale = BigInteger.valueOf(Agreement.FULL_POOLING_BASIS_POINTS);
        long[] transfer = new long[n];
        long[] remainder = new long[n];
        BigInteger remainders = BigInteger.ZERO;
        for (int i = 0; i < n; i++) {
            BigInteger exact = BigInteger.valueOf(fair[i]).subtract(BigInteger.valueOf(gain[i]))
                    .multiply(BigInteger.valueOf(basisPoints));
            BigInteger[] division = exact.divideAndRemainder(scale);
            if (division[1].signum() < 0) {
                division[0] = division[0].subtract(BigInteger.ONE);
                division[1] = division[1].add(scale);
            }
            transfer[i] = division[0].longValueExact();
            remainder[i] = division[1].longValueExact();
            remainders = remainders.add(division[1]);
        }
        long leftover = remainders.divide(scale).longValueExact();
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingLong((Integer i) -> -remainder[i]).thenComparingInt(i -> i));
        for (int k = 0; k < leftover; k++) {
            transfer[order.get(k)]++;
        }
        return transfer;
    }

    private static Stability stability(AssignmentMarket market, CooperativeGame table, List<PartnerId> members,
            long[] finals) {
        int n = finals.length;
        long total = sum(finals);
        List<Double> shares = new ArrayList<>();
        for (long value : finals) {
            shares.add((double) value);
        }
        if (table != null) {
            long all = table.grandCoalition();
            CooperativeGame game = CooperativeGame.of(n, mask -> mask == all ? total : table.value(mask));
            CoreCheck check = CoreCheck.of(game, new Allocation("final-results", total, shares, List.of(), List.of()),
                    STABILITY_TOLERANCE, MAX_LISTED_BLOCKING);
            List<Stability.Blocking> blocking = check.blocking().stream().map(coalition -> new Stability.Blocking(
                    coalition.members().stream().map(members::get).toList(), coalition.value(), coalition.allocated(),
                    coalition.gap())).toList();
            return new Stability(true, (1L << n) - 2, check.blockingCount(), blocking);
        }
        List<Stability.Blocking> blocking = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            BitSet alone = new BitSet(n);
            alone.set(i);
            BitSet others = new BitSet(n);
            others.set(0, n);
            others.clear(i);
            for (BitSet coalition : List.of(alone, others)) {
                double value = market.value(coalition);
                double allocated = coalition.stream().mapToDouble(j -> finals[j]).sum();
                if (value - allocated > STABILITY_TOLERANCE) {
                    blocking.add(new Stability.Blocking(coalition.stream().mapToObj(members::get).toList(), value,
                            allocated, value - allocated));
                }
            }
        }
        blocking.sort(Comparator.comparingDouble(Stability.Blocking::gap).reversed());
        return new Stability(false, 2L * n, blocking.size(),
                blocking.subList(0, Math.min(MAX_LISTED_BLOCKING, blocking.size())));
    }

    private static long sum(long[] values) {
        long total = 0;
        for (long value : values) {
            total = Math.addExact(total, value);
        }
        return total;
    }

    /** Numbers the lines of one posting and derives their ids. */
    private static final class Lines {
        private final String postingId;
        private final long originalPeriod;
        private final List<LedgerLine> lines = new ArrayList<>();

        Lines(String postingId, long originalPeriod) {
            this.postingId = postingId;
            this.originalPeriod = originalPeriod;
        }

        void add(Account account, PartnerId member, long amount) {
            int number = lines.size() + 1;
            lines.add(new LedgerLine(Ledger.lineId(postingId, number), number, account, member, amount,
                    originalPeriod));
        }
    }
}
