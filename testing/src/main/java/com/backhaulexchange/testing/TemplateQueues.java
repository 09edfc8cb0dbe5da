package com.backhaulexchange.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Creates a queue as template.yaml declares it (visibility timeout, retention, and its dead-letter queue
 * with the redrive policy's maxReceiveCount) under fresh names, so each test works on empty queues.
 */
public final class TemplateQueues {
    private static final ObjectMapper JSON = new ObjectMapper();

    private TemplateQueues() {
    }

    /** A queue and, when the template gives it one, its dead-letter queue. */
    public record FreshQueue(String url, String deadLetterUrl, int maxReceiveCount) {
    }

    public static FreshQueue createFresh(SqsClient sqs, String logicalId) {
        return createFresh(sqs, logicalId, null);
    }

    /**
     * As {@link #createFresh(SqsClient, String)}, with another visibility timeout: a test that watches a
     * message fail its way to the dead-letter queue cannot wait the template's minutes per receive.
     */
    public static FreshQueue createFresh(SqsClient sqs, String logicalId, Integer visibilityTimeoutSeconds) {
        JsonNode properties = queueProperties(logicalId);
        String suffix = "-" + UUID.randomUUID().toString().substring(0, 8);
        Map<QueueAttributeName, String> attributes = new LinkedHashMap<>();
        for (String name : List.of("VisibilityTimeout", "MessageRetentionPeriod", "DelaySeconds")) {
            if (properties.has(name)) {
                attributes.put(QueueAttributeName.fromValue(name), properties.get(name).asText());
            }
        }
        if (visibilityTimeoutSeconds != null) {
            attributes.put(QueueAttributeName.VISIBILITY_TIMEOUT, visibilityTimeoutSeconds.toString());
        }
        String deadLetterUrl = null;
        int maxReceiveCount = 0;
        JsonNode redrive = properties.path("RedrivePolicy");
        if (!redrive.isMissingNode()) {
            // Read as plain YAML, "!GetAtt MatchRequestDeadLetterQueue.Arn" is the scalar after the tag.
            String deadLetterId = redrive.path("deadLetterTargetArn").asText().split("\\.")[0];
            deadLetterUrl = createFresh(sqs, deadLetterId).url();
            String deadLetterQueueUrl = deadLetterUrl;
            String deadLetterArn = sqs.getQueueAttributes(request -> request.queueUrl(deadLetterQueueUrl)
                    .attributeNames(QueueAttributeName.QUEUE_ARN)).attributes().get(QueueAttributeName.QUEUE_ARN);
            maxReceiveCount = redrive.path("maxReceiveCount").asInt();
            attributes.put(QueueAttributeName.REDRIVE_POLICY, JSON.createObjectNode()
                    .put("deadLetterTargetArn", deadLetterArn).put("maxReceiveCount", maxReceiveCount).toString());
        }
        String name = logicalId + suffix;
        String url = sqs.createQueue(request -> request.queueName(name).attributes(attributes)).queueUrl();
        return new FreshQueue(url, deadLetterUrl, maxReceiveCount);
    }

    /** Every message now on the queue, received and left invisible for the queue's visibility timeout. */
    public static List<Message> drain(SqsClient sqs, String queueUrl) {
        List<Message> received = new java.util.ArrayList<>();
        while (true) {
            var batch = sqs.receiveMessage(request -> request.queueUrl(queueUrl).maxNumberOfMessages(10)
                    .waitTimeSeconds(0).messageSystemAttributeNames(MessageSystemAttributeName.ALL)).messages();
            if (batch.isEmpty()) {
                return received;
            }
            received.addAll(batch);
        }
    }

    /** Every message now on the queue, received and deleted (a consumer that has done its work). */
    public static List<Message> take(SqsClient sqs, String queueUrl) {
        List<Message> taken = drain(sqs, queueUrl);
        taken.forEach(message -> sqs.deleteMessage(request -> request.queueUrl(queueUrl)
                .receiptHandle(message.receiptHandle())));
        return taken;
    }

    private static JsonNode queueProperties(String logicalId) {
        try {
            JsonNode template = new ObjectMapper(new YAMLFactory()).readTree(TemplateTables.templatePath().toFile());
            JsonNode resource = template.path("Resources").path(logicalId);
            if (!"AWS::SQS::Queue".equals(resource.path("Type").asText())) {
                throw new IllegalArgumentException(logicalId + " is not an SQS queue in template.yaml");
            }
            return resource.path("Properties");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
