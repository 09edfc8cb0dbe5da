package com.backhaulexchange.deal.document;

/** What storage says of an object (a HEAD): its size and the content type it was stored with. */
public record StoredObject(long sizeBytes, String contentType) {
}
