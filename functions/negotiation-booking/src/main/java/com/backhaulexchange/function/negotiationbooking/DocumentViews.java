package com.backhaulexchange.function.negotiationbooking;

import com.backhaulexchange.deal.document.BookingDocument;
import com.backhaulexchange.deal.document.PresignedRequest;
import java.util.List;
import java.util.Map;

/** The JSON of documents (ADR 33); null components are left out. */
final class DocumentViews {
    private DocumentViews() {
    }

    record RequestView(String method, String url, Map<String, String> headers, String expiresAt) {
    }

    record DocumentView(String documentId, String bookingId, String kind, String contentType, long sizeBytes,
            String status, String requestedAt, String uploadedAt, RequestView upload, RequestView download) {
    }

    record DocumentList(List<DocumentView> items) {
    }

    static DocumentView granted(DocumentService.Granted granted) {
        return view(granted.document(), request(granted.upload()), null);
    }

    static DocumentView download(DocumentService.Download download) {
        return view(download.document(), null, request(download.download()));
    }

    static DocumentView confirmed(BookingDocument document) {
        return view(document, null, null);
    }

    static DocumentList list(List<BookingDocument> documents) {
        return new DocumentList(documents.stream().map(document -> view(document, null, null)).toList());
    }

    private static DocumentView view(BookingDocument document, RequestView upload, RequestView download) {
        return new DocumentView(document.id().value(), document.bookingId().value(), document.kind().name(),
                document.contentType().mediaType(), document.sizeBytes(),
                document.isUploaded() ? "UPLOADED" : "AWAITING_UPLOAD", document.requestedAt().toString(),
                document.uploadedAt() == null ? null : document.uploadedAt().toString(), upload, download);
    }

    private static RequestView request(PresignedRequest request) {
        return new RequestView(request.method(), request.url().toString(), request.headers(),
                request.expiresAt().toString());
    }
}
