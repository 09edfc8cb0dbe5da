package com.backhaulexchange.compliance;

import com.backhaulexchange.kernel.money.Money;
import com.backhaulexchange.partner.PartnerId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;

/**
 * A carrier's certificate of insurance as it declared it: the insurer, the policy, the auto liability and cargo
 * coverage per occurrence, the policy period (both days included) and the file that shows it.
 */
public record InsuranceCertificate(CertificateId id, PartnerId carrier, String insurer, String policyNumber,
        Money autoLiabilityCoverage, Money cargoCoverage, LocalDate effectiveOn, LocalDate expiresOn,
        CertificateFile file, Instant declaredAt) {

    public InsuranceCertificate {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(carrier, "carrier");
        Objects.requireNonNull(insurer, "insurer");
        Objects.requireNonNull(policyNumber, "policyNumber");
        Objects.requireNonNull(autoLiabilityCoverage, "autoLiabilityCoverage");
        Objects.requireNonNull(cargoCoverage, "cargoCoverage");
        Objects.requireNonNull(effectiveOn, "effectiveOn");
        Objects.requireNonNull(expiresOn, "expiresOn");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(declaredAt, "declaredAt");
        if (expiresOn.isBefore(effectiveOn)) {
            throw new IllegalArgumentException("a policy expires on or after its effective day");
        }
    }

    /** {@code compliance/<carrierId>/<certificateId>.<extension>}: ids only, never a name the uploader gave. */
    public String objectKey() {
        return "compliance/" + carrier.value() + "/" + id.value() + "." + file.contentType().extension();
    }

    /** The name a download is saved under. */
    public String fileName() {
        return "insurance-certificate-" + id.value() + "." + file.contentType().extension().toLowerCase(Locale.ROOT);
    }

    /** In force on {@code day}: the policy period includes both its first and its last day. */
    public boolean isInForceOn(LocalDate day) {
        return !day.isBefore(effectiveOn) && !day.isAfter(expiresOn);
    }

    public InsuranceCertificate withFile(CertificateFile newFile) {
        return new InsuranceCertificate(id, carrier, insurer, policyNumber, autoLiabilityCoverage, cargoCoverage,
                effectiveOn, expiresOn, newFile, declaredAt);
    }
}
