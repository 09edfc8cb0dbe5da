package com.backhaulexchange.settlement;

import static com.backhaulexchange.settlement.SettlementExamples.COLLABORATION;
import static com.backhaulexchange.settlement.SettlementExamples.agreement;
import static com.backhaulexchange.settlement.SettlementExamples.delivered;
import static com.backhaulexchange.settlement.SettlementExamples.in;
import static com.backhaulexchange.settlement.SettlementExamples.period;
import static org.assertj.core.api.Assertions.assertThat;

import com.backhaulexchange.emissions.EmissionsMethod;
import com.backhaulexchange.partner.PartnerId;
import com.backhaulexchange.settlement.collaboration.AllocationRuleName;
import com.backhaulexchange.settlement.collaboration.RiskTerms;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * What every emissions allocation guarantees (ADR 35), on random members, lanes, pairings and bookings: the
 * shares add up to the realised CO₂e, symmetric members get the same, a member with no lanes gets nothing
 * (under the rules that promise it), and the core check agrees with a brute-force one.
 */
class EmissionsSharePropertiesTest {

    /** A random period: lanes, pairings with both weights, and which pairings were booked. */
    record Period(int members, List<int[]> lanes, List<long[]> pairings, List<Integer> booked) {

        /** lanes: {owner, 0 capacity | 1 load}; pairings: {capacity lane, load lane, cents, grams}. */
        SettlementInputs inputs(long realisedGramsOverride) {
            List<PartnerId> partners = partners(members);
            PeriodPairings.Builder builder = PeriodPairings.builder(members);
            List<Integer> capacity = new ArrayList<>();
            List<Integer> load = new ArrayList<>();
            for (int[] lane : lanes) {
                if (lane[1] == 0) {
                    capacity.add(builder.capacityLane(lane[0]));
                } else {
                    load.add(builder.loadLane(lane[0]));
                }
            }
            for (long[] pair : pairings) {
                builder.pairing((int) pair[0], (int) pair[1], pair[2], pair[3]);
            }
            PeriodPairings built = builder.build();
            List<RealisedBooking> bookings = new ArrayList<>();
            Map<String, Long> grams = new HashMap<>();
            int number = 1;
            for (int index : booked) {
                long[] pair = pairings.get(index);
                RealisedBooking booking = delivered(number++, in(1, number), partners.get(owner(0, (int) pair[0])),
                        partners.get(owner(1, (int) pair[1])), pair[2] / 2, pair[2] - pair[2] / 2);
                bookings.add(booking);
                grams.put(booking.bookingId().value(), pair[3]);
            }
            if (realisedGramsOverride != Long.MIN_VALUE && !bookings.isEmpty()) {
                long rest = realisedGramsOverride;
                for (int i = 0; i < bookings.size(); i++) {
                    long part = i == bookings.size() - 1 ? rest : realisedGramsOverride / bookings.size();
                    grams.put(bookings.get(i).bookingId().value(), part);
                    rest -= part;
                }
            }
            return new SettlementInputs(COLLABORATION, period(1), partners, bookings, List.of(), built.money(),
                    new EmissionsInputs(EmissionsMethod.DEFAULT, built.emissions(), grams));
        }

        int owner(int side, int index) {
            int seen = 0;
            for (int[] lane : lanes) {
                if (lane[1] == side && seen++ == index) {
                    return lane[0];
                }
            }
            throw new IllegalArgumentException("no lane " + index);
        }

        /** v(S) of the emissions game by brute force: every set of disjoint pairings of S's lanes. */
        long bruteForceValue(long coalition) {
            return best(coalition, 0, 0L, 0L);
        }

        private long best(long coalition, int from, long usedCapacity, long usedLoads) {
            long best = 0;
            for (int i = from; i < pairings.size(); i++) {
                long[] pair = pairings.get(i);
                int truck = (int) pair[0];
                int load = (int) pair[1];
                if ((coalition >> owner(0, truck) & 1) == 0 || (coalition >> owner(1, load) & 1) == 0
                        || (usedCapacity >> truck & 1) != 0 || (usedLoads >> load & 1) != 0) {
                    continue;
                }
                best = Math.max(best, Math.max(0, pair[3]) + best(coalition, i + 1, usedCapacity | 1L << truck,
                        usedLoads | 1L << load));
            }
            return best;
        }
    }

    static List<PartnerId> partners(int members) {
        List<PartnerId> partners = new ArrayList<>();
        for (int i = 0; i < members; i++) {
            partners.add(new PartnerId(String.format("01JDPRTR%018d", i)));
        }
        return partners;
    }

    static Period randomPeriod(long seed, int members) {
        Random random = new Random(seed);
        List<int[]> lanes = new ArrayList<>();
        int trucks = 1 + random.nextInt(4);
        int loads = 1 + random.nextInt(4);
        for (int i = 0; i < trucks; i++) {
            lanes.add(new int[] {random.nextInt(members), 0});
        }
        for (int i = 0; i < loads; i++) {
            lanes.add(new int[] {random.nextInt(members), 1});
        }
        List<long[]> pairings = new ArrayList<>();
        for (int truck = 0; truck < trucks; truck++) {
            for (int load = 0; load < loads; load++) {
                if (random.nextInt(2) == 0) {
                    pairings.add(new long[] {truck, load, random.nextInt(5_000), random.nextInt(90_000) - 10_000});
                }
            }
        }
        List<Integer> booked = new ArrayList<>();
        long usedTrucks = 0;
        long usedLoads = 0;
        for (int i = 0; i < pairings.size(); i++) {
            long[] pair = pairings.get(i);
            if (random.nextBoolean() && (usedTrucks >> pair[0] & 1) == 0 && (usedLoads >> pair[1] & 1) == 0) {
                booked.add(i);
                usedTrucks |= 1L << pair[0];
                usedLoads |= 1L << pair[1];
            }
        }
        return new Period(members, lanes, pairings, booked);
    }

    /** The settlement, or null when the money's rule refused the period (then nothing settles, emissions neither). */
    private static SettlementResult settle(SettlementInputs inputs, AllocationRuleName rule) {
        SettlementOutcome outcome = PeriodSettlement.settle(inputs, agreement(rule, 10_000,
                new RiskTerms.SharedFromFirstCent()));
        if (outcome instanceof SettlementOutcome.Refused refused) {
            assertThat(refused.reasonCode()).isEqualTo(PeriodSettlement.RULE_REFUSED);
            return null;
        }
        return outcome.orElseThrow();
    }

    private static AllocationRuleName rule(long seed) {
        return AllocationRuleName.values()[(int) Math.floorMod(seed, (long) AllocationRuleName.values().length)];
    }

    @Property(tries = 150)
    @Label("efficiency: the emission shares sum to v(N), the realised CO2e, in whole grams; the rule is the money's")
    void sharesSumToTheRealisedCo2e(@ForAll @IntRange(min = 1, max = 5) int members, @ForAll long seed) {
        Period period = randomPeriod(seed, members);
        SettlementInputs inputs = period.inputs(Long.MIN_VALUE);
        SettlementResult result = settle(inputs, rule(seed));
        if (result == null) {
            return;
        }
        long realised = inputs.emissions().co2eAvoidedGramsByBooking().values().stream().mapToLong(Long::longValue)
                .sum();
        assertThat(result.emissions().realisedGrams()).isEqualTo(realised);
        assertThat(result.emissions().optimumGrams()).isEqualTo(period.bruteForceValue((1L << members) - 1));
        assertThat(result.emissions().rule()).isEqualTo(result.rule());
        if (result.emissions() instanceof EmissionsSettlement.Allocated allocated) {
            assertThat(allocated.shares().stream().mapToLong(EmissionsSettlement.Share::grams).sum())
                    .isEqualTo(realised);
        } else {
            // Only the rules that need an imputation or a core may refuse a game, and proportional when a stand-alone
            // value is negative (a lone member whose bookings added CO2e).
            assertThat(rule(seed)).isIn(AllocationRuleName.NUCLEOLUS, AllocationRuleName.EQUAL_PROFIT,
                    AllocationRuleName.PROPORTIONAL);
            assertThat(realised < 0 || rule(seed) != AllocationRuleName.PROPORTIONAL).isTrue();
        }
    }

    @Property(tries = 150)
    @Label("the core check agrees with a brute-force one: the same blocking coalitions, by brute-force v(S)")
    void coreCheckAgreesWithBruteForce(@ForAll @IntRange(min = 1, max = 5) int members, @ForAll long seed) {
        Period period = randomPeriod(seed, members);
        SettlementInputs inputs = period.inputs(Long.MIN_VALUE);
        SettlementResult result = settle(inputs, rule(seed));
        if (result == null || !(result.emissions() instanceof EmissionsSettlement.Allocated allocated)) {
            return;
        }
        long[] shares = allocated.shares().stream().mapToLong(EmissionsSettlement.Share::grams).toArray();
        int blocking = 0;
        double largestGap = 0;
        for (long coalition = 1; coalition < (1L << members) - 1; coalition++) {
            long given = 0;
            for (int i = 0; i < members; i++) {
                given += (coalition >> i & 1) == 1 ? shares[i] : 0;
            }
            long gap = period.bruteForceValue(coalition) - given;
            if (gap > 0) {
                blocking++;
                largestGap = Math.max(largestGap, gap);
            }
        }
        assertThat(allocated.stability().exhaustive()).isTrue();
        assertThat(allocated.stability().blockingCount()).isEqualTo(blocking);
        assertThat(allocated.stability().stable()).isEqualTo(blocking == 0);
        if (blocking > 0) {
            assertThat(allocated.stability().blocking().get(0).gap()).isEqualTo(largestGap);
        }
    }

    @Property(tries = 100)
    @Label("symmetry: two members with mirror lanes get the same share (to the gram of rounding)")
    void symmetricMembersGetTheSame(@ForAll @IntRange(min = 0, max = 90_000) int gramsB,
            @ForAll @IntRange(min = 0, max = 90_000) int gramsC, @ForAll long seed) {
        // A's two trucks; B's load and C's load pair alike with both (the same cents and grams each way).
        List<int[]> lanes = List.of(new int[] {0, 0}, new int[] {0, 0}, new int[] {1, 1}, new int[] {2, 1});
        List<long[]> pairings = List.of(new long[] {0, 0, 700, gramsB}, new long[] {1, 0, 300, gramsC},
                new long[] {0, 1, 700, gramsB}, new long[] {1, 1, 300, gramsC});
        Period period = new Period(3, lanes, pairings, List.of(0, 3));
        AllocationRuleName rule = rule(seed) == AllocationRuleName.SHADOW_PRICES ? AllocationRuleName.SHAPLEY
                : rule(seed); // the solver's duals are one core point among many, not a symmetric one
        SettlementResult result = settle(period.inputs(period.bruteForceValue(7)), rule);
        if (result == null) {
            return;
        }
        var allocated = (EmissionsSettlement.Allocated) result.emissions();
        assertThat(Math.abs(allocated.shares().get(1).grams() - allocated.shares().get(2).grams()))
                .isLessThanOrEqualTo(1);
    }

    @Property(tries = 100)
    @Label("null player: a member without lanes gets 0 under Shapley, the nucleolus and shadow prices")
    void aMemberWithoutLanesGetsNothing(@ForAll @IntRange(min = 2, max = 4) int members, @ForAll long seed) {
        Period lanesOfOthers = randomPeriod(seed, members - 1);
        // The last member owns nothing; the realised total is the lanes' optimum, so v(N) = v(N without it).
        Period period = new Period(members, lanesOfOthers.lanes(), lanesOfOthers.pairings(), lanesOfOthers.booked());
        long optimum = period.bruteForceValue((1L << members) - 1);
        for (AllocationRuleName rule : List.of(AllocationRuleName.SHAPLEY, AllocationRuleName.NUCLEOLUS,
                AllocationRuleName.SHADOW_PRICES)) {
            SettlementResult result = settle(period.inputs(optimum), rule);
            if (result == null || period.booked().isEmpty() || !(result.emissions() instanceof EmissionsSettlement.Allocated allocated)) {
                continue;
            }
            assertThat(allocated.shares().get(members - 1).grams()).as(rule.name()).isZero();
        }
    }
}
