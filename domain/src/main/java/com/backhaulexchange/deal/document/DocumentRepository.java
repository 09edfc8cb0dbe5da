package com.backhaulexchange.deal.document;

import com.backhaulexchange.deal.booking.BookingId;
import java.util.List;
import java.util.Optional;

/** Documents of bookings as stored: at most {@link DocumentPolicy#MAX_DOCUMENTS_PER_BOOKING} a booking. */
public interface DocumentRepository {

    void save(BookingDocument document);

    List<BookingDocument> list(BookingId bookingId);

    Optional<BookingDocument> find(BookingId bookingId, DocumentId id);
}
