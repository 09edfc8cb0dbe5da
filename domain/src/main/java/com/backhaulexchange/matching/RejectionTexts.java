package com.backhaulexchange.matching;

import com.backhaulexchange.kernel.money.Money;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/** How the feasibility rules of single matches and of reload chains write figures into their reasons. */
public final class RejectionTexts {
    private RejectionTexts() {
    }

    public static boolean notAfter(Instant instant, Instant deadline) {
        return !instant.isAfter(deadline);
    }

    /** How late {@code instant} is for {@code deadline}: "3 h 20 min". */
    public static String late(Instant instant, Instant deadline) {
        Duration late = Duration.between(deadline, instant);
        return late.toHours() + " h " + late.toMinutesPart() + " min";
    }

    /** Miles to one decimal. */
    public static String miles(double miles) {
        return String.format(Locale.ROOT, "%.1f", miles);
    }

    /** An amount in major units with its currency: "1850.00 USD". */
    public static String money(Money money) {
        return BigDecimal.valueOf(money.amountMinorUnits(), money.currency().getDefaultFractionDigits())
                .toPlainString() + " " + money.currency().getCurrencyCode();
    }
}
