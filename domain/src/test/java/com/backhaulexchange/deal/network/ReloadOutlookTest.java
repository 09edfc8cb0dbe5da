package com.backhaulexchange.deal.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.backhaulexchange.matching.MatchingRegion;
import com.backhaulexchange.partner.PartnerId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The k-anonymity threshold and the estimators of a reload outlook. */
class ReloadOutlookTest {
    private static final MatchingRegion DALLAS = MatchingRegion.parse("9v");
    private static final KAnonymityPolicy K5 = new KAnonymityPolicy(5);

    /** Eight weeks of {@code loadsPerWeek} loads and 10 trucks (4 booked), posted by {@code partners} partners. */
    private static List<NetworkEntry> sample(int partners, int loadsPerWeek) {
        List<NetworkEntry> entries = new ArrayList<>();
        NetworkWeek week = NetworkWeek.parse("2026-W40");
        for (int w = 0; w < 8; w++) {
            Set<PartnerId> who = Set.of(new PartnerId(String.format("01JDPART%018d", w % partners)));
            entries.add(new NetworkEntry(DALLAS, week, new NetworkCounters(10, loadsPerWeek, 0, 0, 4, 0, 0, 0, 0, 0,
                    Map.of(), Map.of(), who)));
            week = week.next();
        }
        return entries;
    }

    @Test
    void fewerThanKPartnersIsWithheldWithTheReasonAndNoFigures() {
        var outlook = ReloadOutlook.estimate(sample(4, 14), 8, 3, K5);

        assertThat(outlook).isEqualTo(new ReloadOutlook.Withheld(8, KAnonymityPolicy.FEWER_THAN_K_PARTNERS, 5));
    }

    @Test
    void kPartnersIsShownWithThePoissonProbabilityAndTheWilsonInterval() {
        var outlook = (ReloadOutlook.Shown) ReloadOutlook.estimate(sample(5, 14), 8, 3, K5);

        assertThat(outlook.distinctPartners()).isEqualTo(5);
        assertThat(outlook.loadLanesPosted()).isEqualTo(112);
        assertThat(outlook.expectedLoadsPerDay()).isCloseTo(2.0, within(1e-12));
        assertThat(outlook.expectedLoadsInWindow()).isCloseTo(6.0, within(1e-12));
        assertThat(outlook.probabilityOfAtLeastOneLoad()).isCloseTo(1 - Math.exp(-6), within(1e-12));
        assertThat(outlook.bookedShare()).isCloseTo(32.0 / 80, within(1e-12));
        assertThat(outlook.bookedShareLow95()).isCloseTo(0.2996, within(1e-4));
        assertThat(outlook.bookedShareHigh95()).isCloseTo(0.5095, within(1e-4));
    }

    /** Newcombe (1998), "Two-sided confidence intervals for the single proportion", Table I, method 3. */
    @Test
    void theWilsonIntervalMatchesNewcombesPublishedExamples() {
        assertThat(ReloadOutlook.wilson95(81, 263)).containsExactly(new double[] {0.2553, 0.3662}, within(1e-4));
        assertThat(ReloadOutlook.wilson95(15, 148)).containsExactly(new double[] {0.0624, 0.1605}, within(1e-4));
        assertThat(ReloadOutlook.wilson95(0, 20)).containsExactly(new double[] {0.0, 0.1611}, within(1e-4));
    }

    @Test
    void kComesFromTheSettingOrTheDefault() {
        assertThat(KAnonymityPolicy.fromSetting("3").k()).isEqualTo(3);
        assertThat(KAnonymityPolicy.fromSetting(null).k()).isEqualTo(KAnonymityPolicy.DEFAULT_K);
        assertThat(KAnonymityPolicy.fromSetting("1").k()).isEqualTo(KAnonymityPolicy.DEFAULT_K);
        assertThat(KAnonymityPolicy.fromSetting("many").k()).isEqualTo(KAnonymityPolicy.DEFAULT_K);
    }

    @Test
    void anEmptyAreaWithKPartnersNearbyIsNotAnError() {
        assertThat(ReloadOutlook.estimate(List.of(), 8, 1, K5)).isInstanceOf(ReloadOutlook.Withheld.class);
    }
}
