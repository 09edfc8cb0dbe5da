package com.backhaulexchange.compliance;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * When a carrier is told its certificate is expiring (ADR 37): once when 30 days or fewer remain, once more when 7 or
 * fewer remain, each at most once per certificate (a renewal is a new certificate and starts over). The housekeeping
 * run reads the certificates whose next notice is due from an index keyed by that day.
 */
public final class ExpiryNotices {
    /** The thresholds in days before the last day of the policy, largest first. */
    public static final List<Integer> THRESHOLDS_DAYS = List.of(30, 7);

    /** A notice to send: the threshold crossed and the days left on {@code today}. */
    public record Due(int thresholdDays, long daysLeft) {
    }

    private ExpiryNotices() {
    }

    /** The day the first notice of a certificate is due. */
    public static LocalDate firstDueOn(LocalDate expiresOn) {
        return expiresOn.minusDays(THRESHOLDS_DAYS.getFirst());
    }

    /**
     * The notice due on {@code today} for a certificate that ends on {@code expiresOn} (the smallest threshold crossed),
     * or none once the policy has expired: an expired certificate is the gate's business, not a reminder's.
     */
    public static Optional<Due> dueOn(LocalDate expiresOn, LocalDate today) {
        long daysLeft = ChronoUnit.DAYS.between(today, expiresOn);
        if (daysLeft < 0) {
            return Optional.empty();
        }
        Integer crossed = null;
        for (int threshold : THRESHOLDS_DAYS) {
            if (daysLeft <= threshold) {
                crossed = threshold;
            }
        }
        return crossed == null ? Optional.empty() : Optional.of(new Due(crossed, daysLeft));
    }

    /** The day the notice after the one for {@code thresholdDays} is due, or none after the last threshold. */
    public static Optional<LocalDate> nextDueOn(LocalDate expiresOn, int thresholdDays) {
        return THRESHOLDS_DAYS.stream().filter(threshold -> threshold < thresholdDays).findFirst()
                .map(expiresOn::minusDays);
    }
}
