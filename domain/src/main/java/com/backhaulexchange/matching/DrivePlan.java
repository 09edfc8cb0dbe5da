package com.backhaulexchange.matching;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A driver's timeline over a sequence of legs: what happens when, and when each stop is reached, served
 * and left. Activities follow one another without gap or overlap from {@code startsAt} to {@code endsAt}.
 */
public record DrivePlan(Instant startsAt, List<Activity> activities, List<StopTimes> stops, Instant endsAt) {

    public DrivePlan {
        Objects.requireNonNull(startsAt, "startsAt");
        Objects.requireNonNull(endsAt, "endsAt");
        activities = List.copyOf(activities);
        stops = List.copyOf(stops);
    }

    /** The hours-of-service breaks and rests of the plan, in order. */
    public List<Activity> hoursOfServiceStops() {
        return activities.stream()
                .filter(activity -> activity instanceof Activity.Break || activity instanceof Activity.Rest)
                .toList();
    }

    public Duration drivingTime() {
        return activities.stream().filter(Activity.Driving.class::isInstance).map(Activity::duration)
                .reduce(Duration.ZERO, Duration::plus);
    }

    /** When the stop ending leg {@code legIndex} was reached, when its service began, and when it was left. */
    public record StopTimes(int legIndex, Instant arrivesAt, Instant serviceStartsAt, Instant departsAt) {
    }

    /** One stretch of the driver's time. */
    public sealed interface Activity {
        Instant startsAt();

        Instant endsAt();

        default Duration duration() {
            return Duration.between(startsAt(), endsAt());
        }

        /** Driving part of leg {@code legIndex}. */
        record Driving(Instant startsAt, Instant endsAt, int legIndex, double miles) implements Activity {
        }

        /** The short pause the rules require after so much driving. */
        record Break(Instant startsAt, Instant endsAt) implements Activity {
        }

        /** The off-duty reset that opens a new duty window, taken on the road or at a stop. */
        record Rest(Instant startsAt, Instant endsAt) implements Activity {
        }

        /** Waiting at the stop of leg {@code legIndex} for its window to open (off duty). */
        record Waiting(Instant startsAt, Instant endsAt, int legIndex) implements Activity {
        }

        /** Loading or unloading at the stop of leg {@code legIndex} (on duty, not driving). */
        record Dwell(Instant startsAt, Instant endsAt, int legIndex) implements Activity {
        }
    }
}
