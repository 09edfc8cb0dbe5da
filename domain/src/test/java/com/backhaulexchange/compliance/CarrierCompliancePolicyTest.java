package com.backhaulexchange.compliance;

import static com.backhaulexchange.compliance.ComplianceExamples.certificate;
import static com.backhaulexchange.compliance.ComplianceExamples.inGoodStanding;
import static org.assertj.core.api.Assertions.assertThat;

import com.backhaulexchange.kernel.money.Money;
import com.backhaulexchange.kernel.policy.Decision;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CarrierCompliancePolicyTest {
    private static final LocalDate PICKUP = LocalDate.parse("2026-11-23");

    private static String reason(Optional<CarrierCompliance> record, CarrierRequirements requirements,
            LocalDate pickup) {
        return CarrierCompliancePolicy.mayBook(record, requirements, pickup) instanceof Decision.Rejected rejected
                ? rejected.reasonCode() : "ALLOWED";
    }

    @Test
    void aCarrierInGoodStandingMayBeBookedUnderTheDefaultRequirements() {
        assertThat(reason(Optional.of(inGoodStanding()), CarrierRequirements.DEFAULT, PICKUP)).isEqualTo("ALLOWED");
    }

    @Test
    void noRecordAtAllIsMissingAuthorityFirst() {
        assertThat(reason(Optional.empty(), CarrierRequirements.DEFAULT, PICKUP)).isEqualTo("AUTHORITY_MISSING");
    }

    @Test
    void aRevokedAuthorityRefusesWhateverTheInsurance() {
        var revoked = inGoodStanding().withAuthority(inGoodStanding().authority()
                .withStatus(AuthorityStatus.REVOKED, "FMCSA out-of-service order", ComplianceExamples.NOW));
        assertThat(reason(Optional.of(revoked), CarrierRequirements.DEFAULT, PICKUP)).isEqualTo("AUTHORITY_REVOKED");
        var reinstated = revoked.withAuthority(revoked.authority().withStatus(AuthorityStatus.ACTIVE, "reinstated",
                ComplianceExamples.NOW));
        assertThat(reason(Optional.of(reinstated), CarrierRequirements.DEFAULT, PICKUP)).isEqualTo("ALLOWED");
    }

    @Test
    void redeclaringTheNumbersKeepsTheOperatorsRevocation() {
        var revoked = inGoodStanding().authority().withStatus(AuthorityStatus.REVOKED, "revoked",
                ComplianceExamples.NOW);
        assertThat(revoked.redeclared("7654321", "123456").status()).isEqualTo(AuthorityStatus.REVOKED);
    }

    @Test
    void noCertificateOrAFileNeverUploadedIsMissing() {
        var noCertificate = inGoodStanding().withInsurance(null);
        assertThat(reason(Optional.of(noCertificate), CarrierRequirements.DEFAULT, PICKUP))
                .isEqualTo("INSURANCE_MISSING");
        var notUploaded = inGoodStanding().withInsurance(certificate(100_000_000, 10_000_000,
                LocalDate.parse("2026-01-01"), LocalDate.parse("2026-12-31"), false));
        assertThat(reason(Optional.of(notUploaded), CarrierRequirements.DEFAULT, PICKUP))
                .isEqualTo("INSURANCE_MISSING");
    }

    @Test
    void thePolicyPeriodIncludesBothItsDays() {
        var record = inGoodStanding().withInsurance(certificate(100_000_000, 10_000_000, PICKUP, PICKUP, true));
        assertThat(reason(Optional.of(record), CarrierRequirements.DEFAULT, PICKUP)).isEqualTo("ALLOWED");
        assertThat(reason(Optional.of(record), CarrierRequirements.DEFAULT, PICKUP.plusDays(1)))
                .isEqualTo("INSURANCE_EXPIRED");
        assertThat(reason(Optional.of(record), CarrierRequirements.DEFAULT, PICKUP.minusDays(1)))
                .isEqualTo("INSURANCE_NOT_YET_EFFECTIVE");
    }

    @Test
    void coverageBelowEitherMinimumIsRefusedAndExactlyTheMinimumIsEnough() {
        var requirements = new CarrierRequirements(Money.of(100_000_000, "USD"), Money.of(25_000_000, "USD"));
        var exact = inGoodStanding().withInsurance(certificate(100_000_000, 25_000_000,
                LocalDate.parse("2026-01-01"), LocalDate.parse("2026-12-31"), true));
        assertThat(reason(Optional.of(exact), requirements, PICKUP)).isEqualTo("ALLOWED");
        var lowCargo = exact.withInsurance(certificate(100_000_000, 24_999_999, LocalDate.parse("2026-01-01"),
                LocalDate.parse("2026-12-31"), true));
        assertThat(reason(Optional.of(lowCargo), requirements, PICKUP)).isEqualTo("INSURANCE_BELOW_REQUIRED_COVERAGE");
        var lowAuto = exact.withInsurance(certificate(99_999_999, 25_000_000, LocalDate.parse("2026-01-01"),
                LocalDate.parse("2026-12-31"), true));
        assertThat(reason(Optional.of(lowAuto), requirements, PICKUP)).isEqualTo("INSURANCE_BELOW_REQUIRED_COVERAGE");
    }

    @Test
    void aRequirementInAnotherCurrencyIsNeverMetByConversion() {
        var euros = new CarrierRequirements(Money.of(1, "EUR"), Money.of(1, "EUR"));
        assertThat(reason(Optional.of(inGoodStanding()), euros, PICKUP)).isEqualTo("INSURANCE_BELOW_REQUIRED_COVERAGE");
    }

    @Test
    void theDefaultsAreTheFederalMinimumAndTheUsualCargoFloor() {
        assertThat(CarrierRequirements.DEFAULT.minimumAutoLiability()).isEqualTo(Money.of(75_000_000, "USD"));
        assertThat(CarrierRequirements.DEFAULT.minimumCargo()).isEqualTo(Money.of(10_000_000, "USD"));
    }
}
