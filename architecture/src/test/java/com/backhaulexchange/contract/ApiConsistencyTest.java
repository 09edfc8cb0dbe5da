package com.backhaulexchange.contract;

import com.backhaulexchange.adapter.http.ApiRouter;
import com.backhaulexchange.adapter.http.problem.Problem;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/** The API three ways: template.yaml's Api events, the OpenAPI document, and the functions' routers. */
class ApiConsistencyTest {
    private static final Set<String> HTTP_METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch",
            "trace");
    private static final SamTemplate TEMPLATE = SamTemplate.load(ProjectFiles.template());
    private static final JsonNode OPEN_API = OpenApiResponseValidator.shared().document();

    @Test
    void everyApiEventIsAnOpenApiOperationAndEveryOperationIsAnApiEvent() {
        assertThat(templateRoutes().keySet()).isNotEmpty().isEqualTo(openApiOperations().keySet());
    }

    @Test
    void operationsWithoutSecurityAreExactlyTheEventsWithoutAuthorizer() {
        Map<String, Boolean> templateOpen = new TreeMap<>();
        templateRoutes().forEach((route, event) -> templateOpen.put(route,
                "NONE".equals(event.path("Properties").path("Auth").path("Authorizer").asText())));
        Map<String, Boolean> openApiOpen = new TreeMap<>();
        boolean securedByDefault = !OPEN_API.path("security").isEmpty();
        openApiOperations().forEach((route, operation) -> openApiOpen.put(route, operation.has("security")
                ? operation.get("security").isEmpty() : !securedByDefault));
        assertThat(templateOpen).as("route -> needs no API key (template: Auth.Authorizer NONE)")
                .isEqualTo(openApiOpen);
        assertThat(openApiOpen).containsEntry("POST /partners", true);
    }

    @Test
    void everyApiEventUsesTheTemplatesRestApiWhoseDefaultAuthorizerIsDeclared() {
        var softly = new SoftAssertions();
        templateRoutes().forEach((route, event) -> {
            String apiId = SamTemplate.referencedLogicalId(event.path("Properties").path("RestApiId")).orElse("");
            JsonNode api = TEMPLATE.resource(apiId);
            softly.assertThat(api.path("Type").asText()).as("%s RestApiId", route).isEqualTo("AWS::Serverless::Api");
            JsonNode auth = api.path("Properties").path("Auth");
            String authorizer = event.path("Properties").path("Auth").path("Authorizer")
                    .asText(auth.path("DefaultAuthorizer").asText());
            if (!"NONE".equals(authorizer)) {
                softly.assertThat(auth.path("Authorizers").has(authorizer))
                        .as("%s authorizer %s is declared on %s", route, authorizer, apiId).isTrue();
            }
        });
        softly.assertAll();
    }

    /**
     * Mismatches between openapi.yaml and what the stack answers, reported to the API's owner. The
     * test below fails as soon as one is fixed: then delete its entry here.
     */
    private static final Set<String> KNOWN_UNDECLARED_RESPONSES = Set.of();

    @Test
    void everyOperationDeclaresTheErrorsItsAuthorizerAndBodyReaderProduce() {
        Set<String> undeclared = new TreeSet<>();
        boolean securedByDefault = !OPEN_API.path("security").isEmpty();
        openApiOperations().forEach((route, operation) -> {
            boolean secured = operation.has("security") ? !operation.get("security").isEmpty() : securedByDefault;
            Set<String> expected = new TreeSet<>();
            if (secured) {
                expected.addAll(Set.of("401", "403"));
            }
            if (operation.has("requestBody")) {
                expected.addAll(Set.of("400", "413", "415"));
            }
            expected.forEach(status -> {
                if (!operation.path("responses").has(status)) {
                    undeclared.add(route + " " + status);
                }
            });
        });
        assertThat(undeclared).as("responses the stack produces but openapi.yaml does not declare (a fixed one must"
                + " leave KNOWN_UNDECLARED_RESPONSES)").isEqualTo(new TreeSet<>(KNOWN_UNDECLARED_RESPONSES));
    }

    /** A client retrying a creation it got no answer to must not create twice (ADR 3). */
    @Test
    void everyPostThatCreatesDeclaresTheIdempotencyKeyAndItsReplayErrors() {
        Set<String> undeclared = new TreeSet<>();
        openApiOperations().forEach((route, operation) -> {
            if (!route.startsWith("POST ") || !operation.path("responses").has("201")) {
                return;
            }
            boolean declared = false;
            for (JsonNode parameter : operation.path("parameters")) {
                declared |= "#/components/parameters/IdempotencyKey".equals(parameter.path("$ref").asText());
            }
            if (!declared) {
                undeclared.add(route + " Idempotency-Key");
            }
            for (String status : Set.of("400", "422")) {
                if (!operation.path("responses").has(status)) {
                    undeclared.add(route + " " + status);
                }
            }
        });
        assertThat(undeclared).as("creating POSTs (201) without the IdempotencyKey parameter or the 400/422 it brings")
                .isEmpty();
    }

    @Test
    void lambdaAuthorizersInvokeAPublishedAliasSoSnapStartApplies() {
        var softly = new SoftAssertions();
        TEMPLATE.resourcesOfType("AWS::Serverless::Api").forEach((apiId, api) ->
                api.path("Properties").path("Auth").path("Authorizers").properties().forEach(authorizer -> {
                    JsonNode arn = authorizer.getValue().path("FunctionArn");
                    softly.assertThat(arn.path("Ref").asText()).as("%s.%s FunctionArn", apiId, authorizer.getKey())
                            .endsWith(".Alias");
                    String functionId = SamTemplate.referencedLogicalId(arn).orElse("");
                    softly.assertThat(TEMPLATE.functions()).as("authorizer function").containsKey(functionId);
                }));
        softly.assertAll();
    }

    @Test
    void everyRouteOfTheTemplateIsServedByItsFunctionsRouterAndTheRouterServesNoOther() {
        int functionsWithRoutes = 0;
        for (String functionId : TEMPLATE.functions().keySet()) {
            Set<String> events = TemplateFunctions.apiEvents(TEMPLATE, functionId);
            if (events.isEmpty()) {
                continue;
            }
            functionsWithRoutes++;
            Set<String> served = TemplateFunctions.routerRoutes(TemplateFunctions.instantiate(TEMPLATE, functionId));
            assertThat(new TreeSet<>(served)).as("routes of %s's ApiRouter vs its Api events", functionId)
                    .isEqualTo(new TreeSet<>(events));
        }
        assertThat(functionsWithRoutes).isPositive();
    }

    @Test
    void gatewayResponsesAreProblemDocumentsOfTheOpenApiProblemSchema() throws Exception {
        var validator = OpenApiResponseValidator.shared();
        var softly = new SoftAssertions();
        TEMPLATE.resourcesOfType("AWS::Serverless::Api").forEach((apiId, api) ->
                api.path("Properties").path("GatewayResponses").properties().forEach(gatewayResponse -> {
                    String name = apiId + " " + gatewayResponse.getKey();
                    JsonNode properties = gatewayResponse.getValue();
                    softly.assertThat(properties.path("ResponseParameters").path("Headers").path("Content-Type").asText())
                            .as("%s Content-Type", name).isEqualTo("'application/problem+json'");
                    properties.path("ResponseTemplates").properties().forEach(template -> {
                        // API Gateway substitutes $context variables as plain text; messageString is the
                        // already-quoted message (AWS docs: "the quoted value of $context.error.message").
                        String body = template.getValue().asText().replace("$context.requestId",
                                "c6af9ac6-7b61-11e6-9a41-93e8deadbeef").replace("$context.error.responseType",
                                "BAD_REQUEST_BODY").replace("$context.error.messageString", "\"Invalid request body\"")
                                .replace("$context.authorizer.denyReason", "PARTNER_SUSPENDED");
                        try {
                            var errors = validator.schema("/components/schemas/Problem")
                                    .validate(new ObjectMapper().readTree(body));
                            softly.assertThat(errors).as("%s template %s", name, template.getKey()).isEmpty();
                        } catch (Exception e) {
                            softly.fail(name + " template is not JSON: " + body, e);
                        }
                    });
                    if (properties.has("StatusCode")) {
                        String status = properties.get("StatusCode").asText();
                        softly.assertThat(status).as("%s StatusCode", name).matches("[45][0-9][0-9]");
                    }
                }));
        softly.assertAll();
    }

    private static Map<String, JsonNode> templateRoutes() {
        Map<String, JsonNode> routes = new TreeMap<>();
        TEMPLATE.functions().forEach((functionId, function) -> function.path("Properties").path("Events").properties()
                .forEach(event -> {
                    if ("Api".equals(event.getValue().path("Type").asText())) {
                        JsonNode properties = event.getValue().path("Properties");
                        String route = properties.path("Method").asText().toUpperCase(Locale.ROOT) + " "
                                + properties.path("Path").asText();
                        assertThat(routes.put(route, event.getValue())).as("%s declared twice", route).isNull();
                    }
                }));
        return routes;
    }

    private static Map<String, JsonNode> openApiOperations() {
        Map<String, JsonNode> operations = new TreeMap<>();
        OPEN_API.path("paths").properties().forEach(path -> path.getValue().properties().forEach(method -> {
            if (HTTP_METHODS.contains(method.getKey())) {
                operations.put(method.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey(), method.getValue());
            }
        }));
        return operations;
    }
}
