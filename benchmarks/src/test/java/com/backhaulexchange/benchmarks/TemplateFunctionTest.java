package com.backhaulexchange.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import com.backhaulexchange.testing.TemplateTables;
import org.junit.jupiter.api.Test;

class TemplateFunctionTest {
    @Test
    void readsJarHandlerAndVariablesAsTheTemplateDeploysThem() {
        var template = TemplateTables.templatePath();
        var authorizer = TemplateFunction.read(template, "ApiKeyAuthorizerFunction");
        assertThat(authorizer.handlerClass()).isEqualTo("com.backhaulexchange.function.authorizer.ApiKeyAuthorizerHandler");
        assertThat(authorizer.jar()).isEqualTo(
                template.getParent().resolve("functions/api-key-authorizer/target/api-key-authorizer.jar"));
        assertThat(authorizer.environmentVariableNames()).contains("PARTNERS_TABLE_NAME", "OPERATOR_KEY_SHA256");
        assertThat(authorizer.variables()).containsEntry("PARTNERS_TABLE_NAME", "PartnersTable")
                .containsEntry("OPERATOR_KEY_SHA256", "OperatorKeySha256");
    }

    @Test
    void everyFunctionVariableRefersToATableAQueueABucketOrAParameterOrIsALiteral() {
        var template = TemplateTables.templatePath();
        var types = TemplateFunction.resourceTypes(template);
        var parameters = TemplateFunction.parameterDefaults(template);
        types.entrySet().stream().filter(resource -> resource.getValue().equals("AWS::Serverless::Function"))
                .map(resource -> TemplateFunction.read(template, resource.getKey()))
                .forEach(function -> function.variables().forEach((name, reference) -> assertThat(
                        types.get(reference) != null && types.get(reference).matches("AWS::(DynamoDB::Table|SQS::Queue|S3::Bucket)")
                                || parameters.containsKey(reference) || TemplateFunction.isLiteral(reference))
                        .as("%s of %s refers to %s", name, function.logicalId(), reference).isTrue()));
    }

    @Test
    void tellsALiteralFromAReference() {
        assertThat(TemplateFunction.isLiteral("8")).isTrue();
        assertThat(TemplateFunction.isLiteral("true")).isTrue();
        assertThat(TemplateFunction.isLiteral("PartnersTable")).isFalse();
        assertThat(TemplateFunction.read(TemplateTables.templatePath(), "WebhookNotifierFunction").variables())
                .containsEntry("WEBHOOK_MAX_ATTEMPTS", "8");
    }

    @Test
    void readsTheJvmFlagsEveryFunctionGets() {
        assertThat(TemplateFunction.globalJavaToolOptions(TemplateTables.templatePath()))
                .hasValueSatisfying(options -> assertThat(options).contains("-XX:TieredStopAtLevel=1"));
    }
}
