package com.backhaulexchange.compliance;

import com.backhaulexchange.kernel.money.Money;
import com.backhaulexchange.kernel.policy.Decision;
import java.time.LocalDate;
import java.util.Optional;

/**
 * The compliance gate (ADR 37): may this carrier be booked for a load picked up on {@code pickupDate}, for a shipper
 * with these requirements? Checked before anything of a booking is written; each rejection has a reason code, in this
 * order (the first that applies):
 * <ul>
 * <li>{@code AUTHORITY_MISSING}: the carrier never declared its USDOT and MC numbers;</li>
 * <li>{@code AUTHORITY_REVOKED}: the operator marked its authority revoked;</li>
 * <li>{@code INSURANCE_MISSING}: no certificate, or its file never reached storage;</li>
 * <li>{@code INSURANCE_NOT_YET_EFFECTIVE}: the policy starts after the pickup;</li>
 * <li>{@code INSURANCE_EXPIRED}: the policy's last day is before the pickup;</li>
 * <li>{@code INSURANCE_BELOW_REQUIRED_COVERAGE}: auto liability or cargo coverage below the shipper's minimum (a
 * coverage in another currency than the requirement's counts as below: the exchange converts no currency).</li>
 * </ul>
 * The authority comes first: a revoked carrier may not operate at all, whatever its insurance.
 */
public final class CarrierCompliancePolicy {
    public static final String AUTHORITY_MISSING = "AUTHORITY_MISSING";
    public static final String AUTHORITY_REVOKED = "AUTHORITY_REVOKED";
    public static final String INSURANCE_MISSING = "INSURANCE_MISSING";
    public static final String INSURANCE_NOT_YET_EFFECTIVE = "INSURANCE_NOT_YET_EFFECTIVE";
    public static final String INSURANCE_EXPIRED = "INSURANCE_EXPIRED";
    public static final String INSURANCE_BELOW_REQUIRED_COVERAGE = "INSURANCE_BELOW_REQUIRED_COVERAGE";

    private CarrierCompliancePolicy() {
    }

    public static Decision mayBook(Optional<CarrierCompliance> record, CarrierRequirements requirements,
            LocalDate pickupDate) {
        OperatingAuthority authority = record.map(CarrierCompliance::authority).orElse(null);
        if (authority == null) {
            return Decision.rejected(AUTHORITY_MISSING, "The carrier has not declared its operating authority (USDOT"
                    + " and MC numbers); it cannot be booked until it does.", null);
        }
        if (authority.status() == AuthorityStatus.REVOKED) {
            return Decision.rejected(AUTHORITY_REVOKED, "The carrier's operating authority is revoked; it cannot be"
                    + " booked.", null);
        }
        InsuranceCertificate insurance = record.map(CarrierCompliance::insurance).orElse(null);
        if (insurance == null || !insurance.file().isUploaded()) {
            return Decision.rejected(INSURANCE_MISSING, "The carrier has no insurance certificate on file; it cannot"
                    + " be booked until it files one.", null);
        }
        if (pickupDate.isBefore(insurance.effectiveOn())) {
            return Decision.rejected(INSURANCE_NOT_YET_EFFECTIVE, "The carrier's insurance takes effect on "
                    + insurance.effectiveOn() + ", after the pickup on " + pickupDate + ".", null);
        }
        if (pickupDate.isAfter(insurance.expiresOn())) {
            return Decision.rejected(INSURANCE_EXPIRED, "The carrier's insurance expires on " + insurance.expiresOn()
                    + ", before the pickup on " + pickupDate + ".", null);
        }
        if (below(insurance.autoLiabilityCoverage(), requirements.minimumAutoLiability())
                || below(insurance.cargoCoverage(), requirements.minimumCargo())) {
            return Decision.rejected(INSURANCE_BELOW_REQUIRED_COVERAGE, "The carrier's coverage is below the"
                    + " shipper's requirement (auto liability " + figure(requirements.minimumAutoLiability())
                    + ", cargo " + figure(requirements.minimumCargo()) + ").", null);
        }
        return Decision.allowed();
    }

    private static boolean below(Money coverage, Money minimum) {
        return !coverage.currency().equals(minimum.currency())
                || coverage.amountMinorUnits() < minimum.amountMinorUnits();
    }

    private static String figure(Money money) {
        return money.currency().getCurrencyCode() + " " + Math.floorDiv(money.amountMinorUnits(), 100);
    }
}
