package com.backhaulexchange.adapter.dynamodb;

import static com.backhaulexchange.adapter.dynamodb.AttributeValues.n;
import static com.backhaulexchange.adapter.dynamodb.AttributeValues.s;

import com.backhaulexchange.partner.apikey.ApiKey;
import com.backhaulexchange.partner.apikey.ApiKeyId;
import com.backhaulexchange.partner.apikey.ApiKeyStatus;
import com.backhaulexchange.kernel.idempotency.IdempotencyRecord;
import com.backhaulexchange.adapter.dynamodb.document.PartnerProfileDocument;
import com.backhaulexchange.adapter.dynamodb.document.StoredDocument;
import com.backhaulexchange.partner.Partner;
import com.backhaulexchange.partner.PartnerId;
import com.backhaulexchange.partner.PartnerStatus;
import com.backhaulexchange.partner.Suspension;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The item layout of PartnersTable (documented in infra/table-design.md).
 * <pre>
 * partner:      pk PARTNER#&lt;id&gt;       sk PROFILE          gsi1pk PARTNERS#&lt;status&gt; gsi1sk &lt;id&gt;
 * API key:      pk PARTNER#&lt;id&gt;       sk APIKEY#&lt;keyId&gt;
 * idempotency:  pk IDEMPOTENCY#&lt;hash&gt; sk IDEMPOTENCY      (TTL)
 * </pre>
 */
final class PartnerItems {
    static final String PK = "pk";
    static final String SK = "sk";
    static final String GSI1_PK = "gsi1pk";
    static final String GSI1_SK = "gsi1sk";
    static final String TTL = "expiresAtEpochSeconds";
    static final String PROFILE_SK = "PROFILE";
    static final String API_KEY_SK_PREFIX = "APIKEY#";
    /** Keys that can no longer be used are kept this long for audit, then TTL deletes them. */
    static final Duration DEAD_KEY_RETENTION = Duration.ofDays(90);
    /** The partner's profile, a map, beside its version in {@code profileSchemaVersion}. */
    static final StoredDocument<PartnerProfileDocument> PROFILE = StoredDocument.asMap("profile",
            PartnerProfileDocument.SCHEMA_VERSION, PartnerProfileDocument.class);

    private PartnerItems() {
    }

    static String partnerPk(PartnerId id) {
        return "PARTNER#" + id.value();
    }

    static String statusPartition(PartnerStatus status) {
        return "PARTNERS#" + status.name();
    }

    static Map<String, AttributeValue> partnerKey(PartnerId id) {
        return Map.of(PK, s(partnerPk(id)), SK, s(PROFILE_SK));
    }

    static Map<String, AttributeValue> apiKeyKey(PartnerId id, ApiKeyId keyId) {
        return Map.of(PK, s(partnerPk(id)), SK, s(API_KEY_SK_PREFIX + keyId.value()));
    }

    static Map<String, AttributeValue> idempotencyKey(String recordId) {
        return Map.of(PK, s("IDEMPOTENCY#" + recordId), SK, s("IDEMPOTENCY"));
    }

    static Map<String, AttributeValue> partnerItem(Partner partner) {
        Map<String, AttributeValue> item = new HashMap<>(partnerKey(partner.id()));
        item.put("entityType", s("PARTNER"));
        item.put(GSI1_PK, s(statusPartition(partner.status())));
        item.put(GSI1_SK, s(partner.id().value()));
        item.put("partnerId", s(partner.id().value()));
        item.put("status", s(partner.status().name()));
        PROFILE.put(item, PartnerProfileDocument.of(partner.profile()));
        if (partner.suspension() != null) {
            item.put("suspensionReason", s(partner.suspension().reason()));
            item.put("suspendedAt", s(partner.suspension().suspendedAt().toString()));
        }
        item.put("activeApiKeyCount", n(partner.activeApiKeyCount()));
        item.put("version", n(partner.version()));
        item.put("createdAt", s(partner.createdAt().toString()));
        item.put("updatedAt", s(partner.updatedAt().toString()));
        return item;
    }

    static Partner partnerFrom(Map<String, AttributeValue> item) {
        Suspension suspension = item.containsKey("suspendedAt")
                ? new Suspension(item.get("suspensionReason").s(), Instant.parse(item.get("suspendedAt").s()))
                : null;
        return new Partner(
                new PartnerId(item.get("partnerId").s()),
                PROFILE.read(item).toProfile(),
                PartnerStatus.valueOf(item.get("status").s()),
                suspension,
                Integer.parseInt(item.get("activeApiKeyCount").n()),
                Long.parseLong(item.get("version").n()),
                Instant.parse(item.get("createdAt").s()),
                Instant.parse(item.get("updatedAt").s()));
    }

    static Map<String, AttributeValue> apiKeyItem(ApiKey key) {
        Map<String, AttributeValue> item = new HashMap<>(apiKeyKey(key.partnerId(), key.keyId()));
        item.put("entityType", s("APIKEY"));
        item.put("keyId", s(key.keyId().value()));
        item.put("partnerId", s(key.partnerId().value()));
        item.put("secretSha256", s(key.secretSha256Hex()));
        item.put("status", s(key.status().name()));
        item.put("createdAt", s(key.createdAt().toString()));
        if (key.expiresAt() != null) {
            item.put("expiresAt", s(key.expiresAt().toString()));
        }
        if (key.revokedAt() != null) {
            item.put("revokedAt", s(key.revokedAt().toString()));
        }
        if (key.replacedBy() != null) {
            item.put("replacedBy", s(key.replacedBy().value()));
        }
        Instant deadSince = key.revokedAt() != null ? key.revokedAt() : key.expiresAt();
        if (deadSince != null) {
            item.put(TTL, n(deadSince.plus(DEAD_KEY_RETENTION).getEpochSecond()));
        }
        return item;
    }

    /** An API key item read back; it lives with the credential store, which must read it without JSON. */
    static ApiKey apiKeyFrom(Map<String, AttributeValue> item) {
        return DynamoDbCredentialStore.apiKeyFrom(item);
    }

    static Map<String, AttributeValue> idempotencyItem(IdempotencyRecord record) {
        Map<String, AttributeValue> item = new HashMap<>(idempotencyKey(record.recordId()));
        item.put("entityType", s("IDEMPOTENCY"));
        item.put("recordId", s(record.recordId()));
        item.put("requestFingerprint", s(record.requestFingerprint()));
        item.put("sealedResponse", s(record.sealedResponse()));
        item.put("createdAt", s(record.createdAt().toString()));
        item.put(TTL, n(record.expiresAt().getEpochSecond()));
        return item;
    }

    static IdempotencyRecord idempotencyFrom(Map<String, AttributeValue> item) {
        return new IdempotencyRecord(
                item.get("recordId").s(),
                item.get("requestFingerprint").s(),
                item.get("sealedResponse").s(),
                Instant.parse(item.get("createdAt").s()),
                Instant.ofEpochSecond(Long.parseLong(item.get(TTL).n())));
    }

}
