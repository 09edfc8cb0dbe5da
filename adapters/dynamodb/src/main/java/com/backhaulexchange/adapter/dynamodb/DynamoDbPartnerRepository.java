package com.backhaulexchange.adapter.dynamodb;

import static com.backhaulexchange.adapter.dynamodb.AttributeValues.n;
import static com.backhaulexchange.adapter.dynamodb.AttributeValues.s;
import static com.backhaulexchange.adapter.dynamodb.PartnerItems.*;

import com.backhaulexchange.partner.access.CredentialStore;
import com.backhaulexchange.partner.apikey.ApiKey;
import com.backhaulexchange.partner.apikey.ApiKeyId;
import com.backhaulexchange.partner.apikey.ApiKeyStatus;
import com.backhaulexchange.kernel.idempotency.IdempotencyConflictException;
import com.backhaulexchange.kernel.idempotency.IdempotencyRecord;
import com.backhaulexchange.kernel.idempotency.IdempotencyStore;
import com.backhaulexchange.kernel.pagination.Page;
import com.backhaulexchange.partner.Partner;
import com.backhaulexchange.partner.PartnerId;
import com.backhaulexchange.partner.PartnerRepository;
import com.backhaulexchange.partner.PartnerStatus;
import com.backhaulexchange.kernel.persistence.StaleWriteException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

/** PartnersTable through the DynamoDB API. No request path scans: every read is a key or a Query. */
public final class DynamoDbPartnerRepository implements PartnerRepository, CredentialStore, IdempotencyStore {
    private final DynamoDbCredentialStore credentials;
    private static final String CONDITIONAL_CHECK_FAILED = "ConditionalCheckFailed";
    private static final String TRANSACTION_CONFLICT = "TransactionConflict";

    private final DynamoDbClient dynamoDb;
    private final String tableName;

    public DynamoDbPartnerRepository(DynamoDbClient dynamoDb, String tableName) {
        this.credentials = new DynamoDbCredentialStore(dynamoDb, tableName);
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
    }

    @Override
    public void register(Partner partner, ApiKey firstKey, IdempotencyRecord idempotencyRecord) {
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(putIfAbsent(partnerItem(partner)));
        writes.add(putIfAbsent(apiKeyItem(firstKey)));
        if (idempotencyRecord != null) {
            writes.add(putIfAbsent(idempotencyItem(idempotencyRecord)));
        }
        try {
            dynamoDb.transactWriteItems(request -> request.transactItems(writes));
        } catch (TransactionCanceledException e) {
            // TransactionConflict: a concurrent transaction with the same idempotency record is in flight.
            if (idempotencyRecord != null && (failedAt(e, writes.size() - 1, CONDITIONAL_CHECK_FAILED)
                    || failedAt(e, writes.size() - 1, TRANSACTION_CONFLICT))) {
                throw new IdempotencyConflictException(idempotencyRecord.recordId());
            }
            throw new StaleWriteException("partner " + partner.id() + " could not be registered: " + reasons(e));
        }
    }

    @Override
    public Optional<Partner> findById(PartnerId partnerId) {
        var item = dynamoDb.getItem(request -> request.tableName(tableName).key(partnerKey(partnerId))
                .consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(partnerFrom(item));
    }

    /**
     * Writes every attribute of the partner except {@code activeApiKeyCount}: the key operations own
     * that count and change it without a new version, so a save based on an earlier read must not
     * put the old count back.
     */
    @Override
    public void save(Partner partner, long expectedVersion) {
        Map<String, AttributeValue> attributes = new HashMap<>(partnerItem(partner));
        attributes.keySet().removeAll(List.of(PK, SK, "activeApiKeyCount"));
        Map<String, String> names = new HashMap<>(Map.of("#version", "version"));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":expected", n(expectedVersion)));
        List<String> assignments = new ArrayList<>();
        attributes.forEach((name, value) -> {
            String placeholder = "a" + assignments.size();
            names.put("#" + placeholder, name);
            values.put(":" + placeholder, value);
            assignments.add("#" + placeholder + " = :" + placeholder);
        });
        String update = "SET " + String.join(", ", assignments);
        if (partner.suspension() == null) {
            names.put("#suspensionReason", "suspensionReason");
            names.put("#suspendedAt", "suspendedAt");
            update += " REMOVE #suspensionReason, #suspendedAt";
        }
        String updateExpression = update;
        try {
            dynamoDb.updateItem(request -> request.tableName(tableName).key(partnerKey(partner.id()))
                    .updateExpression(updateExpression)
                    .conditionExpression("attribute_exists(pk) AND #version = :expected")
                    .expressionAttributeNames(names)
                    .expressionAttributeValues(values));
        } catch (ConditionalCheckFailedException e) {
            throw new StaleWriteException("partner " + partner.id() + " changed since version " + expectedVersion);
        }
    }

    @Override
    public Page<Partner> listByStatus(PartnerStatus status, int limit, String cursor) {
        String partition = statusPartition(status);
        var response = dynamoDb.query(request -> request.tableName(tableName).indexName("gsi1")
                .keyConditionExpression("gsi1pk = :partition")
                .expressionAttributeValues(Map.of(":partition", s(partition)))
                .exclusiveStartKey(PageCursors.decode(cursor, Set.of(PK, SK, GSI1_PK, GSI1_SK), GSI1_PK, partition))
                .limit(limit));
        return new Page<>(response.items().stream().map(PartnerItems::partnerFrom).toList(),
                PageCursors.encode(response.lastEvaluatedKey()));
    }

    @Override
    public List<ApiKey> listKeys(PartnerId partnerId) {
        List<ApiKey> keys = new ArrayList<>();
        dynamoDb.queryPaginator(request -> request.tableName(tableName).consistentRead(true)
                        .keyConditionExpression("pk = :pk AND begins_with(sk, :prefix)")
                        .expressionAttributeValues(Map.of(":pk", s(partnerPk(partnerId)),
                                ":prefix", s(API_KEY_SK_PREFIX))))
                .items()
                .forEach(item -> keys.add(apiKeyFrom(item)));
        return keys;
    }

    @Override
    public Optional<ApiKey> findKey(PartnerId partnerId, ApiKeyId keyId) {
        var item = dynamoDb.getItem(request -> request.tableName(tableName).key(apiKeyKey(partnerId, keyId))
                .consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(apiKeyFrom(item));
    }

    @Override
    public void addKey(ApiKey newKey, int expectedActiveKeys, IdempotencyRecord idempotencyRecord) {
        transact("key " + newKey.keyId() + " could not be added", idempotencyRecord,
                changeActiveKeyCount(newKey.partnerId(), expectedActiveKeys, expectedActiveKeys + 1),
                putIfAbsent(apiKeyItem(newKey)));
    }

    @Override
    public void rotateKey(ApiKey replaced, ApiKey successor, IdempotencyRecord idempotencyRecord) {
        transact("key " + replaced.keyId() + " could not be rotated", idempotencyRecord,
                TransactWriteItem.builder().put(Put.builder().tableName(tableName).item(apiKeyItem(replaced))
                        .conditionExpression("#status = :active")
                        .expressionAttributeNames(Map.of("#status", "status"))
                        .expressionAttributeValues(Map.of(":active", s("ACTIVE"))).build()).build(),
                putIfAbsent(apiKeyItem(successor)));
    }

    /** The writes and, last, the idempotency record (if any), whose failure is an IdempotencyConflictException. */
    private void transact(String failure, IdempotencyRecord idempotencyRecord, TransactWriteItem... writes) {
        if (idempotencyRecord == null) {
            transact(failure, writes);
            return;
        }
        List<TransactWriteItem> all = new ArrayList<>(List.of(writes));
        all.add(putIfAbsent(idempotencyItem(idempotencyRecord)));
        try {
            dynamoDb.transactWriteItems(request -> request.transactItems(all));
        } catch (TransactionCanceledException e) {
            int last = all.size() - 1;
            if (failedAt(e, last, CONDITIONAL_CHECK_FAILED) || failedAt(e, last, TRANSACTION_CONFLICT)) {
                throw new IdempotencyConflictException(idempotencyRecord.recordId());
            }
            throw new StaleWriteException(failure + ": " + reasons(e));
        }
    }

    @Override
    public void revokeKey(ApiKey revoked, ApiKeyStatus previousStatus, int expectedActiveKeys) {
        var revokeWrite = TransactWriteItem.builder().put(Put.builder().tableName(tableName).item(apiKeyItem(revoked))
                .conditionExpression("#status = :previous")
                .expressionAttributeNames(Map.of("#status", "status"))
                .expressionAttributeValues(Map.of(":previous", s(previousStatus.name()))).build()).build();
        if (previousStatus == ApiKeyStatus.ACTIVE) {
            transact("key " + revoked.keyId() + " could not be revoked",
                    changeActiveKeyCount(revoked.partnerId(), expectedActiveKeys, expectedActiveKeys - 1), revokeWrite);
        } else {
            transact("key " + revoked.keyId() + " could not be revoked", revokeWrite);
        }
    }

    @Override
    public Optional<StoredCredential> find(PartnerId partnerId, ApiKeyId keyId) {
        return credentials.find(partnerId, keyId);
    }

    @Override
    public Optional<IdempotencyRecord> find(String recordId) {
        var item = dynamoDb.getItem(request -> request.tableName(tableName).key(idempotencyKey(recordId))
                .consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(idempotencyFrom(item));
    }

    private TransactWriteItem changeActiveKeyCount(PartnerId partnerId, int expected, int next) {
        return TransactWriteItem.builder().update(Update.builder().tableName(tableName).key(partnerKey(partnerId))
                .updateExpression("SET activeApiKeyCount = :next")
                .conditionExpression("activeApiKeyCount = :expected")
                .expressionAttributeValues(Map.of(":expected", n(expected), ":next", n(next))).build()).build();
    }

    private TransactWriteItem putIfAbsent(Map<String, AttributeValue> item) {
        return TransactWriteItem.builder().put(Put.builder().tableName(tableName).item(item)
                .conditionExpression("attribute_not_exists(pk)").build()).build();
    }

    private void transact(String failure, TransactWriteItem... writes) {
        try {
            dynamoDb.transactWriteItems(request -> request.transactItems(writes));
        } catch (TransactionCanceledException e) {
            throw new StaleWriteException(failure + ": " + reasons(e));
        }
    }

    private static boolean failedAt(TransactionCanceledException e, int index, String code) {
        List<CancellationReason> reasons = e.cancellationReasons();
        return reasons != null && reasons.size() > index && code.equals(reasons.get(index).code());
    }

    private static String reasons(TransactionCanceledException e) {
        return e.cancellationReasons() == null ? e.getMessage()
                : e.cancellationReasons().stream().map(CancellationReason::code).toList().toString();
    }
}
