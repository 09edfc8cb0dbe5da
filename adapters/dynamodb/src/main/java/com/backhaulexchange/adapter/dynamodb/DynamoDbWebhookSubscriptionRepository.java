package com.backhaulexchange.adapter.dynamodb;

import static com.backhaulexchange.adapter.dynamodb.AttributeValues.n;
import static com.backhaulexchange.adapter.dynamodb.AttributeValues.s;

import com.backhaulexchange.kernel.idempotency.IdempotencyConflictException;
import com.backhaulexchange.kernel.idempotency.IdempotencyRecord;
import com.backhaulexchange.notification.NotificationType;
import com.backhaulexchange.notification.WebhookId;
import com.backhaulexchange.notification.WebhookSubscription;
import com.backhaulexchange.notification.WebhookSubscriptionRepository;
import com.backhaulexchange.partner.PartnerId;
import com.backhaulexchange.kernel.persistence.StaleWriteException;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Webhook subscriptions in PartnersTable, under their partner (infra/table-design.md, patterns 10–13):
 * <pre>
 * subscription: pk PARTNER#&lt;id&gt;  sk WEBHOOK#&lt;webhookId&gt;
 * count:        pk PARTNER#&lt;id&gt;  sk WEBHOOKS              webhookCount
 * </pre>
 * The count is its own item, changed in the same transaction as the subscription it counts, so the limit per
 * partner holds under concurrent registrations and no profile update (which rewrites the partner item) can
 * lose it. The secret is stored as given (ADR 16): the table is encrypted at rest and only the onboarding and
 * notifier functions may read it.
 */
public final class DynamoDbWebhookSubscriptionRepository implements WebhookSubscriptionRepository {
    static final String SK_PREFIX = "WEBHOOK#";
    static final String COUNT_SK = "WEBHOOKS";
    private static final String COUNT = "webhookCount";

    private final DynamoDbClient dynamoDb;
    private final String tableName;

    public DynamoDbWebhookSubscriptionRepository(DynamoDbClient dynamoDb, String tableName) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
    }

    @Override
    public void add(WebhookSubscription subscription, int maxPerPartner, IdempotencyRecord idempotencyRecord) {
        List<TransactWriteItem> writes = new ArrayList<>(List.of(
                TransactWriteItem.builder().update(update -> update.tableName(tableName)
                        .key(countKey(subscription.partnerId()))
                        .updateExpression("SET #count = if_not_exists(#count, :zero) + :one, entityType = :type")
                        .conditionExpression("attribute_not_exists(#count) OR #count < :max")
                        .expressionAttributeNames(Map.of("#count", COUNT))
                        .expressionAttributeValues(Map.of(":zero", n(0), ":one", n(1), ":max", n(maxPerPartner),
                                ":type", s("WEBHOOK_COUNT")))).build(),
                TransactWriteItem.builder().put(put -> put.tableName(tableName).item(item(subscription))
                        .conditionExpression("attribute_not_exists(pk)")).build()));
        if (idempotencyRecord != null) {
            writes.add(TransactWriteItem.builder().put(put -> put.tableName(tableName)
                    .item(PartnerItems.idempotencyItem(idempotencyRecord))
                    .conditionExpression("attribute_not_exists(pk)")).build());
        }
        for (int attempt = 0; ; attempt++) {
            try {
                dynamoDb.transactWriteItems(request -> request.transactItems(writes));
                return;
            } catch (TransactionCanceledException e) {
                // The same Idempotency-Key stored first, or being stored right now: the caller replays it.
                if (idempotencyRecord != null && (Transactions.failedAt(e, 2, Transactions.CONDITIONAL_CHECK_FAILED)
                        || Transactions.failedAt(e, 2, Transactions.TRANSACTION_CONFLICT))) {
                    throw new IdempotencyConflictException(idempotencyRecord.recordId());
                }
                if (Transactions.failedAt(e, 0, Transactions.CONDITIONAL_CHECK_FAILED)) {
                    throw new WebhookLimitReachedException("partner " + subscription.partnerId() + " already has "
                            + maxPerPartner + " webhooks");
                }
                if (!Transactions.conflicted(e) || attempt + 1 >= Transactions.ATTEMPTS) {
                    throw new StaleWriteException("webhook " + subscription.id() + " could not be stored: "
                            + Transactions.reasons(e));
                }
                Transactions.backOff(attempt);
            }
        }
    }

    @Override
    public List<WebhookSubscription> listFor(PartnerId partnerId) {
        List<WebhookSubscription> subscriptions = new ArrayList<>();
        dynamoDb.queryPaginator(request -> request.tableName(tableName).consistentRead(true)
                        .keyConditionExpression("pk = :pk AND begins_with(sk, :prefix)")
                        .expressionAttributeValues(Map.of(":pk", s(PartnerItems.partnerPk(partnerId)),
                                ":prefix", s(SK_PREFIX))))
                .items()
                .forEach(item -> subscriptions.add(from(item)));
        return subscriptions;
    }

    @Override
    public Optional<WebhookSubscription> find(PartnerId partnerId, WebhookId webhookId) {
        var item = dynamoDb.getItem(request -> request.tableName(tableName).key(key(partnerId, webhookId))
                .consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(from(item));
    }

    @Override
    public boolean remove(PartnerId partnerId, WebhookId webhookId) {
        List<TransactWriteItem> writes = List.of(
                TransactWriteItem.builder().delete(delete -> delete.tableName(tableName).key(key(partnerId, webhookId))
                        .conditionExpression("attribute_exists(pk)")).build(),
                TransactWriteItem.builder().update(update -> update.tableName(tableName).key(countKey(partnerId))
                        .updateExpression("SET #count = #count - :one")
                        .conditionExpression("#count > :zero")
                        .expressionAttributeNames(Map.of("#count", COUNT))
                        .expressionAttributeValues(Map.of(":zero", n(0), ":one", n(1)))).build());
        for (int attempt = 0; ; attempt++) {
            try {
                dynamoDb.transactWriteItems(request -> request.transactItems(writes));
                return true;
            } catch (TransactionCanceledException e) {
                if (Transactions.failedAt(e, 0, Transactions.CONDITIONAL_CHECK_FAILED)) {
                    return false;
                }
                if (!Transactions.conflicted(e) || attempt + 1 >= Transactions.ATTEMPTS) {
                    throw new StaleWriteException("webhook " + webhookId + " could not be deleted: "
                            + Transactions.reasons(e));
                }
                Transactions.backOff(attempt);
            }
        }
    }

    static Map<String, AttributeValue> key(PartnerId partnerId, WebhookId webhookId) {
        return Map.of(PartnerItems.PK, s(PartnerItems.partnerPk(partnerId)), PartnerItems.SK,
                s(SK_PREFIX + webhookId.value()));
    }

    static Map<String, AttributeValue> countKey(PartnerId partnerId) {
        return Map.of(PartnerItems.PK, s(PartnerItems.partnerPk(partnerId)), PartnerItems.SK, s(COUNT_SK));
    }

    static Map<String, AttributeValue> item(WebhookSubscription subscription) {
        Map<String, AttributeValue> item = new HashMap<>(key(subscription.partnerId(), subscription.id()));
        item.put("entityType", s("WEBHOOK"));
        item.put("webhookId", s(subscription.id().value()));
        item.put("partnerId", s(subscription.partnerId().value()));
        item.put("url", s(subscription.url().toString()));
        item.put("secret", s(subscription.secret()));
        item.put("eventTypes", AttributeValue.fromSs(subscription.eventTypes().stream().map(Enum::name).toList()));
        item.put("createdAt", s(subscription.createdAt().toString()));
        return item;
    }

    static WebhookSubscription from(Map<String, AttributeValue> item) {
        Set<NotificationType> types = EnumSet.noneOf(NotificationType.class);
        item.get("eventTypes").ss().forEach(name -> types.add(NotificationType.valueOf(name)));
        return new WebhookSubscription(
                new WebhookId(item.get("webhookId").s()),
                new PartnerId(item.get("partnerId").s()),
                URI.create(item.get("url").s()),
                item.get("secret").s(),
                types,
                Instant.parse(item.get("createdAt").s()));
    }
}
