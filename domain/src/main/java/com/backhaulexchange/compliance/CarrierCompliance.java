package com.backhaulexchange.compliance;

import com.backhaulexchange.partner.PartnerId;
import java.util.Objects;

/**
 * A carrier's compliance record: its current insurance certificate and its operating authority, each null until
 * declared. A new certificate replaces the current one (a renewal); the record keeps one.
 */
public record CarrierCompliance(PartnerId carrier, InsuranceCertificate insurance, OperatingAuthority authority,
        long version) {

    public CarrierCompliance {
        Objects.requireNonNull(carrier, "carrier");
        if (insurance != null && !insurance.carrier().equals(carrier)) {
            throw new IllegalArgumentException("a certificate of another carrier");
        }
    }

    public static CarrierCompliance none(PartnerId carrier) {
        return new CarrierCompliance(carrier, null, null, 0);
    }

    public CarrierCompliance withInsurance(InsuranceCertificate certificate) {
        return new CarrierCompliance(carrier, certificate, authority, version);
    }

    public CarrierCompliance withAuthority(OperatingAuthority newAuthority) {
        return new CarrierCompliance(carrier, insurance, newAuthority, version);
    }
}
