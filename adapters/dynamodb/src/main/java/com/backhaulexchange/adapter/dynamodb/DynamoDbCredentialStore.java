package com.backhaulexchange.adapter.dynamodb;

import com.backhaulexchange.adapter.dynamodb.document.PartnerProfileDocument;
import com.backhaulexchange.adapter.dynamodb.document.SchemaVersions;
import com.backhaulexchange.partner.PartnerId;
import com.backhaulexchange.partner.PartnerRole;
import com.backhaulexchange.partner.PartnerStatus;
import com.backhaulexchange.partner.access.CredentialStore;
import com.backhaulexchange.partner.apikey.ApiKey;
import com.backhaulexchange.partner.apikey.ApiKeyId;
import com.backhaulexchange.partner.apikey.ApiKeyStatus;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/**
 * The authorizer's read: an API key and its partner's standing in one strongly consistent BatchGetItem on the
 * PartnersTable, projected to the attributes a decision needs. It reads the items {@link PartnerItems} writes but
 * shares no code with it on purpose: nothing here maps the partner's profile document (it reads the roles out
 * of the map, after checking the profile's schema version), so the authorizer's jar carries no JSON library
 * (ADR 21).
 */
public final class DynamoDbCredentialStore implements CredentialStore {
    private static final String PROJECTION =
            "pk, sk, keyId, partnerId, secretSha256, #status, createdAt, expiresAt, revokedAt, replacedBy, "
                    + "#profile.#roles, " + SchemaVersions.attributeOf("profile");
    private static final Map<String, String> NAMES = Map.of("#status", "status", "#profile", "profile", "#roles", "roles");

    private final DynamoDbClient dynamoDb;
    private final String tableName;

    public DynamoDbCredentialStore(DynamoDbClient dynamoDb, String tableName) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
    }

    @Override
    public Optional<StoredCredential> find(PartnerId partnerId, ApiKeyId keyId) {
        String partitionKey = "PARTNER#" + partnerId.value();
        var response = dynamoDb.batchGetItem(BatchGetItemRequest.builder()
                .requestItems(Map.of(tableName, KeysAndAttributes.builder()
                        .keys(Map.of("pk", string(partitionKey), "sk", string("PROFILE")),
                                Map.of("pk", string(partitionKey), "sk", string("APIKEY#" + keyId.value())))
                        .projectionExpression(PROJECTION)
                        .expressionAttributeNames(NAMES)
                        .consistentRead(true).build()))
                .build());
        if (response.hasUnprocessedKeys() && !response.unprocessedKeys().isEmpty()) {
            throw new IllegalStateException("DynamoDB throttled the credential read; the caller should retry");
        }
        Map<String, AttributeValue> partnerItem = null;
        Map<String, AttributeValue> keyItem = null;
        for (var item : response.responses().getOrDefault(tableName, List.of())) {
            if ("PROFILE".equals(item.get("sk").s())) {
                partnerItem = item;
            } else {
                keyItem = item;
            }
        }
        if (partnerItem == null || keyItem == null) {
            return Optional.empty();
        }
        return Optional.of(new StoredCredential(apiKeyFrom(keyItem), standing(partnerItem)));
    }

    /** An API key item as {@code PartnerItems} writes it (the repository reads keys through this too). */
    static ApiKey apiKeyFrom(Map<String, AttributeValue> item) {
        return new ApiKey(
                new ApiKeyId(item.get("keyId").s()),
                new PartnerId(item.get("partnerId").s()),
                item.get("secretSha256").s(),
                ApiKeyStatus.valueOf(item.get("status").s()),
                Instant.parse(item.get("createdAt").s()),
                instant(item, "expiresAt"),
                instant(item, "revokedAt"),
                item.containsKey("replacedBy") ? new ApiKeyId(item.get("replacedBy").s()) : null);
    }

    private static PartnerStanding standing(Map<String, AttributeValue> item) {
        SchemaVersions.require(item, "profile", PartnerProfileDocument.SCHEMA_VERSION);
        Set<PartnerRole> roles = EnumSet.noneOf(PartnerRole.class);
        for (AttributeValue role : item.get("profile").m().get("roles").l()) {
            roles.add(PartnerRole.valueOf(role.s()));
        }
        return new PartnerStanding(new PartnerId(item.get("partnerId").s()), roles,
                PartnerStatus.valueOf(item.get("status").s()) == PartnerStatus.SUSPENDED);
    }

    private static Instant instant(Map<String, AttributeValue> item, String name) {
        return item.containsKey(name) ? Instant.parse(item.get(name).s()) : null;
    }

    private static AttributeValue string(String value) {
        return AttributeValue.builder().s(value).build();
    }
}
