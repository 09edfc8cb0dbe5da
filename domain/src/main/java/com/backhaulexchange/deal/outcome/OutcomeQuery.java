package com.backhaulexchange.deal.outcome;

import com.backhaulexchange.kernel.policy.FieldViolation;
import com.backhaulexchange.kernel.policy.InvalidInputException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A report's range, both ends inclusive (UTC days), at most {@value #MAX_DAYS} days, and the width of the
 * series' periods. Field paths are the query parameters' names.
 */
public record OutcomeQuery(LocalDate from, LocalDate to, Granularity granularity) {

    /** A leap year: a year's report in one request, and no more than 366 items read. */
    public static final int MAX_DAYS = 366;

    public enum Granularity {
        DAY,
        /** ISO weeks, Monday to Sunday, clipped to the range. */
        WEEK,
        /** Calendar months, clipped to the range. */
        MONTH
    }

    public OutcomeQuery {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(granularity, "granularity");
        List<FieldViolation> errors = new ArrayList<>();
        if (to.isBefore(from)) {
            errors.add(new FieldViolation("/to", "must not be before from (" + from + "), was " + to));
        } else if (ChronoUnit.DAYS.between(from, to) + 1 > MAX_DAYS) {
            errors.add(new FieldViolation("/to", "a report covers at most " + MAX_DAYS + " days; " + from + " to "
                    + to + " is " + (ChronoUnit.DAYS.between(from, to) + 1)));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException("the report's range is not valid", errors);
        }
    }

    public long days() {
        return ChronoUnit.DAYS.between(from, to) + 1;
    }
}
