package com.backhaulexchange.tracking;

import com.backhaulexchange.deal.booking.BookingId;
import com.backhaulexchange.kernel.pagination.Page;
import com.backhaulexchange.notification.Notification;
import java.util.List;
import java.util.Optional;

/**
 * The tracking of bookings as stored: the state of each (one item), its trail and its events (paged, newest
 * first). A request of reports is stored in two steps: {@link #keep} the trail, then {@link #update} the state with
 * its events and notifications in one transaction. A failure between them leaves reports in the trail that the
 * state has not seen; the request's retry repeats them, which is harmless (ADR 30).
 */
public interface TrackingRepository {

    /** A stored state and its version; a booking without reports yet reads as empty. */
    record Versioned(TrackingState state, long version) {
    }

    Optional<Versioned> find(BookingId id);

    /**
     * Keeps {@code reports} in the booking's trail, each once: a report already kept at the same time and place is
     * kept as it is.
     *
     * @throws ConflictingReportException, writing nothing, when one is at the time of a kept report elsewhere
     */
    void keep(BookingId id, List<PositionReport> reports);

    /**
     * Stores the next state with the events and notifications it caused; {@code expectedVersion} 0 for the first.
     *
     * @throws com.backhaulexchange.kernel.persistence.StaleWriteException when it changed since {@code expectedVersion}
     */
    void update(TrackingState next, long expectedVersion, List<TrackingEvent> events, List<Notification> notifications);

    /** The booking's events, newest first. */
    Page<TrackingEvent> events(BookingId id, int limit, String cursor);

    /** The booking's trail, newest first. */
    Page<PositionReport> trail(BookingId id, int limit, String cursor);

    /** A report contradicting one kept at the same time. */
    final class ConflictingReportException extends RuntimeException {
        private final PositionReport kept;

        public ConflictingReportException(PositionReport kept) {
            super("another position is kept for " + kept.reportedAt());
            this.kept = kept;
        }

        public PositionReport kept() {
            return kept;
        }
    }
}
