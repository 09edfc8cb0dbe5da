package com.backhaulexchange.localstack.sqs;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.backhaulexchange.localstack.support.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * Which messages of a batch to delete after the function returned, by the event source mapping's rules.
 * Without {@code ReportBatchItemFailures} a normal return means the whole batch succeeded. With it, the
 * messages listed in {@code batchItemFailures} stay on the queue, and an answer Lambda cannot trust (an
 * identifier that is empty or not in the batch) fails the whole batch; a null answer or an empty list is
 * full success.
 */
final class BatchResult {

    private BatchResult() {
    }

    static List<Message> messagesToDelete(List<Message> batch, Object functionResult, boolean reportBatchItemFailures) {
        if (!reportBatchItemFailures || functionResult == null) {
            return batch;
        }
        JsonNode response = functionResult instanceof SQSBatchResponse typed
                ? Json.MAPPER.valueToTree(typed)
                : Json.MAPPER.valueToTree(functionResult);
        JsonNode failures = response.path("batchItemFailures");
        if (failures.isMissingNode() || failures.isNull()) {
            return batch;
        }
        if (!failures.isArray()) {
            return List.of();
        }
        Set<String> batchIds = new HashSet<>();
        batch.forEach(message -> batchIds.add(message.messageId()));
        Set<String> failed = new HashSet<>();
        for (JsonNode failure : failures) {
            String id = failure.path("itemIdentifier").asText("");
            if (id.isEmpty() || !batchIds.contains(id)) {
                return List.of();
            }
            failed.add(id);
        }
        return batch.stream().filter(message -> !failed.contains(message.messageId())).toList();
    }
}
