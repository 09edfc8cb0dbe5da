package com.backhaulexchange.testing;

import com.backhaulexchange.compliance.CarrierCompliance;
import com.backhaulexchange.compliance.CertificateFile;
import com.backhaulexchange.compliance.CertificateId;
import com.backhaulexchange.compliance.InsuranceCertificate;
import com.backhaulexchange.compliance.OperatingAuthority;
import com.backhaulexchange.deal.document.DocumentContentType;
import com.backhaulexchange.kernel.money.Money;
import com.backhaulexchange.partner.PartnerId;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * What the compliance gate (ADR 37) asks of a carrier before it is booked, for fixtures that book: an active
 * authority and a certificate whose file is uploaded, covering USD 1,000,000 auto liability and USD 100,000 cargo
 * (the defaults require 750,000 and 100,000), in force from 30 days before {@code now} to 335 days after.
 * Stored through the fixture's own {@code ComplianceRepository} (save with {@code newCertificate} true).
 */
public final class ComplianceFixtures {
    private ComplianceFixtures() {
    }

    public static CarrierCompliance inGoodStanding(PartnerId carrier, CertificateId certificateId, Instant now) {
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        var certificate = new InsuranceCertificate(certificateId, carrier, "Prairie Mutual Insurance Co",
                "CA-2026-004417", Money.of(100_000_000, "USD"), Money.of(10_000_000, "USD"), today.minusDays(30),
                today.plusDays(335), new CertificateFile(DocumentContentType.PDF, 182_044, now, now), now);
        return CarrierCompliance.none(carrier).withInsurance(certificate)
                .withAuthority(OperatingAuthority.declared("3141592", "1087234"));
    }
}
