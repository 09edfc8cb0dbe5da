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
    }

    @Test
    void readsTheJvmFlagsEveryFunctionGets() {
        assertThat(TemplateFunction.globalJavaToolOptions(TemplateTables.templatePath()))
                .hasValueSatisfying(options -> assertThat(options).contains("-XX:TieredStopAtLevel=1"));
    }
}
