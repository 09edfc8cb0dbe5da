package com.backhaulexchange.adapter.dynamodb.document;

/**
 * A stored document carries a schema version this code cannot read: written by a newer release (roll the
 * readers forward before the writers), or damaged. It is refused rather than read by guesswork.
 */
public final class UnsupportedSchemaVersionException extends IllegalStateException {
    private final String document;
    private final String storedVersion;
    private final int readableVersion;

    UnsupportedSchemaVersionException(String document, String where, String storedVersion, int readableVersion) {
        super("the " + document + " document of item " + where + " has schema version " + storedVersion
                + ", and this code reads versions 1 to " + readableVersion
                + ": it was written by a newer release (deploy readers before writers) or is damaged");
        this.document = document;
        this.storedVersion = storedVersion;
        this.readableVersion = readableVersion;
    }

    /** The attribute holding the document, such as {@code profile}. */
    public String document() {
        return document;
    }

    /** The version as stored (the attribute's text). */
    public String storedVersion() {
        return storedVersion;
    }

    public int readableVersion() {
        return readableVersion;
    }
}
