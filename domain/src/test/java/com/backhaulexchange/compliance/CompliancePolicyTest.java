package com.backhaulexchange.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import com.backhaulexchange.kernel.money.Money;
import com.backhaulexchange.kernel.policy.Decision;
import com.backhaulexchange.partner.PartnerRole;
import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CompliancePolicyTest {
    private static final LocalDate TODAY = LocalDate.parse("2026-11-20");

    private static CompliancePolicy.Declaration declaration(String contentType, long sizeBytes, Money auto,
            LocalDate effectiveOn, LocalDate expiresOn) {
        return new CompliancePolicy.Declaration("Prairie Mutual", "CA-1", auto, Money.of(10_000_000, "USD"),
                effectiveOn, expiresOn, contentType, sizeBytes);
    }

    private static String rejection(Decision decision) {
        return decision instanceof Decision.Rejected rejected ? rejected.reasonCode() + " " + rejected.field()
                : "ALLOWED";
    }

    @Test
    void aCurrentPdfCertificateInUsdIsAccepted() {
        assertThat(rejection(CompliancePolicy.mayDeclare(declaration("application/pdf", 1000,
                Money.of(100_000_000, "USD"), TODAY.minusDays(30), TODAY.plusDays(335)), TODAY))).isEqualTo("ALLOWED");
    }

    @Test
    void eachBadFieldHasItsReasonAndPointer() {
        Money usd = Money.of(100_000_000, "USD");
        assertThat(rejection(CompliancePolicy.mayDeclare(declaration("text/html", 1000, usd, TODAY, TODAY.plusDays(1)),
                TODAY))).isEqualTo("UNSUPPORTED_CONTENT_TYPE /file/contentType");
        assertThat(rejection(CompliancePolicy.mayDeclare(declaration("image/png", 10L * 1024 * 1024 + 1, usd, TODAY,
                TODAY.plusDays(1)), TODAY))).isEqualTo("DOCUMENT_TOO_LARGE /file/sizeBytes");
        assertThat(rejection(CompliancePolicy.mayDeclare(declaration("image/png", 10, Money.of(5, "EUR"), TODAY,
                TODAY.plusDays(1)), TODAY))).isEqualTo("UNSUPPORTED_CURRENCY /autoLiabilityCoverage/currency");
        assertThat(rejection(CompliancePolicy.mayDeclare(declaration("image/png", 10, Money.of(0, "USD"), TODAY,
                TODAY.plusDays(1)), TODAY))).isEqualTo("COVERAGE_NOT_POSITIVE /autoLiabilityCoverage/amountMinorUnits");
        assertThat(rejection(CompliancePolicy.mayDeclare(declaration("image/png", 10, usd, TODAY, TODAY.minusDays(1)),
                TODAY))).isEqualTo("POLICY_PERIOD_INVALID /expiresOn");
        assertThat(rejection(CompliancePolicy.mayDeclare(declaration("image/png", 10, usd, TODAY.minusDays(400),
                TODAY.minusDays(1)), TODAY))).isEqualTo("CERTIFICATE_EXPIRED /expiresOn");
    }

    @Test
    void onlyACarrierFiles() {
        assertThat(rejection(CompliancePolicy.mayFile(Set.of(PartnerRole.SHIPPER)))).isEqualTo("NOT_A_CARRIER null");
        assertThat(rejection(CompliancePolicy.mayFile(Set.of(PartnerRole.CARRIER, PartnerRole.SHIPPER))))
                .isEqualTo("ALLOWED");
    }

    @Test
    void aShipperCannotRequireLessThanTheFederalMinimum() {
        assertThat(rejection(CompliancePolicy.mayRequire(new CarrierRequirements(Money.of(74_999_999, "USD"),
                Money.of(1, "USD"))))).isEqualTo("REQUIREMENT_BELOW_FEDERAL_MINIMUM /minimumAutoLiability");
        assertThat(rejection(CompliancePolicy.mayRequire(new CarrierRequirements(Money.of(200_000_000, "USD"),
                Money.of(25_000_000, "USD"))))).isEqualTo("ALLOWED");
    }
}
