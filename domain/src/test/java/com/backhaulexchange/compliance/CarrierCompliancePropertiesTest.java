package com.backhaulexchange.compliance;

import static com.backhaulexchange.compliance.ComplianceExamples.certificate;
import static com.backhaulexchange.compliance.ComplianceExamples.inGoodStanding;
import static org.assertj.core.api.Assertions.assertThat;

import com.backhaulexchange.kernel.money.Money;
import com.backhaulexchange.kernel.policy.Decision;
import java.time.LocalDate;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/** The gate's invariants over any coverage, requirement, policy period and pickup. */
class CarrierCompliancePropertiesTest {
    private static final LocalDate BASE = LocalDate.parse("2026-01-01");

    @Property(tries = 2000)
    @Label("allowed exactly when in force on the pickup day and both coverages reach their minimum")
    void allowedExactlyWhenInForceAndCovered(
            @ForAll @LongRange(min = 1, max = 1_000_000_000) long autoCents,
            @ForAll @LongRange(min = 1, max = 1_000_000_000) long cargoCents,
            @ForAll @LongRange(min = 1, max = 1_000_000_000) long minimumAutoCents,
            @ForAll @LongRange(min = 1, max = 1_000_000_000) long minimumCargoCents,
            @ForAll @IntRange(min = 0, max = 400) int effectiveAfterDays,
            @ForAll @IntRange(min = 0, max = 800) int periodDays,
            @ForAll @IntRange(min = 0, max = 1_200) int pickupAfterDays) {
        LocalDate effectiveOn = BASE.plusDays(effectiveAfterDays);
        LocalDate expiresOn = effectiveOn.plusDays(periodDays);
        LocalDate pickup = BASE.plusDays(pickupAfterDays);
        var record = inGoodStanding().withInsurance(certificate(autoCents, cargoCents, effectiveOn, expiresOn, true));
        var requirements = new CarrierRequirements(Money.of(minimumAutoCents, "USD"),
                Money.of(minimumCargoCents, "USD"));
        boolean allowed = CarrierCompliancePolicy.mayBook(Optional.of(record), requirements, pickup)
                instanceof Decision.Allowed;
        boolean expected = !pickup.isBefore(effectiveOn) && !pickup.isAfter(expiresOn)
                && autoCents >= minimumAutoCents && cargoCents >= minimumCargoCents;
        assertThat(allowed).isEqualTo(expected);
    }

    @Property(tries = 1000)
    @Label("raising a requirement never turns a refusal into an allowance")
    void strictRequirementsRefuseAtLeastAsMuch(
            @ForAll @LongRange(min = 1, max = 1_000_000_000) long autoCents,
            @ForAll @LongRange(min = 1, max = 1_000_000_000) long minimumAutoCents,
            @ForAll @LongRange(min = 0, max = 1_000_000_000) long raise,
            @ForAll @IntRange(min = 0, max = 800) int pickupAfterDays) {
        var record = inGoodStanding().withInsurance(certificate(autoCents, 10_000_000, BASE, BASE.plusDays(365),
                true));
        var lenient = new CarrierRequirements(Money.of(minimumAutoCents, "USD"), Money.of(1, "USD"));
        var strict = new CarrierRequirements(Money.of(minimumAutoCents + raise, "USD"), Money.of(1, "USD"));
        LocalDate pickup = BASE.plusDays(pickupAfterDays);
        if (CarrierCompliancePolicy.mayBook(Optional.of(record), strict, pickup) instanceof Decision.Allowed) {
            assertThat(CarrierCompliancePolicy.mayBook(Optional.of(record), lenient, pickup))
                    .isInstanceOf(Decision.Allowed.class);
        }
    }

    @Property(tries = 1000)
    @Label("a carrier's expiry notices: at most one per threshold, never after the last day, the 7-day one last")
    void noticesFollowTheThresholds(@ForAll @IntRange(min = -10, max = 400) int daysLeft) {
        LocalDate today = BASE;
        LocalDate expiresOn = today.plusDays(daysLeft);
        var due = ExpiryNotices.dueOn(expiresOn, today);
        if (daysLeft < 0 || daysLeft > 30) {
            assertThat(due).isEmpty();
        } else {
            assertThat(due).isPresent();
            assertThat(due.get().thresholdDays()).isEqualTo(daysLeft <= 7 ? 7 : 30);
            assertThat(due.get().thresholdDays()).isGreaterThanOrEqualTo(daysLeft);
        }
        assertThat(ExpiryNotices.nextDueOn(expiresOn, 30)).contains(expiresOn.minusDays(7));
        assertThat(ExpiryNotices.nextDueOn(expiresOn, 7)).isEmpty();
    }
}
