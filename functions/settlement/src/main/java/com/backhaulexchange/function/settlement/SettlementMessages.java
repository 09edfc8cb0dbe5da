package com.backhaulexchange.function.settlement;

import com.backhaulexchange.kernel.id.Ulid;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/**
 * SettlementQueue messages: {@code {"collaborationId": ..., "periodIndex": n}}, one per (collaboration, period)
 * due. Sending twice is harmless: the settler settles a period once in effect.
 */
final class SettlementMessages {
    record PeriodDue(String collaborationId, long periodIndex) {
    }

    private final SqsClient sqs;
    private final String queueUrl;
    private final ObjectMapper mapper;

    SettlementMessages(SqsClient sqs, String queueUrl, ObjectMapper mapper) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
        this.mapper = mapper;
    }

    /** Sends the messages in batches of 10; a batch entry SQS refuses is an exception (the caller retries). */
    void send(List<PeriodDue> due) {
        for (int i = 0; i < due.size(); i += 10) {
            List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
            List<PeriodDue> batch = due.subList(i, Math.min(due.size(), i + 10));
            for (int e = 0; e < batch.size(); e++) {
                entries.add(SendMessageBatchRequestEntry.builder().id(Integer.toString(e))
                        .messageBody(encode(batch.get(e))).build());
            }
            var response = sqs.sendMessageBatch(request -> request.queueUrl(queueUrl).entries(entries));
            if (response.hasFailed() && !response.failed().isEmpty()) {
                throw new IllegalStateException("SettlementQueue refused " + response.failed());
            }
        }
    }

    String encode(PeriodDue due) {
        var json = mapper.createObjectNode();
        json.put("collaborationId", due.collaborationId());
        json.put("periodIndex", due.periodIndex());
        return json.toString();
    }

    static PeriodDue decode(ObjectMapper mapper, String body) {
        JsonNode json;
        try {
            json = mapper.readTree(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage());
        }
        String id = json == null ? null : json.path("collaborationId").asText(null);
        JsonNode index = json == null ? null : json.path("periodIndex");
        if (id == null || !Ulid.isValid(id) || index == null || !index.canConvertToLong() || index.asLong() < 0) {
            throw new IllegalArgumentException("not a settlement message: " + body);
        }
        return new PeriodDue(id, index.asLong());
    }
}
