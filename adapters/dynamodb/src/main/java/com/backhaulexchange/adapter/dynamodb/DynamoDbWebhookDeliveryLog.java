package com.backhaulexchange.adapter.dynamodb;

import static com.backhaulexchange.adapter.dynamodb.AttributeValues.n;
import static com.backhaulexchange.adapter.dynamodb.AttributeValues.s;

import com.backhaulexchange.kernel.pagination.Page;
import com.backhaulexchange.notification.NotificationType;
import com.backhaulexchange.notification.WebhookDeliveryAttempt;
import com.backhaulexchange.notification.WebhookDeliveryAttempt.DeliveryOutcome;
import com.backhaulexchange.notification.WebhookDeliveryLog;
import com.backhaulexchange.notification.WebhookId;
import com.backhaulexchange.partner.PartnerId;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * A webhook's delivery attempts in PartnersTable (infra/table-design.md, patterns 14–15, ADR 40):
 * <pre>
 * attempt: pk WEBHOOK_DELIVERIES#&lt;partnerId&gt;#&lt;webhookId&gt;
 *          sk ATTEMPT#&lt;attemptedAt epoch ms, 13 digits&gt;#&lt;eventId&gt;#&lt;attempt, 2 digits&gt;
 * </pre>
 * One partition per webhook, apart from the partner's own items: a busy webhook's attempts never share a
 * partition with the partner item every request authenticates against. The partner id in the key makes a
 * listing of another partner's webhook empty by construction. Each item expires by TTL after
 * {@link WebhookDeliveryAttempt#RETENTION}; an unconditional Put, so a retried write of the same attempt is
 * the same item.
 */
public final class DynamoDbWebhookDeliveryLog implements WebhookDeliveryLog {
    static final String PK_PREFIX = "WEBHOOK_DELIVERIES#";
    static final String SK_PREFIX = "ATTEMPT#";

    private final DynamoDbClient dynamoDb;
    private final String tableName;

    public DynamoDbWebhookDeliveryLog(DynamoDbClient dynamoDb, String tableName) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
    }

    @Override
    public void record(WebhookDeliveryAttempt attempt) {
        dynamoDb.putItem(request -> request.tableName(tableName).item(item(attempt)));
    }

    @Override
    public Page<WebhookDeliveryAttempt> recent(PartnerId partnerId, WebhookId webhookId, int limit, String cursor) {
        String partition = pk(partnerId, webhookId);
        var start = PageCursors.decode(cursor, Set.of(PartnerItems.PK, PartnerItems.SK), PartnerItems.PK, partition);
        QueryResponse response = dynamoDb.query(request -> request.tableName(tableName)
                .keyConditionExpression("pk = :pk AND begins_with(sk, :prefix)")
                .expressionAttributeValues(Map.of(":pk", s(partition), ":prefix", s(SK_PREFIX)))
                .scanIndexForward(false).limit(limit).exclusiveStartKey(start).consistentRead(true));
        return new Page<>(response.items().stream().map(DynamoDbWebhookDeliveryLog::from).toList(),
                response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                        ? PageCursors.encode(response.lastEvaluatedKey()) : null);
    }

    static String pk(PartnerId partnerId, WebhookId webhookId) {
        return PK_PREFIX + partnerId.value() + "#" + webhookId.value();
    }

    static Map<String, AttributeValue> item(WebhookDeliveryAttempt attempt) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(PartnerItems.PK, s(pk(attempt.partnerId(), attempt.webhookId())));
        item.put(PartnerItems.SK, s(SK_PREFIX + String.format("%013d", attempt.attemptedAt().toEpochMilli()) + "#"
                + attempt.eventId() + "#" + String.format("%02d", attempt.attemptNumber())));
        item.put("entityType", s("WEBHOOK_DELIVERY"));
        item.put("webhookId", s(attempt.webhookId().value()));
        item.put("partnerId", s(attempt.partnerId().value()));
        item.put("eventId", s(attempt.eventId()));
        item.put("type", s(attempt.type().name()));
        item.put("attemptedAt", s(attempt.attemptedAt().toString()));
        item.put("attempt", n(attempt.attemptNumber()));
        Integer statusCode = null;
        String error = null;
        switch (attempt.outcome()) {
            case DeliveryOutcome.Delivered delivered -> {
                item.put("outcome", s("DELIVERED"));
                statusCode = delivered.statusCode();
            }
            case DeliveryOutcome.Failed failed -> {
                item.put("outcome", s("FAILED"));
                statusCode = failed.statusCode();
                error = failed.error();
                item.put("nextAttemptAt", s(failed.nextAttemptAt().toString()));
            }
            case DeliveryOutcome.GaveUp gaveUp -> {
                item.put("outcome", s("GAVE_UP"));
                statusCode = gaveUp.statusCode();
                error = gaveUp.error();
            }
        }
        if (statusCode != null) {
            item.put("statusCode", n(statusCode));
        }
        if (error != null) {
            item.put("error", s(error));
        }
        item.put(PartnerItems.TTL, n(attempt.expiresAt().getEpochSecond()));
        return item;
    }

    static WebhookDeliveryAttempt from(Map<String, AttributeValue> item) {
        Integer statusCode = item.containsKey("statusCode") ? Integer.valueOf(item.get("statusCode").n()) : null;
        String error = item.containsKey("error") ? item.get("error").s() : null;
        DeliveryOutcome outcome = switch (item.get("outcome").s()) {
            case "DELIVERED" -> new DeliveryOutcome.Delivered(statusCode);
            case "FAILED" -> new DeliveryOutcome.Failed(statusCode, error, Instant.parse(item.get("nextAttemptAt").s()));
            case "GAVE_UP" -> new DeliveryOutcome.GaveUp(statusCode, error);
            default -> throw new IllegalStateException("unknown delivery outcome " + item.get("outcome").s());
        };
        return new WebhookDeliveryAttempt(new WebhookId(item.get("webhookId").s()),
                new PartnerId(item.get("partnerId").s()), item.get("eventId").s(),
                NotificationType.valueOf(item.get("type").s()), Instant.parse(item.get("attemptedAt").s()),
                Integer.parseInt(item.get("attempt").n()), outcome);
    }
}
