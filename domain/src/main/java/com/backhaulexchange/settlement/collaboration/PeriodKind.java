package com.backhaulexchange.settlement.collaboration;

/** How long a settlement period is: a week (starting on the start date's weekday) or a calendar-day month. */
public enum PeriodKind {
    WEEKLY,
    MONTHLY
}
