package com.backhaulexchange.notification;

import java.time.Duration;
import java.util.Objects;
import java.util.function.DoubleSupplier;

/**
 * How long a failed webhook delivery waits before it is tried again: exponential with full jitter, capped
 * (AWS Architecture Blog, "Exponential Backoff And Jitter", 2015). After the {@code n}-th failed attempt the
 * next one waits a uniformly random time in [{@code minimum}, max({@code minimum}, min({@code cap},
 * {@code base} × 2<sup>n−1</sup>))]. Full jitter spreads the retries of many deliveries that failed together
 * (a partner's endpoint that was down for everyone) instead of hammering it in waves; the minimum keeps a
 * retry from coming back at once.
 * <p>
 * Defaults: base 15 s, cap 15 min, minimum 1 s. With NotificationQueue's maxReceiveCount of 8 there are seven
 * retries whose upper bounds are 15 s, 30 s, 1, 2, 4, 8 and 15 min: a delivery is given up (dead-lettered) at
 * the latest about 30 minutes after its first attempt, on average after about 15.
 */
public record DeliveryBackoff(Duration base, Duration cap, Duration minimum, DoubleSupplier jitter) {
    public static final Duration DEFAULT_BASE = Duration.ofSeconds(15);
    public static final Duration DEFAULT_CAP = Duration.ofMinutes(15);
    public static final Duration DEFAULT_MINIMUM = Duration.ofSeconds(1);

    public DeliveryBackoff {
        Objects.requireNonNull(jitter, "jitter");
        if (base.isNegative() || base.isZero() || cap.compareTo(base) < 0 || minimum.isNegative()) {
            throw new IllegalArgumentException("need 0 < base <= cap and minimum >= 0");
        }
    }

    /** The defaults, with {@link java.util.concurrent.ThreadLocalRandom} as the jitter. */
    public static DeliveryBackoff defaults() {
        return withRandomJitter(DEFAULT_BASE, DEFAULT_CAP);
    }

    public static DeliveryBackoff withRandomJitter(Duration base, Duration cap) {
        return new DeliveryBackoff(base, cap, DEFAULT_MINIMUM.compareTo(cap) < 0 ? DEFAULT_MINIMUM : Duration.ZERO,
                () -> java.util.concurrent.ThreadLocalRandom.current().nextDouble());
    }

    /** The upper bound of the wait after {@code failedAttempts} (≥ 1) failed attempts. */
    public Duration ceilingAfter(int failedAttempts) {
        if (failedAttempts < 1) {
            throw new IllegalArgumentException("failedAttempts must be at least 1");
        }
        int doublings = Math.min(failedAttempts - 1, 40);
        long millis = base.toMillis();
        long capMillis = cap.toMillis();
        for (int i = 0; i < doublings && millis < capMillis; i++) {
            millis *= 2;
        }
        return Duration.ofMillis(Math.max(Math.min(millis, capMillis), minimum.toMillis()));
    }

    /** The wait before the next attempt, after {@code failedAttempts} (≥ 1) failed attempts. */
    public Duration delayAfter(int failedAttempts) {
        long ceiling = ceilingAfter(failedAttempts).toMillis();
        long floor = Math.min(minimum.toMillis(), ceiling);
        double fraction = Math.min(1.0, Math.max(0.0, jitter.getAsDouble()));
        return Duration.ofMillis(floor + Math.round((ceiling - floor) * fraction));
    }
}
