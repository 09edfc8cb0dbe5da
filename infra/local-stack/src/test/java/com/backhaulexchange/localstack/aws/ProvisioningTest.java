package com.backhaulexchange.localstack.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.backhaulexchange.localstack.FixtureStack;
import com.backhaulexchange.localstack.LocalStack;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProvisioningTest {

    private LocalStack stack;
    private DynamoDbClient dynamoDb;
    private SqsClient sqs;

    @BeforeAll
    void startStack() {
        stack = FixtureStack.start();
        dynamoDb = AwsClients.dynamoDb(stack.dynamoDbEndpoint());
        sqs = AwsClients.sqs(stack.sqsEndpoint());
    }

    @AfterAll
    void stopStack() {
        dynamoDb.close();
        sqs.close();
        stack.close();
    }

    @Test
    void tablesAreCreatedWithKeysIndexesAndBillingFromTheTemplate() {
        TableDescription orders = dynamoDb.describeTable(request -> request.tableName(stack.tableName("OrdersTable"))).table();

        assertThat(orders.keySchema()).containsExactly(
                KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build(),
                KeySchemaElement.builder().attributeName("sk").keyType(KeyType.RANGE).build());
        assertThat(orders.billingModeSummary().billingMode()).isEqualTo(BillingMode.PAY_PER_REQUEST);
        GlobalSecondaryIndexDescription gsi = orders.globalSecondaryIndexes().getFirst();
        assertThat(gsi.indexName()).isEqualTo("gsi1");
        assertThat(gsi.keySchema()).extracting(KeySchemaElement::attributeName).containsExactly("gsi1pk", "gsi1sk");
        assertThat(gsi.projection().projectionType()).isEqualTo(ProjectionType.ALL);
        LocalSecondaryIndexDescription lsi = orders.localSecondaryIndexes().getFirst();
        assertThat(lsi.indexName()).isEqualTo("lsi1");
        assertThat(lsi.projection().nonKeyAttributes()).containsExactly("status");
        assertThat(dynamoDb.describeTimeToLive(request -> request.tableName("OrdersTable")).timeToLiveDescription())
                .satisfies(ttl -> {
                    assertThat(ttl.attributeName()).isEqualTo("expiresAt");
                    assertThat(ttl.timeToLiveStatus()).isEqualTo(TimeToLiveStatus.ENABLED);
                });

        TableDescription audit = dynamoDb.describeTable(request -> request.tableName("AuditTable")).table();
        assertThat(audit.provisionedThroughput().readCapacityUnits()).isEqualTo(2L);
        assertThat(audit.provisionedThroughput().writeCapacityUnits()).isEqualTo(3L);
        assertThat(stack.tables()).allSatisfy(outcome -> assertThat(outcome.created()).isTrue());
    }

    @Test
    void queuesAreCreatedWithTheirAttributesAndRedrivePolicy() {
        Map<QueueAttributeName, String> work = sqs.getQueueAttributes(request -> request
                .queueUrl(stack.queueUrl("WorkQueue"))
                .attributeNames(QueueAttributeName.ALL)).attributes();

        assertThat(work).containsEntry(QueueAttributeName.VISIBILITY_TIMEOUT, "2");
        assertThat(work.get(QueueAttributeName.REDRIVE_POLICY))
                .contains("arn:aws:sqs:us-east-1:000000000000:WorkDeadLetterQueue")
                .contains("\"maxReceiveCount\":2");

        Map<QueueAttributeName, String> deadLetters = sqs.getQueueAttributes(request -> request
                .queueUrl(stack.queueUrl("WorkDeadLetterQueue"))
                .attributeNames(QueueAttributeName.ALL)).attributes();
        assertThat(deadLetters).containsEntry(QueueAttributeName.QUEUE_ARN, "arn:aws:sqs:us-east-1:000000000000:WorkDeadLetterQueue");

        assertThat(stack.queueUrl("NamedQueue")).endsWith("/000000000000/local-named.fifo");
        assertThat(sqs.getQueueAttributes(request -> request.queueUrl(stack.queueUrl("NamedQueue"))
                .attributeNames(QueueAttributeName.FIFO_QUEUE)).attributes())
                .containsEntry(QueueAttributeName.FIFO_QUEUE, "true");
        assertThat(sqs.listQueues().queueUrls()).containsExactlyInAnyOrder(
                stack.queueUrl("WorkQueue"), stack.queueUrl("WorkDeadLetterQueue"), stack.queueUrl("BatchQueue"),
                stack.queueUrl("NamedQueue"));
    }

    @Test
    void deadLetterQueuesAreCreatedFirst() {
        var definition = stack.definition();
        assertThat(QueueProvisioner.deadLetterQueuesFirst(java.util.List.of(
                definition.queue("WorkQueue"), definition.queue("NamedQueue"), definition.queue("WorkDeadLetterQueue"))))
                .extracting(queue -> queue.logicalId())
                .containsExactly("WorkDeadLetterQueue", "WorkQueue", "NamedQueue");
    }
}
