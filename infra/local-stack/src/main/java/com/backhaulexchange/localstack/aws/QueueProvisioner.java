package com.backhaulexchange.localstack.aws;

import com.backhaulexchange.localstack.template.QueueDefinition;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Creates the template's queues in ElasticMQ, dead-letter queues before the queues that redrive to them.
 * ElasticMQ implements the redrive policy itself: a message received more than {@code maxReceiveCount}
 * times moves to the dead-letter queue.
 */
public final class QueueProvisioner {

    private final SqsClient sqs;

    public QueueProvisioner(SqsClient sqs) {
        this.sqs = sqs;
    }

    public void provision(List<QueueDefinition> queues) {
        for (QueueDefinition queue : deadLetterQueuesFirst(queues)) {
            Map<QueueAttributeName, String> attributes = new LinkedHashMap<>();
            queue.attributes().forEach((name, value) -> attributes.put(QueueAttributeName.fromValue(name), value));
            String url = sqs.createQueue(request -> request.queueName(queue.queueName()).attributes(attributes)).queueUrl();
            if (!url.equals(queue.queueUrl())) {
                throw new IllegalStateException("ElasticMQ created queue " + queue.logicalId() + " at " + url
                        + " but the template resolves it to " + queue.queueUrl());
            }
        }
    }

    static List<QueueDefinition> deadLetterQueuesFirst(List<QueueDefinition> queues) {
        Map<String, QueueDefinition> byId = new LinkedHashMap<>();
        queues.forEach(queue -> byId.put(queue.logicalId(), queue));
        List<QueueDefinition> ordered = new ArrayList<>();
        Set<String> placed = new HashSet<>();
        for (QueueDefinition queue : queues) {
            place(queue, byId, placed, new HashSet<>(), ordered);
        }
        return ordered;
    }

    private static void place(QueueDefinition queue, Map<String, QueueDefinition> byId, Set<String> placed,
                              Set<String> visiting, List<QueueDefinition> ordered) {
        if (placed.contains(queue.logicalId())) {
            return;
        }
        if (!visiting.add(queue.logicalId())) {
            throw new IllegalStateException("Queues redrive to each other in a cycle through " + queue.logicalId());
        }
        queue.deadLetterQueueLogicalId().map(byId::get).ifPresent(deadLetterQueue ->
                place(deadLetterQueue, byId, placed, visiting, ordered));
        placed.add(queue.logicalId());
        ordered.add(queue);
    }
}
