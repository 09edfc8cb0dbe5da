package com.backhaulexchange.localstack.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IntrinsicResolverTest {

    private static final TemplateModel TEMPLATE = TemplateModel.parse("""
            Parameters:
              Stage:
                Type: String
                Default: dev
              Secret:
                Type: String
                AllowedPattern: "^[a-z]+$"
              Size:
                Type: Number
                Default: 3
                AllowedValues: [1, 3, 5]
              Zones:
                Type: CommaDelimitedList
                Default: "a, b,c"
            Resources:
              Orders:
                Type: AWS::DynamoDB::Table
              Work:
                Type: AWS::SQS::Queue
              Named:
                Type: AWS::SQS::Queue
                Properties:
                  QueueName: !Sub "${AWS::StackName}-${Stage}-named"
              Ordered:
                Type: AWS::SQS::Queue
                Properties:
                  FifoQueue: true
              Worker:
                Type: AWS::Serverless::Function
              Api:
                Type: AWS::Serverless::Api
              Logs:
                Type: AWS::Logs::LogGroup
            """);

    private final IntrinsicResolver resolver = new IntrinsicResolver(TEMPLATE,
            LocalEnvironment.running(URI.create("http://localhost:4567"), Map.of("Secret", "abc")));

    private String resolve(String yaml) {
        return resolver.resolveText(CloudFormationYaml.parse("v: " + yaml).get("v"), "Test.v");
    }

    @Test
    void refResolvesResourcesToTheirLocalNames() {
        assertThat(resolve("!Ref Orders")).isEqualTo("Orders");
        assertThat(resolve("!Ref Work")).isEqualTo("http://localhost:4567/000000000000/Work");
        assertThat(resolve("!Ref Named")).isEqualTo("http://localhost:4567/000000000000/local-dev-named");
        assertThat(resolve("!Ref Ordered")).isEqualTo("http://localhost:4567/000000000000/Ordered.fifo");
        assertThat(resolve("!Ref Worker")).isEqualTo("Worker");
        assertThat(resolve("!Ref Worker.Alias")).isEqualTo("Worker");
        assertThat(resolve("!Ref Api")).isEqualTo("local");
    }

    @Test
    void refResolvesParametersToTheOverrideOrTheDefault() {
        assertThat(resolve("!Ref Stage")).isEqualTo("dev");
        assertThat(resolve("!Ref Secret")).isEqualTo("abc");
        assertThat(resolve("!Ref Size")).isEqualTo("3");
        JsonNode zones = resolver.resolve(CloudFormationYaml.parse("v: !Ref Zones").get("v"), "Test.v");
        assertThat(zones.toString()).isEqualTo("[\"a\",\"b\",\"c\"]");
    }

    @Test
    void getAttGivesArnsUrlsAndNames() {
        assertThat(resolve("!GetAtt Work.Arn")).isEqualTo("arn:aws:sqs:us-east-1:000000000000:Work");
        assertThat(resolve("!GetAtt Work.QueueUrl")).isEqualTo("http://localhost:4567/000000000000/Work");
        assertThat(resolve("!GetAtt Named.QueueName")).isEqualTo("local-dev-named");
        assertThat(resolve("!GetAtt Orders.Arn")).isEqualTo("arn:aws:dynamodb:us-east-1:000000000000:table/Orders");
        assertThat(resolve("!GetAtt Orders.StreamArn")).startsWith("arn:aws:dynamodb:us-east-1:000000000000:table/Orders/stream/");
        assertThat(resolve("!GetAtt Worker.Arn")).isEqualTo("Worker");
    }

    @Test
    void subReplacesReferencesAttributesPseudoParametersAndVariables() {
        assertThat(resolve("!Sub \"${AWS::StackName}|${AWS::Region}|${AWS::AccountId}|${AWS::URLSuffix}|${AWS::Partition}\""))
                .isEqualTo("local|us-east-1|000000000000|amazonaws.com|aws");
        assertThat(resolve("!Sub \"${Orders.Arn}/index/gsi1\""))
                .isEqualTo("arn:aws:dynamodb:us-east-1:000000000000:table/Orders/index/gsi1");
        assertThat(resolve("!Sub \"${Stage}-${!NotAVariable}\"")).isEqualTo("dev-${NotAVariable}");
        assertThat(resolve("!Sub [\"${Prefix}/${Stage}\", {Prefix: !Ref Orders}]")).isEqualTo("Orders/dev");
    }

    @Test
    void joinSelectAndSplitAreEvaluated() {
        assertThat(resolve("!Join [\"-\", [!Ref Stage, x, !Ref Size]]")).isEqualTo("dev-x-3");
        assertThat(resolve("!Select [1, !Ref Zones]")).isEqualTo("b");
        assertThat(resolve("!Select [0, !Split [\":\", !GetAtt Work.Arn]]")).isEqualTo("arn");
    }

    @Test
    void noValueRemovesTheProperty() {
        JsonNode resolved = resolver.resolve(CloudFormationYaml.parse("""
                v:
                  Keep: 1
                  Drop: !Ref AWS::NoValue
                  List: [a, !Ref AWS::NoValue]
                """).get("v"), "Test.v");

        assertThat(resolved.toString()).isEqualTo("{\"Keep\":1,\"List\":[\"a\"]}");
    }

    @Test
    void referencedLogicalIdUnderstandsRefGetAttAndSub() {
        assertThat(resolver.referencedLogicalId(CloudFormationYaml.parse("v: !Ref Api").get("v"), "x")).isEqualTo("Api");
        assertThat(resolver.referencedLogicalId(CloudFormationYaml.parse("v: !Ref Worker.Alias").get("v"), "x")).isEqualTo("Worker");
        assertThat(resolver.referencedLogicalId(CloudFormationYaml.parse("v: !GetAtt Work.Arn").get("v"), "x")).isEqualTo("Work");
        assertThat(resolver.referencedLogicalId(CloudFormationYaml.parse("v: !Sub \"${Worker.Arn}\"").get("v"), "x")).isEqualTo("Worker");
        assertThatThrownBy(() -> resolver.referencedLogicalId(CloudFormationYaml.parse("v: !GetAtt Missing.Arn").get("v"), "Here.Queue"))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("Here.Queue").hasMessageContaining("Missing");
    }

    @Test
    void unsupportedThingsFailNamingWhereTheyAre() {
        assertThatThrownBy(() -> resolve("!GetAtt Work.Unknown"))
                .isInstanceOf(TemplateException.class).hasMessageContaining("Work.Unknown").hasMessageContaining("Test.v");
        assertThatThrownBy(() -> resolve("!Ref Logs"))
                .isInstanceOf(TemplateException.class).hasMessageContaining("AWS::Logs::LogGroup").hasMessageContaining("Test.v");
        assertThatThrownBy(() -> resolve("!Ref Nowhere"))
                .isInstanceOf(TemplateException.class).hasMessageContaining("Nowhere");
        assertThatThrownBy(() -> resolve("!If [Cond, a, b]"))
                .isInstanceOf(TemplateException.class).hasMessageContaining("Fn::If").hasMessageContaining("Test.v");
        assertThatThrownBy(() -> resolve("!Ref AWS::NotificationARNs"))
                .isInstanceOf(TemplateException.class).hasMessageContaining("AWS::NotificationARNs");
    }

    @Test
    void aParameterWithoutDefaultOrOverrideIsAClearError() {
        IntrinsicResolver withoutSecret = new IntrinsicResolver(TEMPLATE, LocalEnvironment.offline(Map.of()));

        assertThatThrownBy(() -> withoutSecret.resolveText(CloudFormationYaml.parse("v: !Ref Secret").get("v"), "Fn.Env"))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("Secret has no Default")
                .hasMessageContaining("--parameter Secret=");
    }

    @Test
    void overridesAreCheckedLikeCloudFormationChecksParameters() {
        assertThatThrownBy(() -> new IntrinsicResolver(TEMPLATE, LocalEnvironment.offline(Map.of("Secret", "NOT-LOWER"))))
                .isInstanceOf(TemplateException.class).hasMessageContaining("AllowedPattern");
        assertThatThrownBy(() -> new IntrinsicResolver(TEMPLATE, LocalEnvironment.offline(Map.of("Size", "4"))))
                .isInstanceOf(TemplateException.class).hasMessageContaining("AllowedValues");
        assertThatThrownBy(() -> new IntrinsicResolver(TEMPLATE, LocalEnvironment.offline(Map.of("Typo", "x"))))
                .isInstanceOf(TemplateException.class).hasMessageContaining("Typo").hasMessageContaining("Stage");
    }
}
