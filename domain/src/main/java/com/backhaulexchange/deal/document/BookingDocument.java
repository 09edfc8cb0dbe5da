package com.backhaulexchange.deal.document;

import com.backhaulexchange.deal.booking.BookingId;
import com.backhaulexchange.partner.PartnerId;
import java.time.Instant;
import java.util.Objects;

/**
 * A document of a booking: requested (an upload was granted) until the object is seen in storage with the granted
 * type and size, then uploaded. Its object key is made of ids only, never of anything the uploader named.
 */
public record BookingDocument(DocumentId id, BookingId bookingId, DocumentKind kind, DocumentContentType contentType,
        long sizeBytes, PartnerId uploadedBy, Instant requestedAt, Instant uploadedAt) {

    public BookingDocument {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(bookingId, "bookingId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(uploadedBy, "uploadedBy");
        Objects.requireNonNull(requestedAt, "requestedAt");
        if (sizeBytes < 1 || sizeBytes > DocumentPolicy.MAX_SIZE_BYTES) {
            throw new IllegalArgumentException("sizeBytes out of range");
        }
    }

    public boolean isUploaded() {
        return uploadedAt != null;
    }

    /** {@code bookings/<bookingId>/<documentId>.<extension>}: ids only. */
    public String objectKey() {
        return "bookings/" + bookingId.value() + "/" + id.value() + "." + contentType.extension();
    }

    /** The name a download is saved under: the kind and the id, never a name the uploader gave. */
    public String fileName() {
        return kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-') + "-" + id.value() + "."
                + contentType.extension();
    }

    /**
     * Uploaded when storage holds an object of exactly the granted type and size; the presigned request binds
     * both, so anything else means the object is not the one granted and is not listed.
     */
    public BookingDocument confirmedBy(StoredObject stored, Instant now) {
        if (isUploaded() || stored.sizeBytes() != sizeBytes || !contentType.mediaType().equals(stored.contentType())) {
            return this;
        }
        return new BookingDocument(id, bookingId, kind, contentType, sizeBytes, uploadedBy, requestedAt, now);
    }
}
