package com.backhaulexchange.localstack.template;

import java.util.Map;
import java.util.Optional;

/**
 * An {@code AWS::SQS::Queue}: its local name, URL and ARN, the SQS attributes to create it with (the
 * redrive policy already pointing at the dead-letter queue's local ARN) and which queue that is.
 */
public record QueueDefinition(
        String logicalId, String queueName, String queueUrl, String queueArn, Map<String, String> attributes,
        Optional<String> deadLetterQueueLogicalId, Optional<Integer> maxReceiveCount) {

    public QueueDefinition {
        attributes = Map.copyOf(attributes);
    }
}
