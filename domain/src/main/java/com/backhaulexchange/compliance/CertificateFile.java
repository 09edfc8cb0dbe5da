package com.backhaulexchange.compliance;

import com.backhaulexchange.deal.document.DocumentContentType;
import com.backhaulexchange.deal.document.DocumentPolicy;
import com.backhaulexchange.deal.document.StoredObject;
import java.time.Instant;
import java.util.Objects;

/**
 * The certificate's file (the insurer's certificate of insurance, a scan or a PDF): granted for upload with a type
 * and size, uploaded once storage holds exactly that. Same limits as a booking's documents (ADR 33).
 */
public record CertificateFile(DocumentContentType contentType, long sizeBytes, Instant requestedAt,
        Instant uploadedAt) {

    public CertificateFile {
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(requestedAt, "requestedAt");
        if (sizeBytes < 1 || sizeBytes > DocumentPolicy.MAX_SIZE_BYTES) {
            throw new IllegalArgumentException("sizeBytes out of range");
        }
    }

    public boolean isUploaded() {
        return uploadedAt != null;
    }

    /** Uploaded when storage holds an object of exactly the granted type and size. */
    public CertificateFile confirmedBy(StoredObject stored, Instant now) {
        if (isUploaded() || stored.sizeBytes() != sizeBytes || !contentType.mediaType().equals(stored.contentType())) {
            return this;
        }
        return new CertificateFile(contentType, sizeBytes, requestedAt, now);
    }
}
