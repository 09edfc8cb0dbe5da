package com.backhaulexchange.compliance;

import com.backhaulexchange.deal.document.DocumentContentType;
import com.backhaulexchange.kernel.money.Money;
import com.backhaulexchange.partner.PartnerId;
import java.time.Instant;
import java.time.LocalDate;

/** A carrier in good standing, and the pieces to spoil it with. */
final class ComplianceExamples {
    static final PartnerId CARRIER = new PartnerId("01JCARR1ER0000000000000000");
    static final Instant NOW = Instant.parse("2026-11-20T14:00:00Z");

    private ComplianceExamples() {
    }

    static InsuranceCertificate certificate(long autoCents, long cargoCents, LocalDate effectiveOn, LocalDate expiresOn,
            boolean uploaded) {
        return new InsuranceCertificate(new CertificateId("01JCERT1F1CATE000000000000"), CARRIER, "Prairie Mutual",
                "CA-2026-0042", Money.of(autoCents, "USD"), Money.of(cargoCents, "USD"), effectiveOn, expiresOn,
                new CertificateFile(DocumentContentType.PDF, 48_213, NOW, uploaded ? NOW : null), NOW);
    }

    static CarrierCompliance inGoodStanding() {
        return CarrierCompliance.none(CARRIER)
                .withInsurance(certificate(100_000_000, 10_000_000, LocalDate.parse("2026-01-01"),
                        LocalDate.parse("2026-12-31"), true))
                .withAuthority(OperatingAuthority.declared("1234567", "765432"));
    }
}
