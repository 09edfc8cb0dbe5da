package com.backhaulexchange.compliance;

import java.time.Instant;
import java.util.Objects;

/**
 * The carrier's operating authority: its USDOT number (1 to 8 digits) and MC docket number (1 to 8 digits), declared by
 * the carrier; its status set by the operator alone, with the reason and when. A carrier re-declaring its numbers
 * keeps the status: only the operator reinstates.
 */
public record OperatingAuthority(String usdotNumber, String mcNumber, AuthorityStatus status, String statusReason,
        Instant statusChangedAt) {

    public OperatingAuthority {
        if (usdotNumber == null || !usdotNumber.matches("[0-9]{1,8}")) {
            throw new IllegalArgumentException("a USDOT number has 1 to 8 digits");
        }
        if (mcNumber == null || !mcNumber.matches("[0-9]{1,8}")) {
            throw new IllegalArgumentException("an MC number has 1 to 8 digits");
        }
        Objects.requireNonNull(status, "status");
    }

    public static OperatingAuthority declared(String usdotNumber, String mcNumber) {
        return new OperatingAuthority(usdotNumber, mcNumber, AuthorityStatus.ACTIVE, null, null);
    }

    /** New numbers, the operator's status kept. */
    public OperatingAuthority redeclared(String newUsdotNumber, String newMcNumber) {
        return new OperatingAuthority(newUsdotNumber, newMcNumber, status, statusReason, statusChangedAt);
    }

    public OperatingAuthority withStatus(AuthorityStatus newStatus, String reason, Instant now) {
        return new OperatingAuthority(usdotNumber, mcNumber, newStatus, reason, now);
    }
}
