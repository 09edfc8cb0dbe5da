package com.backhaulexchange.localstack.template;

import static org.assertj.core.api.Assertions.assertThat;

import com.backhaulexchange.localstack.api.RouteTable;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The project's real template loads and resolves; its handlers are not instantiated. */
class RealTemplateTest {

    private static final Path REAL_TEMPLATE = Path.of("../../template.yaml");

    /** A value for each parameter without a Default (the operator key hash is 64 hex digits). */
    private static Map<String, String> requiredParameters() {
        Map<String, String> values = new HashMap<>();
        TemplateModel.load(REAL_TEMPLATE).parameters().values().stream()
                .filter(parameter -> parameter.defaultValue().isEmpty())
                .forEach(parameter -> values.put(parameter.name(), "0".repeat(64)));
        return values;
    }

    @Test
    void loadsAndResolvesTablesFunctionsAndRoutes() {
        StackDefinition stack = StackDefinition.load(REAL_TEMPLATE, requiredParameters());

        assertThat(stack.tables()).extracting(TableDefinition::tableName).contains("PartnersTable");
        assertThat(stack.functions()).isNotEmpty();
        assertThat(stack.routes()).isNotEmpty().allSatisfy(route -> {
            assertThat(stack.function(route.functionLogicalId())).isNotNull();
            route.authorizerName().ifPresent(name ->
                    assertThat(stack.api(route.apiLogicalId()).authorizer(name)).isPresent());
        });
        assertThat(new RouteTable(stack.routes()).routes()).hasSameSizeAs(stack.routes());
        assertThat(stack.functions()).allSatisfy(function ->
                assertThat(function.environment().values()).noneMatch(value -> value.contains("${")));
    }
}
