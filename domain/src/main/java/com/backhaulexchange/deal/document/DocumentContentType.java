package com.backhaulexchange.deal.document;

import java.util.Arrays;
import java.util.Optional;

/**
 * The only media types a document may have: a scan or a photo. Never HTML, SVG or anything a browser would run: a
 * download is always an attachment of one of these types, whatever the uploader claimed.
 */
public enum DocumentContentType {
    PDF("application/pdf", "pdf"),
    JPEG("image/jpeg", "jpg"),
    PNG("image/png", "png");

    private final String mediaType;
    private final String extension;

    DocumentContentType(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    public String mediaType() {
        return mediaType;
    }

    public String extension() {
        return extension;
    }

    /** Exactly one of the allowed media types (no parameters, lower case), or empty. */
    public static Optional<DocumentContentType> ofMediaType(String mediaType) {
        return Arrays.stream(values()).filter(type -> type.mediaType.equals(mediaType)).findFirst();
    }
}
