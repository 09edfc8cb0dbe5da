package com.backhaulexchange.deal.document;

import java.time.Duration;
import java.util.Optional;

/**
 * The object store of documents (S3 in AWS), as the domain needs it. An implementation signs requests that bind what
 * the domain decided: an upload is a PUT of exactly {@code contentType} and {@code sizeBytes}; a download a GET that
 * answers with that content type as an attachment.
 */
public interface DocumentStorage {

    PresignedRequest presignUpload(String objectKey, DocumentContentType contentType, long sizeBytes,
            Duration validFor);

    /** The object, if there is one under {@code objectKey}. */
    Optional<StoredObject> head(String objectKey);

    PresignedRequest presignDownload(String objectKey, DocumentContentType contentType, String fileName,
            Duration validFor);
}
