package com.backhaulexchange.adapter.dynamodb.document;

import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The schema version of a stored document sits beside it in its item, in an attribute named after the
 * document's: {@code profile} and {@code profileSchemaVersion}. An item without one was written before
 * documents had versions, in version 1. Beside and not inside the document, so that a reader that knows
 * nothing of versions (the previous release, during a rollback) reads a version-1 document exactly as before.
 *
 * <p>No JSON library here: the authorizer checks the profile's version without parsing the profile.
 */
public final class SchemaVersions {
    /** Items written before schema versions existed hold version 1. */
    public static final int UNVERSIONED = 1;
    private static final String SUFFIX = "SchemaVersion";

    private SchemaVersions() {
    }

    /** The attribute that holds the schema version of the document in {@code documentAttribute}. */
    public static String attributeOf(String documentAttribute) {
        return documentAttribute + SUFFIX;
    }

    /**
     * The schema version of the document {@code documentAttribute} of {@code item}, if this code reads it.
     *
     * @throws UnsupportedSchemaVersionException when it is newer than {@code readable}, or not a version
     */
    public static int require(Map<String, AttributeValue> item, String documentAttribute, int readable) {
        AttributeValue stored = item.get(attributeOf(documentAttribute));
        if (stored == null) {
            return UNVERSIONED;
        }
        String text = stored.n() != null ? stored.n() : String.valueOf(stored.s());
        int version;
        try {
            version = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw refused(item, documentAttribute, text, readable);
        }
        if (stored.n() == null || version < 1 || version > readable) {
            throw refused(item, documentAttribute, text, readable);
        }
        return version;
    }

    /** The version attribute of a document written now, in version {@code version}. */
    public static AttributeValue versionValue(int version) {
        return AttributeValue.fromN(Integer.toString(version));
    }

    private static UnsupportedSchemaVersionException refused(Map<String, AttributeValue> item,
            String documentAttribute, String stored, int readable) {
        return new UnsupportedSchemaVersionException(documentAttribute, keyOf(item), stored, readable);
    }

    private static String keyOf(Map<String, AttributeValue> item) {
        AttributeValue pk = item.get("pk");
        AttributeValue sk = item.get("sk");
        return (pk == null ? "?" : pk.s()) + " / " + (sk == null ? "?" : sk.s());
    }
}
