package com.backhaulexchange.function.negotiationbooking;

import com.backhaulexchange.adapter.http.problem.Problem;
import com.backhaulexchange.adapter.http.problem.FieldError;
import com.backhaulexchange.adapter.http.problem.ProblemException;
import com.backhaulexchange.adapter.http.problem.ProblemType;
import com.backhaulexchange.deal.booking.BookingId;
import com.backhaulexchange.deal.booking.BookingRepository;
import com.backhaulexchange.deal.document.BookingDocument;
import com.backhaulexchange.deal.document.DocumentId;
import com.backhaulexchange.deal.document.DocumentPolicy;
import com.backhaulexchange.deal.document.DocumentRepository;
import com.backhaulexchange.deal.document.DocumentStorage;
import com.backhaulexchange.deal.document.PresignedRequest;
import com.backhaulexchange.kernel.id.Ulid;
import com.backhaulexchange.kernel.idempotency.IdempotencyRecord;
import com.backhaulexchange.kernel.policy.Decision;
import com.backhaulexchange.partner.access.Principal.PartnerPrincipal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Documents of a booking (ADR 33): the carrier is granted a presigned upload, a document is listed once storage holds
 * exactly what was granted (checked by HEAD when listed), and a party is given a presigned download.
 */
final class DocumentService {
    private final BookingRepository bookings;
    private final DocumentRepository documents;
    private final DocumentStorage storage;
    private final TrackingService tracking;
    private final Ulid ids;
    private final Clock clock;

    DocumentService(BookingRepository bookings, DocumentRepository documents, DocumentStorage storage,
            TrackingService tracking, Ulid ids, Clock clock) {
        this.tracking = tracking;
        this.bookings = bookings;
        this.documents = documents;
        this.storage = storage;
        this.ids = ids;
        this.clock = clock;
    }

    record Granted(BookingDocument document, PresignedRequest upload) {
    }

    record Download(BookingDocument document, PresignedRequest download) {
    }

    Granted requestUpload(PartnerPrincipal caller, BookingId id, DocumentPolicy.UploadRequest request,
            Function<Granted, IdempotencyRecord> idempotencyRecordFor) {
        var booking = booked(id);
        var existing = booking.carrier().equals(caller.partnerId()) ? documents.list(id) : List.<BookingDocument>of();
        refuseUnlessAllowed(DocumentPolicy.mayUpload(booking, caller.partnerId(), request, existing));
        Instant now = clock.instant();
        BookingDocument document = DocumentPolicy.requested(new DocumentId(ids.next()), booking, caller.partnerId(),
                request, now);
        var granted = new Granted(document, storage.presignUpload(document.objectKey(), document.contentType(),
                document.sizeBytes(), DocumentPolicy.UPLOAD_VALIDITY));
        documents.create(document, idempotencyRecordFor == null ? null : idempotencyRecordFor.apply(granted));
        return granted;
    }

    /** The uploaded documents; a pending one is looked for in storage first, and listed once it is there. */
    List<BookingDocument> list(PartnerPrincipal caller, BookingId id) {
        refuseUnlessAllowed(DocumentPolicy.mayRead(booked(id), caller.partnerId()));
        List<BookingDocument> uploaded = new ArrayList<>();
        for (BookingDocument document : documents.list(id)) {
            BookingDocument current = confirmed(document);
            if (current.isUploaded()) {
                uploaded.add(current);
            }
        }
        return uploaded;
    }

    /**
     * The carrier says its upload finished (ADR 38): storage is asked (HEAD) and the document is uploaded only if it
     * holds exactly the granted type and size; otherwise 409 {@code UPLOAD_NOT_FOUND} or {@code UPLOAD_MISMATCH} and
     * the document stays pending. A confirmed proof of delivery is the booking's {@code PROOF_OF_DELIVERY} tracking
     * event, told once however often it is confirmed.
     */
    BookingDocument confirm(PartnerPrincipal caller, BookingId id, DocumentId documentId) {
        var booking = bookings.find(id).map(stored -> stored.value())
                .orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND, "No such booking."));
        refuseUnlessAllowed(DocumentPolicy.mayConfirm(DocumentPolicy.Booked.of(booking), caller.partnerId()));
        BookingDocument document = documents.find(id, documentId)
                .orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND, "No such document."));
        BookingDocument current = document;
        if (!document.isUploaded()) {
            var stored = storage.head(document.objectKey());
            refuseUnlessAllowed(DocumentPolicy.verify(document, stored));
            current = document.confirmedBy(stored.orElseThrow(), clock.instant());
            documents.save(current);
        }
        if (current.kind() == com.backhaulexchange.deal.document.DocumentKind.PROOF_OF_DELIVERY) {
            tracking.proofOfDelivery(booking, current.id().value(), current.uploadedAt());
        }
        return current;
    }

    Download download(PartnerPrincipal caller, BookingId id, DocumentId documentId) {
        refuseUnlessAllowed(DocumentPolicy.mayRead(booked(id), caller.partnerId()));
        BookingDocument document = documents.find(id, documentId).map(this::confirmed)
                .filter(BookingDocument::isUploaded)
                .orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND, "No such document."));
        return new Download(document, storage.presignDownload(document.objectKey(), document.contentType(),
                document.fileName(), DocumentPolicy.DOWNLOAD_VALIDITY));
    }

    private BookingDocument confirmed(BookingDocument document) {
        if (document.isUploaded()) {
            return document;
        }
        BookingDocument current = storage.head(document.objectKey())
                .map(stored -> document.confirmedBy(stored, clock.instant())).orElse(document);
        if (current.isUploaded()) {
            documents.save(current);
        }
        return current;
    }

    private DocumentPolicy.Booked booked(BookingId id) {
        return bookings.find(id).map(stored -> DocumentPolicy.Booked.of(stored.value()))
                .orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND, "No such booking."));
    }

    /** As {@link Refusals}: a 404 says no more than "none"; the others carry their reason code and field. */
    private static void refuseUnlessAllowed(Decision decision) {
        if (!(decision instanceof Decision.Rejected rejected)) {
            return;
        }
        ProblemType type = switch (rejected.reasonCode()) {
            case "NOT_A_PARTY" -> ProblemType.NOT_FOUND;
            case "WRONG_PARTY" -> ProblemType.FORBIDDEN;
            case "BOOKING_CANCELLED", "NOT_PICKED_UP", "TOO_MANY_DOCUMENTS", "UPLOAD_NOT_FOUND", "UPLOAD_MISMATCH" ->
                    ProblemType.CONFLICT;
            default -> ProblemType.VALIDATION_FAILED;
        };
        if (type == ProblemType.NOT_FOUND) {
            throw new ProblemException(ProblemType.NOT_FOUND, "No such booking.");
        }
        List<FieldError> errors = rejected.field() == null ? List.of()
                : List.of(new FieldError(rejected.field(), rejected.detail() + " (" + rejected.reasonCode() + ")"));
        throw new ProblemException(Problem.of(type, rejected.detail(), errors).withReasonCode(rejected.reasonCode()));
    }
}
