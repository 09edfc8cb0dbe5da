package com.backhaulexchange.localstack.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.backhaulexchange.localstack.FixtureStack;
import com.backhaulexchange.localstack.template.AuthorizerDefinition.PayloadType;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StackDefinitionReaderTest {

    private final StackDefinition stack =
            StackDefinition.load(FixtureStack.TEMPLATE, Map.of("Secret", FixtureStack.SECRET));

    @Test
    void functionsMergeGlobalsAndResolveTheirEnvironment() {
        FunctionDefinition echo = stack.function("EchoFunction");

        assertThat(echo.handlerClass()).isEqualTo("com.backhaulexchange.localstack.fixture.EchoHandler");
        assertThat(echo.handlerMethod()).isEqualTo("handleRequest");
        assertThat(echo.timeoutSeconds()).isEqualTo(10);
        assertThat(echo.memorySizeMb()).isEqualTo(256);
        assertThat(echo.environment()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "GLOBAL_FLAG", "on",
                "GREETING", "overridden-by-function",
                "TABLE_NAME", "OrdersTable",
                "QUEUE_URL", "http://localhost:9324/000000000000/WorkQueue",
                "DLQ_ARN", "arn:aws:sqs:us-east-1:000000000000:WorkDeadLetterQueue",
                "DESCRIBED", "local/hello/arn:aws:dynamodb:us-east-1:000000000000:table/OrdersTable/us-east-1/${Literal}",
                "SECRET", FixtureStack.SECRET,
                "RETENTION_DAYS", "7"));
        assertThat(stack.function("AuthorizerFunction").timeoutSeconds()).isEqualTo(3);
        assertThat(stack.function("AuthorizerFunction").environment()).containsEntry("GREETING", "hello");
    }

    @Test
    void apiEventsBecomeRoutesWithTheirEffectiveAuthorizer() {
        assertThat(stack.routes()).extracting(RouteDefinition::method, RouteDefinition::path, RouteDefinition::authorizerName)
                .contains(
                        org.assertj.core.groups.Tuple.tuple("GET", "/items/{itemId}", Optional.of("TestAuthorizer")),
                        org.assertj.core.groups.Tuple.tuple("GET", "/items/mine", Optional.of("TestAuthorizer")),
                        org.assertj.core.groups.Tuple.tuple("GET", "/public/ping", Optional.empty()),
                        org.assertj.core.groups.Tuple.tuple("ANY", "/public/upload", Optional.empty()));
        assertThat(stack.routes()).allSatisfy(route -> assertThat(route.apiLogicalId()).isEqualTo("TestApi"));
    }

    @Test
    void apisCarryTheirAuthorizersAndGatewayResponses() {
        ApiDefinition api = stack.api("TestApi");

        assertThat(api.stageName()).isEqualTo("v1");
        assertThat(api.defaultAuthorizer()).contains("TestAuthorizer");
        AuthorizerDefinition authorizer = api.authorizer("TestAuthorizer").orElseThrow();
        assertThat(authorizer.functionLogicalId()).isEqualTo("AuthorizerFunction");
        assertThat(authorizer.payloadType()).isEqualTo(PayloadType.REQUEST);
        assertThat(authorizer.identityHeaders()).containsExactly("Authorization");
        assertThat(authorizer.reauthorizeEverySeconds()).isZero();
        GatewayResponseDefinition unauthorized = api.gatewayResponses().get("UNAUTHORIZED");
        assertThat(unauthorized.statusCode()).contains(401);
        assertThat(unauthorized.headers()).containsEntry("Content-Type", "'application/problem+json'");
        assertThat(unauthorized.templates()).containsKey("application/json");
        assertThat(api.gatewayResponses().get("DEFAULT_5XX").statusCode()).isEmpty();
    }

    @Test
    void queuesKnowTheirDeadLetterQueue() {
        QueueDefinition work = stack.queue("WorkQueue");

        assertThat(work.queueName()).isEqualTo("WorkQueue");
        assertThat(work.deadLetterQueueLogicalId()).contains("WorkDeadLetterQueue");
        assertThat(work.maxReceiveCount()).contains(2);
        assertThat(work.attributes()).containsEntry("VisibilityTimeout", "2").containsEntry("RedrivePolicy",
                "{\"deadLetterTargetArn\":\"arn:aws:sqs:us-east-1:000000000000:WorkDeadLetterQueue\",\"maxReceiveCount\":2}");
        assertThat(stack.queue("NamedQueue").queueName()).isEqualTo("local-named.fifo");
        assertThat(stack.queue("NamedQueue").attributes()).containsEntry("FifoQueue", "true");
    }

    @Test
    void sqsEventsBecomeSubscriptions() {
        assertThat(stack.sqsSubscriptions()).hasSize(2).first().satisfies(subscription -> {
            assertThat(subscription.functionLogicalId()).isEqualTo("WorkerFunction");
            assertThat(subscription.eventName()).isEqualTo("Work");
            assertThat(subscription.queueLogicalId()).isEqualTo("WorkQueue");
            assertThat(subscription.batchSize()).isEqualTo(10);
            assertThat(subscription.maximumBatchingWindowSeconds()).isEqualTo(1);
            assertThat(subscription.reportBatchItemFailures()).isTrue();
            assertThat(subscription.enabled()).isTrue();
        });
        assertThat(stack.sqsSubscriptions().get(1).reportBatchItemFailures()).isFalse();
        assertThat(stack.sqsSubscriptions().get(1).batchSize()).isEqualTo(3);
    }

    @Test
    void aQueueWhoseVisibilityTimeoutIsShorterThanTheFunctionTimeoutIsRejectedAsLambdaDoes() {
        TemplateModel template = TemplateModel.parse("""
                Resources:
                  Q:
                    Type: AWS::SQS::Queue
                    Properties:
                      VisibilityTimeout: 5
                  Fn:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: x.Y
                      Timeout: 6
                      Events:
                        Work:
                          Type: SQS
                          Properties:
                            Queue: !GetAtt Q.Arn
                """);

        assertThatThrownBy(() -> StackDefinitionReader.read(template, LocalEnvironment.offline(Map.of())))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("VisibilityTimeout of Q (5 s)").hasMessageContaining("Timeout (6 s)");
    }

    @Test
    void schedulesComeFromEventsAndRuleResources() {
        assertThat(stack.schedules()).extracting(ScheduleDefinition::functionLogicalId, ScheduleDefinition::name,
                        ScheduleDefinition::expression, ScheduleDefinition::enabled)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("NightlyFunction", "Nightly", "cron(0 3 * * ? *)", true),
                        org.assertj.core.groups.Tuple.tuple("NightlyFunction", "Hourly", "rate(1 hour)", true),
                        org.assertj.core.groups.Tuple.tuple("ReportFunction", "Daily", "rate(1 day)", true),
                        org.assertj.core.groups.Tuple.tuple("ReportFunction", "Weekly", "rate(7 days)", false),
                        org.assertj.core.groups.Tuple.tuple("ReportFunction", "Broken", "rate(1 day)", true),
                        org.assertj.core.groups.Tuple.tuple("ReportFunction", "CleanupRule", "rate(1 day)", true));
        assertThat(stack.schedule("ReportFunction", "Weekly").orElseThrow().input().orElseThrow().toString())
                .isEqualTo("{\"mode\":\"full\",\"batch\":3}");
        assertThat(stack.schedule("ReportFunction", "CleanupRule").orElseThrow().input().orElseThrow().toString())
                .isEqualTo("{\"cleanup\":true}");
    }

    @Test
    void tablesKeepTheirResolvedProperties() {
        assertThat(stack.tables()).extracting(TableDefinition::tableName).containsExactly("OrdersTable", "AuditTable");
        assertThat(stack.table("OrdersTable").properties().path("GlobalSecondaryIndexes").get(0).path("IndexName").asText())
                .isEqualTo("gsi1");
    }

    @Test
    void aRouteUsingAnUndefinedAuthorizerIsRejected() {
        TemplateModel template = TemplateModel.parse("""
                Resources:
                  Api:
                    Type: AWS::Serverless::Api
                    Properties:
                      StageName: v1
                  Fn:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: x.Y::handleRequest
                      Events:
                        Get:
                          Type: Api
                          Properties:
                            RestApiId: !Ref Api
                            Path: /x
                            Method: get
                            Auth:
                              Authorizer: Missing
                """);

        assertThatThrownBy(() -> StackDefinitionReader.read(template, LocalEnvironment.offline(Map.of())))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("Missing").hasMessageContaining("Get");
    }

    @Test
    void eventsWithoutRestApiIdUseTheImplicitApiAndUnsupportedEventsAreWarnings() {
        TemplateModel template = TemplateModel.parse("""
                Resources:
                  Fn:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: x.Y
                      Events:
                        Get:
                          Type: Api
                          Properties:
                            Path: /x
                            Method: get
                        Stream:
                          Type: DynamoDB
                          Properties:
                            Stream: arn
                """);

        StackDefinition definition = StackDefinitionReader.read(template, LocalEnvironment.offline(Map.of()));

        assertThat(definition.routes()).singleElement().satisfies(route -> {
            assertThat(route.apiLogicalId()).isEqualTo(ApiDefinition.IMPLICIT_API_ID);
            assertThat(route.authorizerName()).isEmpty();
        });
        assertThat(definition.api(ApiDefinition.IMPLICIT_API_ID).stageName()).isEqualTo("Prod");
        assertThat(definition.function("Fn").handlerMethod()).isEqualTo("handleRequest");
        assertThat(definition.warnings()).singleElement().asString().contains("Stream", "DynamoDB");
    }
}
