package com.backhaulexchange.compliance;

import com.backhaulexchange.deal.document.DocumentContentType;
import com.backhaulexchange.deal.document.DocumentPolicy;
import com.backhaulexchange.kernel.money.Money;
import com.backhaulexchange.kernel.policy.Decision;
import com.backhaulexchange.partner.PartnerRole;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Set;

/**
 * What a carrier may declare and a shipper may require (ADR 37), each rule with a reason code and the field to blame:
 * <ul>
 * <li>{@code NOT_A_CARRIER} (403): only a partner with the CARRIER role files a certificate or an authority;</li>
 * <li>{@code UNSUPPORTED_CONTENT_TYPE} ({@code /file/contentType}), {@code DOCUMENT_TOO_LARGE}
 * ({@code /file/sizeBytes}): as a booking's documents, PDF, JPEG or PNG of at most 10 MiB;</li>
 * <li>{@code UNSUPPORTED_CURRENCY}: coverage and requirements in USD, the currency of US authority;</li>
 * <li>{@code COVERAGE_NOT_POSITIVE}, {@code COVERAGE_TOO_LARGE};</li>
 * <li>{@code POLICY_PERIOD_INVALID} ({@code /expiresOn}): expiry before the effective day, or a period over
 * {@link #MAX_POLICY_PERIOD_DAYS} days;</li>
 * <li>{@code CERTIFICATE_EXPIRED} ({@code /expiresOn}): a certificate whose last day is already past;</li>
 * <li>{@code REQUIREMENT_BELOW_FEDERAL_MINIMUM} ({@code /minimumAutoLiability}): a shipper cannot waive 49 CFR
 * 387.9.</li>
 * </ul>
 */
public final class CompliancePolicy {
    /** Commercial auto policies run a year; three years with room is already unusual. */
    public static final long MAX_POLICY_PERIOD_DAYS = 3 * 366;
    /** The certificate's upload and download live as a booking document's do. */
    public static final Duration UPLOAD_VALIDITY = DocumentPolicy.UPLOAD_VALIDITY;
    public static final Duration DOWNLOAD_VALIDITY = DocumentPolicy.DOWNLOAD_VALIDITY;

    /** A certificate as the carrier declares it. */
    public record Declaration(String insurer, String policyNumber, Money autoLiabilityCoverage, Money cargoCoverage,
            LocalDate effectiveOn, LocalDate expiresOn, String contentType, long sizeBytes) {
    }

    private CompliancePolicy() {
    }

    public static Decision mayFile(Set<PartnerRole> roles) {
        return roles.contains(PartnerRole.CARRIER) ? Decision.allowed()
                : Decision.rejected("NOT_A_CARRIER", "Only a carrier files an insurance certificate or an operating"
                        + " authority.", null);
    }

    public static Decision mayDeclare(Declaration declaration, LocalDate today) {
        if (DocumentContentType.ofMediaType(declaration.contentType()).isEmpty()) {
            return Decision.rejected("UNSUPPORTED_CONTENT_TYPE", "A certificate is application/pdf, image/jpeg or"
                    + " image/png.", "/file/contentType");
        }
        if (declaration.sizeBytes() < 1 || declaration.sizeBytes() > DocumentPolicy.MAX_SIZE_BYTES) {
            return Decision.rejected("DOCUMENT_TOO_LARGE", "A certificate file has 1 to " + DocumentPolicy.MAX_SIZE_BYTES
                    + " bytes.", "/file/sizeBytes");
        }
        Decision auto = coverage(declaration.autoLiabilityCoverage(), "/autoLiabilityCoverage");
        if (auto instanceof Decision.Rejected) {
            return auto;
        }
        Decision cargo = coverage(declaration.cargoCoverage(), "/cargoCoverage");
        if (cargo instanceof Decision.Rejected) {
            return cargo;
        }
        if (declaration.expiresOn().isBefore(declaration.effectiveOn())
                || declaration.effectiveOn().plusDays(MAX_POLICY_PERIOD_DAYS).isBefore(declaration.expiresOn())) {
            return Decision.rejected("POLICY_PERIOD_INVALID", "A policy expires on or after its effective day, at"
                    + " most " + MAX_POLICY_PERIOD_DAYS + " days later.", "/expiresOn");
        }
        if (declaration.expiresOn().isBefore(today)) {
            return Decision.rejected("CERTIFICATE_EXPIRED", "This certificate has expired; file the current one.",
                    "/expiresOn");
        }
        return Decision.allowed();
    }

    public static Decision mayRequire(CarrierRequirements requirements) {
        Decision auto = coverage(requirements.minimumAutoLiability(), "/minimumAutoLiability");
        if (auto instanceof Decision.Rejected) {
            return auto;
        }
        Decision cargo = coverage(requirements.minimumCargo(), "/minimumCargo");
        if (cargo instanceof Decision.Rejected) {
            return cargo;
        }
        if (requirements.minimumAutoLiability().amountMinorUnits()
                < CarrierRequirements.FMCSA_MINIMUM_AUTO_LIABILITY.amountMinorUnits()) {
            return Decision.rejected("REQUIREMENT_BELOW_FEDERAL_MINIMUM", "Auto liability of at least USD 750,000 is"
                    + " the federal minimum for general freight (49 CFR 387.9); a shipper cannot require less.",
                    "/minimumAutoLiability");
        }
        return Decision.allowed();
    }

    private static Decision coverage(Money amount, String field) {
        if (!amount.currency().getCurrencyCode().equals("USD")) {
            return Decision.rejected("UNSUPPORTED_CURRENCY", "Coverage is in USD.", field + "/currency");
        }
        if (amount.amountMinorUnits() < 1) {
            return Decision.rejected("COVERAGE_NOT_POSITIVE", "Coverage is a positive amount.",
                    field + "/amountMinorUnits");
        }
        if (amount.amountMinorUnits() > CarrierRequirements.MAX_MINOR_UNITS) {
            return Decision.rejected("COVERAGE_TOO_LARGE", "Coverage is at most USD 100,000,000.",
                    field + "/amountMinorUnits");
        }
        return Decision.allowed();
    }
}
