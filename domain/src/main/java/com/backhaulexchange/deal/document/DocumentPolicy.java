package com.backhaulexchange.deal.document;

import com.backhaulexchange.deal.booking.Booking;
import com.backhaulexchange.deal.booking.BookingId;
import com.backhaulexchange.deal.booking.BookingStatus;
import com.backhaulexchange.kernel.policy.Decision;
import com.backhaulexchange.partner.PartnerId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Who may upload and read the documents of a booking, and what an upload may be (ADR 33). Each rule allows or
 * rejects with a reason code:
 * <ul>
 * <li>{@code NOT_A_PARTY} (404): anyone but the two parties learns nothing, for uploads and reads alike;</li>
 * <li>{@code WRONG_PARTY} (403): the shipper reads the documents, the carrier who moved the freight uploads them;</li>
 * <li>{@code BOOKING_CANCELLED} (409); {@code NOT_PICKED_UP} (409): a proof of delivery before the pickup;</li>
 * <li>{@code UNSUPPORTED_CONTENT_TYPE} (400, {@code /contentType}): PDF, JPEG or PNG only;</li>
 * <li>{@code DOCUMENT_TOO_LARGE} (400, {@code /sizeBytes}): at most {@link #MAX_SIZE_BYTES};</li>
 * <li>{@code TOO_MANY_DOCUMENTS} (409): at most {@link #MAX_DOCUMENTS_PER_BOOKING} a booking.</li>
 * </ul>
 */
public final class DocumentPolicy {
    /** 10 MiB: a multi-page scanned PDF or a phone photo of a signed POD, with room; S3 itself takes 5 GB a PUT. */
    public static final long MAX_SIZE_BYTES = 10L * 1024 * 1024;
    public static final int MAX_DOCUMENTS_PER_BOOKING = 20;
    /** Long enough for a phone on a weak signal to send 10 MiB, short enough that a leaked URL soon dies. */
    public static final Duration UPLOAD_VALIDITY = Duration.ofMinutes(10);
    /** A download starts at once; a URL kept for later is a URL leaked for later. */
    public static final Duration DOWNLOAD_VALIDITY = Duration.ofMinutes(5);

    /** What the policy needs of a booking. */
    public record Booked(BookingId id, PartnerId carrier, PartnerId shipper, BookingStatus status) {
        public Booked {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(carrier, "carrier");
            Objects.requireNonNull(shipper, "shipper");
            Objects.requireNonNull(status, "status");
        }

        public static Booked of(Booking booking) {
            return new Booked(booking.id(), booking.carrier(), booking.shipper(), booking.status());
        }
    }

    /** An upload the carrier asks for: the kind, the media type as sent, and the declared size. */
    public record UploadRequest(DocumentKind kind, String contentType, long sizeBytes) {
    }

    private DocumentPolicy() {
    }

    public static Decision mayUpload(Booked booking, PartnerId caller, UploadRequest request,
            List<BookingDocument> existing) {
        if (!booking.carrier().equals(caller)) {
            return booking.shipper().equals(caller)
                    ? Decision.rejected("WRONG_PARTY", "The carrier uploads a booking's documents; its shipper reads"
                            + " them.", null)
                    : Decision.rejected("NOT_A_PARTY", "No such booking.", null);
        }
        if (DocumentContentType.ofMediaType(request.contentType()).isEmpty()) {
            return Decision.rejected("UNSUPPORTED_CONTENT_TYPE", "A document is application/pdf, image/jpeg or"
                    + " image/png.", "/contentType");
        }
        if (request.sizeBytes() < 1 || request.sizeBytes() > MAX_SIZE_BYTES) {
            return Decision.rejected("DOCUMENT_TOO_LARGE", "A document has 1 to " + MAX_SIZE_BYTES + " bytes.",
                    "/sizeBytes");
        }
        if (booking.status() == BookingStatus.CANCELLED) {
            return Decision.rejected("BOOKING_CANCELLED", "The booking is cancelled.", null);
        }
        if (request.kind() == DocumentKind.PROOF_OF_DELIVERY && booking.status() == BookingStatus.BOOKED) {
            return Decision.rejected("NOT_PICKED_UP", "A proof of delivery comes after the pickup.", null);
        }
        if (existing.size() >= MAX_DOCUMENTS_PER_BOOKING) {
            return Decision.rejected("TOO_MANY_DOCUMENTS", "A booking has at most " + MAX_DOCUMENTS_PER_BOOKING
                    + " documents.", null);
        }
        return Decision.allowed();
    }

    /**
     * The uploader tells the exchange its upload finished (ADR 38): the booking's carrier only (the shipper
     * {@code WRONG_PARTY}, anyone else {@code NOT_A_PARTY}).
     */
    public static Decision mayConfirm(Booked booking, PartnerId caller) {
        if (booking.carrier().equals(caller)) {
            return Decision.allowed();
        }
        return booking.shipper().equals(caller)
                ? Decision.rejected("WRONG_PARTY", "The carrier confirms the uploads of its documents.", null)
                : Decision.rejected("NOT_A_PARTY", "No such booking.", null);
    }

    /**
     * Whether what storage holds (a HEAD; empty: nothing) is exactly what was granted: {@code UPLOAD_NOT_FOUND}
     * when nothing is there yet, {@code UPLOAD_MISMATCH} when the size or type differ (the document stays
     * pending either way).
     */
    public static Decision verify(BookingDocument document, java.util.Optional<StoredObject> stored) {
        if (document.isUploaded()) {
            return Decision.allowed();
        }
        if (stored.isEmpty()) {
            return Decision.rejected("UPLOAD_NOT_FOUND", "Storage holds nothing for this document yet: upload it to"
                    + " the granted URL first.", null);
        }
        if (stored.get().sizeBytes() != document.sizeBytes()
                || !document.contentType().mediaType().equals(stored.get().contentType())) {
            return Decision.rejected("UPLOAD_MISMATCH", "Storage holds " + stored.get().sizeBytes() + " bytes of "
                    + stored.get().contentType() + ", not the " + document.sizeBytes() + " bytes of "
                    + document.contentType().mediaType() + " granted.", null);
        }
        return Decision.allowed();
    }

    public static Decision mayRead(Booked booking, PartnerId caller) {
        return booking.carrier().equals(caller) || booking.shipper().equals(caller) ? Decision.allowed()
                : Decision.rejected("NOT_A_PARTY", "No such booking.", null);
    }

    /** The document an allowed upload makes, still to be uploaded; the caller checked {@link #mayUpload} first. */
    public static BookingDocument requested(DocumentId id, Booked booking, PartnerId caller, UploadRequest request,
            Instant now) {
        return new BookingDocument(id, booking.id(), request.kind(),
                DocumentContentType.ofMediaType(request.contentType()).orElseThrow(), request.sizeBytes(), caller, now,
                null);
    }
}
