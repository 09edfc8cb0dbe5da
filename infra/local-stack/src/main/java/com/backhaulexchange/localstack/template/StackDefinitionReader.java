package com.backhaulexchange.localstack.template;

import com.backhaulexchange.localstack.template.AuthorizerDefinition.PayloadType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Turns a {@link TemplateModel} into a resolved {@link StackDefinition}. */
public final class StackDefinitionReader {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String AUTHORIZER_NONE = "NONE";

    private final TemplateModel template;
    private final IntrinsicResolver resolver;
    private final List<String> warnings = new ArrayList<>();

    private StackDefinitionReader(TemplateModel template, LocalEnvironment environment) {
        this.template = template;
        this.resolver = new IntrinsicResolver(template, environment);
    }

    public static StackDefinition read(TemplateModel template, LocalEnvironment environment) {
        return new StackDefinitionReader(template, environment).read();
    }

    private StackDefinition read() {
        List<TableDefinition> tables = template.resourcesOfType(TemplateModel.DYNAMODB_TABLE).stream()
                .map(this::table).toList();
        List<QueueDefinition> queues = template.resourcesOfType(TemplateModel.SQS_QUEUE).stream()
                .map(this::queue).toList();
        List<FunctionDefinition> functions = new ArrayList<>();
        List<RouteDefinition> routes = new ArrayList<>();
        List<SqsSubscription> subscriptions = new ArrayList<>();
        List<ScheduleDefinition> schedules = new ArrayList<>();
        boolean implicitApiUsed = false;
        for (TemplateResource function : template.resourcesOfType(TemplateModel.SERVERLESS_FUNCTION)) {
            functions.add(function(function));
            for (Map.Entry<String, JsonNode> event : function.properties().path("Events").properties()) {
                String eventType = event.getValue().path("Type").asText();
                JsonNode properties = event.getValue().path("Properties");
                String location = function.logicalId() + ".Properties.Events." + event.getKey() + ".Properties";
                switch (eventType) {
                    case "Api" -> {
                        RouteDefinition route = route(function.logicalId(), event.getKey(), properties, location);
                        implicitApiUsed |= route.apiLogicalId().equals(ApiDefinition.IMPLICIT_API_ID);
                        routes.add(route);
                    }
                    case "SQS" -> subscriptions.add(sqsSubscription(function.logicalId(), event.getKey(), properties, location));
                    case "Schedule", "ScheduleV2" -> schedules.add(
                            scheduleEvent(function.logicalId(), event.getKey(), eventType, properties, location));
                    default -> warnings.add("Event " + event.getKey() + " of " + function.logicalId() + " has type "
                            + eventType + ", which the local stack does not emulate");
                }
            }
        }
        schedules.addAll(scheduleResources());
        subscriptions.forEach(subscription -> requireVisibilityTimeoutCoversFunctionTimeout(subscription, queues, functions));
        List<ApiDefinition> apis = new ArrayList<>(template.resourcesOfType(TemplateModel.SERVERLESS_API).stream()
                .map(this::api).toList());
        if (implicitApiUsed) {
            apis.add(new ApiDefinition(ApiDefinition.IMPLICIT_API_ID, "Prod", Optional.empty(), Map.of(), Map.of()));
        }
        List<RouteDefinition> resolvedRoutes = routes.stream().map(route -> withAuthorizer(route, apis)).toList();
        return new StackDefinition(template.source(), tables, queues, functions, apis, resolvedRoutes, subscriptions,
                schedules, warnings);
    }

    private TableDefinition table(TemplateResource table) {
        JsonNode properties = resolver.resolve(table.properties(), table.logicalId() + ".Properties");
        return new TableDefinition(table.logicalId(), resolver.tableName(table.logicalId()), properties);
    }

    private QueueDefinition queue(TemplateResource queue) {
        String id = queue.logicalId();
        JsonNode properties = resolver.resolve(queue.properties(), id + ".Properties");
        Map<String, String> attributes = new LinkedHashMap<>();
        for (String attribute : List.of("VisibilityTimeout", "MessageRetentionPeriod", "DelaySeconds",
                "MaximumMessageSize", "ReceiveMessageWaitTimeSeconds", "FifoQueue", "ContentBasedDeduplication",
                "DeduplicationScope", "FifoThroughputLimit")) {
            if (properties.hasNonNull(attribute)) {
                attributes.put(attribute, properties.get(attribute).asText());
            }
        }
        Optional<String> deadLetterQueue = Optional.empty();
        Optional<Integer> maxReceiveCount = Optional.empty();
        JsonNode redrive = properties.path("RedrivePolicy");
        if (redrive.isTextual()) {
            redrive = parseJson(redrive.textValue(), id + ".Properties.RedrivePolicy");
        }
        if (redrive.isObject()) {
            String targetArn = redrive.path("deadLetterTargetArn").asText();
            deadLetterQueue = Optional.of(template.resourcesOfType(TemplateModel.SQS_QUEUE).stream()
                    .map(TemplateResource::logicalId)
                    .filter(candidate -> resolver.queueArn(candidate).equals(targetArn))
                    .findFirst()
                    .orElseThrow(() -> new TemplateException(id + ".Properties.RedrivePolicy.deadLetterTargetArn "
                            + targetArn + " is not a queue of this template")));
            maxReceiveCount = Optional.of(redrive.path("maxReceiveCount").asInt(10));
            attributes.put("RedrivePolicy", JSON.createObjectNode()
                    .put("deadLetterTargetArn", targetArn)
                    .put("maxReceiveCount", maxReceiveCount.get())
                    .toString());
        }
        return new QueueDefinition(id, resolver.queueName(id), resolver.queueUrl(id), resolver.queueArn(id), attributes,
                deadLetterQueue, maxReceiveCount);
    }

    private FunctionDefinition function(TemplateResource function) {
        String id = function.logicalId();
        JsonNode globals = template.globalFunction();
        JsonNode properties = function.properties();
        JsonNode handlerProperty = firstPresent(properties, globals, "Handler", null);
        if (handlerProperty == null) {
            throw new TemplateException(id + " has no Handler, neither in its Properties nor in Globals.Function");
        }
        String handler = resolver.resolveText(handlerProperty, id + ".Properties.Handler");
        int separator = handler.indexOf("::");
        String handlerClass = separator < 0 ? handler : handler.substring(0, separator);
        String handlerMethod = separator < 0 ? "handleRequest" : handler.substring(separator + 2);
        int timeout = Integer.parseInt(resolver.resolveText(
                firstPresent(properties, globals, "Timeout", JsonNodeFactory.instance.numberNode(3)), id + ".Properties.Timeout"));
        int memory = Integer.parseInt(resolver.resolveText(
                firstPresent(properties, globals, "MemorySize", JsonNodeFactory.instance.numberNode(128)),
                id + ".Properties.MemorySize"));
        JsonNode logLevel = properties.path("LoggingConfig").path("ApplicationLogLevel");
        if (logLevel.isMissingNode()) {
            logLevel = globals.path("LoggingConfig").path("ApplicationLogLevel");
        }
        Map<String, String> environment = new LinkedHashMap<>();
        environment.putAll(variables(globals, "Globals.Function"));
        environment.putAll(variables(properties, id + ".Properties"));
        return new FunctionDefinition(id, handlerClass, handlerMethod, timeout, memory,
                logLevel.isMissingNode() ? "INFO" : resolver.resolveText(logLevel, id + ".LoggingConfig.ApplicationLogLevel"),
                environment);
    }

    private Map<String, String> variables(JsonNode functionProperties, String location) {
        Map<String, String> variables = new LinkedHashMap<>();
        String variablesLocation = location + ".Environment.Variables";
        JsonNode resolved = resolver.resolve(functionProperties.path("Environment").path("Variables"), variablesLocation);
        resolved.properties().forEach(variable -> {
            if (!variable.getValue().isValueNode()) {
                throw new TemplateException(variablesLocation + "." + variable.getKey() + " must be a single value");
            }
            variables.put(variable.getKey(), variable.getValue().asText());
        });
        return variables;
    }

    private RouteDefinition route(String functionId, String eventName, JsonNode properties, String location) {
        JsonNode restApiId = properties.path("RestApiId");
        String apiId = restApiId.isMissingNode()
                ? ApiDefinition.IMPLICIT_API_ID
                : resolver.referencedLogicalId(restApiId, location + ".RestApiId");
        if (!restApiId.isMissingNode() && !template.resource(apiId).isOfType(TemplateModel.SERVERLESS_API)) {
            throw new TemplateException(location + ".RestApiId references " + apiId + ", which is not an "
                    + TemplateModel.SERVERLESS_API);
        }
        String path = resolver.resolveText(required(properties, "Path", location), location + ".Path");
        String method = resolver.resolveText(required(properties, "Method", location), location + ".Method")
                .toUpperCase(Locale.ROOT);
        JsonNode authorizer = properties.path("Auth").path("Authorizer");
        // Stored as written for now; withAuthorizer applies the API's default once all APIs are known.
        Optional<String> authorizerName = authorizer.isMissingNode()
                ? Optional.empty()
                : Optional.of(resolver.resolveText(authorizer, location + ".Auth.Authorizer"));
        return new RouteDefinition(functionId, eventName, apiId, method, path, authorizerName);
    }

    private RouteDefinition withAuthorizer(RouteDefinition route, List<ApiDefinition> apis) {
        ApiDefinition api = apis.stream().filter(a -> a.logicalId().equals(route.apiLogicalId())).findFirst()
                .orElseThrow();
        Optional<String> effective = route.authorizerName().isPresent()
                ? route.authorizerName().filter(name -> !name.equals(AUTHORIZER_NONE))
                : api.defaultAuthorizer();
        effective.ifPresent(name -> {
            if (api.authorizer(name).isEmpty()) {
                throw new TemplateException("Event " + route.eventName() + " of " + route.functionLogicalId()
                        + " uses authorizer " + name + ", which API " + api.logicalId()
                        + " does not define as a Lambda authorizer (only Lambda authorizers are emulated)");
            }
        });
        return new RouteDefinition(route.functionLogicalId(), route.eventName(), route.apiLogicalId(), route.method(),
                route.path(), effective);
    }

    private SqsSubscription sqsSubscription(String functionId, String eventName, JsonNode properties, String location) {
        String queueId = resolver.referencedLogicalId(required(properties, "Queue", location), location + ".Queue");
        if (!template.resource(queueId).isOfType(TemplateModel.SQS_QUEUE)) {
            throw new TemplateException(location + ".Queue references " + queueId + ", which is not an "
                    + TemplateModel.SQS_QUEUE);
        }
        JsonNode resolved = resolver.resolve(properties, location);
        boolean reportsItemFailures = resolved.path("FunctionResponseTypes").valueStream()
                .anyMatch(type -> type.asText().equals("ReportBatchItemFailures"));
        return new SqsSubscription(functionId, eventName, queueId,
                resolved.path("BatchSize").asInt(10),
                resolved.path("MaximumBatchingWindowInSeconds").asInt(0),
                reportsItemFailures,
                resolved.path("Enabled").asBoolean(true));
    }

    /** Lambda rejects such an event source mapping; failing here is what deploying would do. */
    private static void requireVisibilityTimeoutCoversFunctionTimeout(
            SqsSubscription subscription, List<QueueDefinition> queues, List<FunctionDefinition> functions) {
        QueueDefinition queue = queues.stream().filter(q -> q.logicalId().equals(subscription.queueLogicalId()))
                .findFirst().orElseThrow();
        FunctionDefinition function = functions.stream()
                .filter(f -> f.logicalId().equals(subscription.functionLogicalId())).findFirst().orElseThrow();
        int visibilityTimeout = Integer.parseInt(queue.attributes().getOrDefault("VisibilityTimeout", "30"));
        if (visibilityTimeout < function.timeoutSeconds()) {
            throw new TemplateException("SQS event " + subscription.eventName() + " of " + function.logicalId()
                    + ": the VisibilityTimeout of " + queue.logicalId() + " (" + visibilityTimeout
                    + " s) is less than the function's Timeout (" + function.timeoutSeconds()
                    + " s); Lambda does not accept this event source");
        }
    }

    private ScheduleDefinition scheduleEvent(
            String functionId, String eventName, String eventType, JsonNode properties, String location) {
        JsonNode resolved = resolver.resolve(properties, location);
        String expressionProperty = eventType.equals("Schedule") ? "Schedule" : "ScheduleExpression";
        String expression = required(resolved, expressionProperty, location).asText();
        boolean enabled = resolved.path("Enabled").asBoolean(true)
                && !resolved.path("State").asText("ENABLED").equalsIgnoreCase("DISABLED");
        return new ScheduleDefinition(functionId, eventName, eventType, expression,
                input(resolved.path("Input"), location + ".Input"), enabled);
    }

    private List<ScheduleDefinition> scheduleResources() {
        List<ScheduleDefinition> schedules = new ArrayList<>();
        for (TemplateResource rule : template.resourcesOfType(TemplateModel.EVENTS_RULE)) {
            JsonNode expression = rule.properties().path("ScheduleExpression");
            if (expression.isMissingNode()) {
                continue;
            }
            String location = rule.logicalId() + ".Properties";
            boolean enabled = !resolver.resolveText(rule.properties().path("State").isMissingNode()
                    ? JsonNodeFactory.instance.textNode("ENABLED") : rule.properties().path("State"), location + ".State")
                    .equalsIgnoreCase("DISABLED");
            JsonNode targets = rule.properties().path("Targets");
            for (int i = 0; i < targets.size(); i++) {
                JsonNode target = targets.get(i);
                String targetLocation = location + ".Targets[" + i + "]";
                functionTarget(target.path("Arn"), targetLocation + ".Arn").ifPresent(functionId ->
                        schedules.add(new ScheduleDefinition(functionId, rule.logicalId(), rule.type(),
                                resolver.resolveText(expression, location + ".ScheduleExpression"),
                                input(resolver.resolve(target.path("Input"), targetLocation + ".Input"),
                                        targetLocation + ".Input"),
                                enabled)));
            }
        }
        for (TemplateResource schedule : template.resourcesOfType(TemplateModel.SCHEDULER_SCHEDULE)) {
            String location = schedule.logicalId() + ".Properties";
            JsonNode target = schedule.properties().path("Target");
            functionTarget(target.path("Arn"), location + ".Target.Arn").ifPresent(functionId -> {
                JsonNode resolved = resolver.resolve(schedule.properties(), location);
                schedules.add(new ScheduleDefinition(functionId, schedule.logicalId(), schedule.type(),
                        required(resolved, "ScheduleExpression", location).asText(),
                        input(resolved.path("Target").path("Input"), location + ".Target.Input"),
                        !resolved.path("State").asText("ENABLED").equalsIgnoreCase("DISABLED")));
            });
        }
        return schedules;
    }

    /** The function a rule or schedule targets, if the target is a function of this template. */
    private Optional<String> functionTarget(JsonNode arn, String location) {
        if (arn.isMissingNode()) {
            return Optional.empty();
        }
        try {
            String id = resolver.referencedLogicalId(arn, location);
            return template.resource(id).isOfType(TemplateModel.SERVERLESS_FUNCTION) ? Optional.of(id) : Optional.empty();
        } catch (TemplateException notALocalFunction) {
            warnings.add(location + " does not target a function of this template; not scheduled locally");
            return Optional.empty();
        }
    }

    private ApiDefinition api(TemplateResource api) {
        String id = api.logicalId();
        String location = id + ".Properties";
        JsonNode properties = api.properties();
        String stage = resolver.resolveText(required(properties, "StageName", location), location + ".StageName");
        JsonNode auth = properties.path("Auth");
        Optional<String> defaultAuthorizer = auth.path("DefaultAuthorizer").isMissingNode()
                ? Optional.empty()
                : Optional.of(resolver.resolveText(auth.path("DefaultAuthorizer"), location + ".Auth.DefaultAuthorizer"));
        Map<String, AuthorizerDefinition> authorizers = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> authorizer : auth.path("Authorizers").properties()) {
            String authorizerLocation = location + ".Auth.Authorizers." + authorizer.getKey();
            if (authorizer.getValue().has("FunctionArn")) {
                authorizers.put(authorizer.getKey(), authorizer(authorizer.getKey(), authorizer.getValue(), authorizerLocation));
            } else {
                warnings.add(authorizerLocation + " is not a Lambda authorizer; routes using it cannot be emulated");
            }
        }
        Map<String, GatewayResponseDefinition> responses = new LinkedHashMap<>();
        JsonNode gatewayResponses = resolver.resolve(properties.path("GatewayResponses"), location + ".GatewayResponses");
        for (Map.Entry<String, JsonNode> response : gatewayResponses.properties()) {
            responses.put(response.getKey(), gatewayResponse(response.getKey(), response.getValue()));
        }
        return new ApiDefinition(id, stage, defaultAuthorizer, authorizers, responses);
    }

    private AuthorizerDefinition authorizer(String name, JsonNode declaration, String location) {
        String functionId = resolver.referencedLogicalId(declaration.get("FunctionArn"), location + ".FunctionArn");
        if (!template.resource(functionId).isOfType(TemplateModel.SERVERLESS_FUNCTION)) {
            throw new TemplateException(location + ".FunctionArn must reference an " + TemplateModel.SERVERLESS_FUNCTION);
        }
        JsonNode resolved = resolver.resolve(declaration, location);
        PayloadType payloadType = PayloadType.valueOf(
                resolved.path("FunctionPayloadType").asText("TOKEN").toUpperCase(Locale.ROOT));
        JsonNode identity = resolved.path("Identity");
        List<String> headers = switch (payloadType) {
            case TOKEN -> List.of(identity.path("Header").asText("Authorization"));
            case REQUEST -> identity.path("Headers").valueStream().map(JsonNode::asText).toList();
        };
        List<String> queryStrings = identity.path("QueryStrings").valueStream().map(JsonNode::asText).toList();
        if (payloadType == PayloadType.REQUEST && headers.isEmpty() && queryStrings.isEmpty()) {
            // Other identity sources (stage variables, context) cannot be missing, so no 401 short-circuit applies.
            warnings.add(location + " has no header or query string identity source; only those are checked locally");
        }
        int ttl = identity.path("ReauthorizeEvery").asInt(AuthorizerDefinition.DEFAULT_TTL_SECONDS);
        Optional<String> validation = identity.hasNonNull("ValidationExpression")
                ? Optional.of(identity.get("ValidationExpression").asText()) : Optional.empty();
        return new AuthorizerDefinition(name, functionId, payloadType, headers, queryStrings, ttl, validation);
    }

    private static GatewayResponseDefinition gatewayResponse(String type, JsonNode declaration) {
        Optional<Integer> status = declaration.hasNonNull("StatusCode")
                ? Optional.of(Integer.parseInt(declaration.get("StatusCode").asText()))
                : Optional.empty();
        Map<String, String> headers = new LinkedHashMap<>();
        declaration.path("ResponseParameters").path("Headers").properties()
                .forEach(header -> headers.put(header.getKey(), header.getValue().asText()));
        Map<String, String> templates = new LinkedHashMap<>();
        declaration.path("ResponseTemplates").properties()
                .forEach(template -> templates.put(template.getKey(), template.getValue().asText()));
        return new GatewayResponseDefinition(type, status, headers, templates);
    }

    private static Optional<JsonNode> input(JsonNode input, String location) {
        if (input.isMissingNode() || input.isNull()) {
            return Optional.empty();
        }
        return Optional.of(input.isTextual() ? parseJson(input.textValue(), location) : input);
    }

    private static JsonNode parseJson(String text, String location) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new TemplateException(location + " is not valid JSON: " + e.getMessage(), e);
        }
    }

    private static JsonNode required(JsonNode properties, String name, String location) {
        JsonNode value = properties.path(name);
        if (value.isMissingNode() || value.isNull()) {
            throw new TemplateException(location + "." + name + " is required");
        }
        return value;
    }

    private static JsonNode firstPresent(JsonNode properties, JsonNode globals, String name, JsonNode fallback) {
        if (properties.has(name)) {
            return properties.get(name);
        }
        return globals.has(name) ? globals.get(name) : fallback;
    }
}
