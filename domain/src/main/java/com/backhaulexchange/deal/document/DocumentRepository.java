package com.backhaulexchange.deal.document;

import com.backhaulexchange.deal.booking.BookingId;
import com.backhaulexchange.kernel.idempotency.IdempotencyRecord;
import java.util.List;
import java.util.Optional;

/** Documents of bookings as stored: at most {@link DocumentPolicy#MAX_DOCUMENTS_PER_BOOKING} a booking. */
public interface DocumentRepository {

    /** Stores a new document with the idempotency record of the request that made it (null: none), together. */
    void create(BookingDocument document, IdempotencyRecord idempotencyRecord);

    /** Stores a document's new state (its upload seen). */
    void save(BookingDocument document);

    List<BookingDocument> list(BookingId bookingId);

    Optional<BookingDocument> find(BookingId bookingId, DocumentId id);
}
