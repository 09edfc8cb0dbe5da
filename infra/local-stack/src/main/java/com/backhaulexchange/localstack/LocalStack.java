package com.backhaulexchange.localstack;

import com.amazonaws.services.lambda.runtime.events.APIGatewayCustomAuthorizerEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.backhaulexchange.localstack.api.AdminEndpoints;
import com.backhaulexchange.localstack.api.ApiGatewayRouter;
import com.backhaulexchange.localstack.api.AuthorizerEmulator;
import com.backhaulexchange.localstack.api.LocalHttpServer;
import com.backhaulexchange.localstack.api.StaticSite;
import com.backhaulexchange.localstack.api.RouteTable;
import com.backhaulexchange.localstack.api.SettlementClockControl;
import com.backhaulexchange.localstack.api.WebhookReceiver;
import com.backhaulexchange.localstack.aws.AwsClients;
import com.backhaulexchange.localstack.aws.DynamoDbLocalServer;
import com.backhaulexchange.localstack.aws.ElasticMqServer;
import com.backhaulexchange.localstack.aws.S3ProxyServer;
import com.backhaulexchange.localstack.aws.QueueProvisioner;
import com.backhaulexchange.localstack.aws.TableProvisioner;
import com.backhaulexchange.localstack.lambda.FunctionEnvironment;
import com.backhaulexchange.localstack.lambda.LocalFunction;
import com.backhaulexchange.localstack.schedule.RateScheduleRunner;
import com.backhaulexchange.localstack.schedule.ScheduleTrigger;
import com.backhaulexchange.localstack.sqs.SqsEventSourcePoller;
import com.backhaulexchange.localstack.support.ConsoleLog;
import com.backhaulexchange.localstack.support.Json;
import com.backhaulexchange.localstack.template.AuthorizerDefinition;
import com.backhaulexchange.localstack.template.FunctionDefinition;
import com.backhaulexchange.localstack.template.LocalEnvironment;
import com.backhaulexchange.localstack.template.RouteDefinition;
import com.backhaulexchange.localstack.template.SqsSubscription;
import com.backhaulexchange.localstack.template.StackDefinition;
import com.backhaulexchange.localstack.template.StackDefinitionReader;
import com.backhaulexchange.localstack.template.TemplateModel;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The stack described by a SAM template, running in this JVM: DynamoDB Local and ElasticMQ with the
 * template's tables and queues, every function's handler, the REST API with its Lambda authorizer and gateway
 * responses, the SQS event source mappings and the schedules (fired by hand through
 * {@code POST /_local/schedules/{Function}/{Event}}).
 *
 * <pre>{@code
 * try (LocalStack stack = LocalStack.builder().templatePath(Path.of("../../template.yaml"))
 *         .parameter("OperatorKeySha256", sha256).start()) {
 *     HttpRequest.newBuilder(stack.httpBaseUrl().resolve("/partners")) ...
 * }
 * }</pre>
 */
public final class LocalStack implements AutoCloseable {

    private final LocalStackOptions options;
    private final StackDefinition definition;
    private final DynamoDbLocalServer dynamoDbServer;
    private final ElasticMqServer elasticMq;
    private final Map<String, LocalFunction> functions;
    private final RouteTable routes;
    private final List<TableProvisioner.Outcome> tables;
    private final LocalHttpServer httpServer;
    private final Optional<RateScheduleRunner> scheduleRunner;
    private final Deque<AutoCloseable> closeInReverse;
    private boolean closed;

    private LocalStack(Startup parts) {
        this.options = parts.options;
        this.definition = parts.definition;
        this.dynamoDbServer = parts.dynamoDbServer;
        this.elasticMq = parts.elasticMq;
        this.functions = parts.functions;
        this.routes = parts.routes;
        this.tables = parts.tables;
        this.httpServer = parts.httpServer;
        this.scheduleRunner = parts.scheduleRunner;
        this.closeInReverse = parts.started;
    }

    public static LocalStackOptions.Builder builder() {
        return LocalStackOptions.builder();
    }

    /** Starts everything; if any part fails, what was started is stopped again and the failure is thrown. */
    public static LocalStack start(LocalStackOptions options) {
        TemplateModel template = TemplateModel.load(options.templatePath());
        Startup parts = new Startup(options);
        try {
            parts.startServers();
            parts.startS3(template);
            parts.definition = StackDefinitionReader.read(template,
                    LocalEnvironment.running(parts.elasticMq.endpoint(), options.parameterOverrides()));
            parts.provisionResources();
            parts.initializeFunctions();
            parts.startHttpServer();
            parts.startPollers();
            if (options.runSchedules()) {
                parts.scheduleRunner = Optional.of(parts.started(RateScheduleRunner.start(parts.schedules)));
            }
            return new LocalStack(parts);
        } catch (RuntimeException e) {
            closeAll(parts.started, e);
            throw e;
        }
    }

    /** Where the partner console is served when the stack has a console directory (ADR 28). */
    public static final String CONSOLE_PREFIX = "/console/";

    /** The partner console's URL, when the stack serves one. */
    public Optional<URI> consoleUrl() {
        return options.consoleDirectoryIfAny().map(directory -> httpServer.baseUrl().resolve(CONSOLE_PREFIX));
    }

    /** The local API, e.g. {@code http://localhost:3000}; routes have no stage prefix. */
    public URI httpBaseUrl() {
        return httpServer.baseUrl();
    }

    public URI dynamoDbEndpoint() {
        return dynamoDbServer.endpoint();
    }

    public URI sqsEndpoint() {
        return elasticMq.endpoint();
    }

    /** The local URL of the queue with this logical id. */
    public String queueUrl(String logicalId) {
        return definition.queue(logicalId).queueUrl();
    }

    /** The local name of the table with this logical id. */
    public String tableName(String logicalId) {
        return definition.table(logicalId).tableName();
    }

    /** The template as this stack resolved it. */
    public StackDefinition definition() {
        return definition;
    }

    /** A running function, for invoking it directly. */
    public LocalFunction function(String logicalId) {
        LocalFunction function = functions.get(logicalId);
        if (function == null) {
            throw new NoSuchElementException("The template has no function " + logicalId);
        }
        return function;
    }

    public LocalStackOptions options() {
        return options;
    }

    /** What happened to each table at start: created, or kept from the data directory. */
    public List<TableProvisioner.Outcome> tables() {
        return tables;
    }

    /** The routes, sorted by path. */
    public List<RouteDefinition> routeDefinitions() {
        return routes.routes();
    }

    Optional<RateScheduleRunner> scheduleRunner() {
        return scheduleRunner;
    }

    /**
     * Stops the schedule timer, the SQS pollers, the HTTP server, the functions, ElasticMQ and DynamoDB Local, in
     * that order; calling it again does nothing.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        closeAll(closeInReverse, null);
    }

    private static void closeAll(Deque<AutoCloseable> started, RuntimeException primaryFailure) {
        while (!started.isEmpty()) {
            AutoCloseable resource = started.pop();
            try {
                resource.close();
            } catch (Exception e) {
                if (primaryFailure != null) {
                    primaryFailure.addSuppressed(e);
                } else {
                    ConsoleLog.error("Stopping " + resource.getClass().getSimpleName() + " failed", e);
                }
            }
        }
    }

    /** The parts being started, so that a failure half-way can stop what already runs. */
    private static final class Startup {

        private final LocalStackOptions options;
        private final Deque<AutoCloseable> started = new ArrayDeque<>();
        private final Clock clock = Clock.systemUTC();
        private StackDefinition definition;
        private DynamoDbLocalServer dynamoDbServer;
        private ElasticMqServer elasticMq;
        private S3ProxyServer s3;
        private int httpPort;
        private DynamoDbClient dynamoDb;
        private SqsClient sqs;
        private List<TableProvisioner.Outcome> tables = List.of();
        private final Map<String, LocalFunction> functions = new LinkedHashMap<>();
        private RouteTable routes;
        private ScheduleTrigger schedules;
        private LocalHttpServer httpServer;
        private final List<SqsEventSourcePoller> pollers = new ArrayList<>();
        private SettlementClockControl settlementClock;
        private Optional<RateScheduleRunner> scheduleRunner = Optional.empty();

        private Startup(LocalStackOptions options) {
            this.options = options;
        }

        private <T extends AutoCloseable> T started(T resource) {
            started.push(resource);
            return resource;
        }

        /**
         * DynamoDB Local and ElasticMQ each take a second or two to start, so they start side by side, on
         * threads of their own (the common pool has a single thread on a two-core machine).
         */
        private void startServers() {
            try (ExecutorService startup = Executors.newFixedThreadPool(2)) {
                Future<DynamoDbLocalServer> dynamoDbStart =
                        startup.submit(() -> DynamoDbLocalServer.start(options.dataDirectoryIfAny()));
                Future<ElasticMqServer> elasticMqStart = startup.submit(ElasticMqServer::start);
                RuntimeException failure = null;
                try {
                    dynamoDbServer = started(dynamoDbStart.get());
                } catch (ExecutionException e) {
                    failure = unwrap(e);
                }
                try {
                    elasticMq = started(elasticMqStart.get());
                } catch (ExecutionException e) {
                    failure = merge(failure, unwrap(e));
                }
                if (failure != null) {
                    throw failure;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while starting DynamoDB Local and ElasticMQ", e);
            }
            dynamoDb = started(AwsClients.dynamoDb(dynamoDbServer.endpoint()));
            sqs = started(AwsClients.sqs(elasticMq.endpoint()));
        }

        /**
         * S3Proxy with the template's buckets (ADR 33), each named as the resolver names it. The console uploads and
         * downloads documents from its own origin, the stack's (ADR 43): S3Proxy allows that origin by CORS, so the
         * port is settled before the HTTP server starts.
         */
        private void startS3(TemplateModel template) {
            httpPort = options.httpPort() != 0 ? options.httpPort() : freePort();
            s3 = started(S3ProxyServer.start(
                    List.of("http://localhost:" + httpPort, "http://127.0.0.1:" + httpPort)));
            template.resourcesOfType(TemplateModel.S3_BUCKET).forEach(bucket ->
                    s3.createBucket(bucket.logicalId().toLowerCase(java.util.Locale.ROOT)));
        }

        /** Queues are created while the tables are, each takes a few hundred milliseconds. */
        private void provisionResources() {
            try (ExecutorService provisioning = Executors.newSingleThreadExecutor()) {
                Future<?> queues = provisioning.submit(() -> new QueueProvisioner(sqs).provision(definition.queues()));
                tables = new TableProvisioner(dynamoDb).provision(definition.tables());
                tables.forEach(outcome -> outcome.warnings().forEach(ConsoleLog::warn));
                queues.get();
            } catch (ExecutionException e) {
                throw unwrap(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while creating tables and queues", e);
            }
        }

        private void initializeFunctions() {
            settlementClock = settlementClockControl();
            Map<String, String> extraEnvironment = new LinkedHashMap<>(options.extraEnvironment());
            extraEnvironment.put(SettlementClockControl.variable(), settlementClock.file().toString());
            for (FunctionDefinition function : definition.functions()) {
                Map<String, String> environment = FunctionEnvironment.of(function, dynamoDbServer.endpoint(),
                        elasticMq.endpoint(), s3.endpoint(), extraEnvironment);
                functions.put(function.logicalId(), started(LocalFunction.initialize(function, environment)));
            }
            for (RouteDefinition route : definition.routes()) {
                requireEventType(route.functionLogicalId(), APIGatewayProxyRequestEvent.class,
                        "its Api event " + route.eventName());
            }
            definition.apis().forEach(api -> api.authorizers().values().forEach((AuthorizerDefinition authorizer) ->
                    requireEventType(authorizer.functionLogicalId(), APIGatewayCustomAuthorizerEvent.class,
                            "it is authorizer " + authorizer.name() + " of " + api.logicalId())));
            for (SqsSubscription subscription : definition.sqsSubscriptions()) {
                requireEventType(subscription.functionLogicalId(), SQSEvent.class,
                        "its SQS event " + subscription.eventName());
            }
            routes = new RouteTable(definition.routes());
            schedules = new ScheduleTrigger(definition.schedules(), this::function, clock);
        }

        /**
         * The settlement clock's control file, in a directory of this run (removed at close): each start begins at
         * the offset of {@code BHX_SETTLEMENT_CLOCK_OFFSET_SECONDS}, or none.
         */
        private SettlementClockControl settlementClockControl() {
            try {
                Path directory = Files.createTempDirectory("bhx-local-settlement-clock");
                Path file = directory.resolve("offset-seconds");
                AutoCloseable removeAtClose = () -> {
                    Files.deleteIfExists(file);
                    Files.deleteIfExists(directory);
                };
                started(removeAtClose);
                long startupOffset = Long.parseLong(options.extraEnvironment()
                        .getOrDefault("BHX_SETTLEMENT_CLOCK_OFFSET_SECONDS", "0").strip());
                return new SettlementClockControl(file, startupOffset,
                        options.parameterOverrides().get("OperatorKeySha256"), clock);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot create the settlement clock's control file", e);
            }
        }

        private void requireEventType(String functionId, Class<?> eventType, String reason) {
            LocalFunction function = function(functionId);
            if (!function.accepts(eventType)) {
                throw new IllegalStateException(functionId + " must take " + eventType.getSimpleName() + " because "
                        + reason + " delivers one, but its handler takes " + function.inputClass().getName());
            }
        }

        private LocalFunction function(String logicalId) {
            LocalFunction function = functions.get(logicalId);
            if (function == null) {
                throw new NoSuchElementException("The template has no function " + logicalId);
            }
            return function;
        }

        private void startHttpServer() {
            ApiGatewayRouter router = new ApiGatewayRouter(definition.apis(), routes, this::function,
                    new AuthorizerEmulator(this::function, clock), clock);
            AdminEndpoints admin = new AdminEndpoints(schedules, this::endpoints, new WebhookReceiver(clock),
                    settlementClock);
            httpServer = started(LocalHttpServer.start(httpPort, router, admin,
                    options.consoleDirectoryIfAny().map(directory -> new StaticSite(CONSOLE_PREFIX, directory))));
        }

        private static int freePort() {
            try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
                return socket.getLocalPort();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException("No free port for the local API", e);
            }
        }

        private ObjectNode endpoints() {
            ObjectNode endpoints = Json.MAPPER.createObjectNode();
            endpoints.put("httpBaseUrl", httpServer.baseUrl().toString());
            endpoints.put("dynamoDbEndpoint", dynamoDbServer.endpoint().toString());
            endpoints.put("sqsEndpoint", elasticMq.endpoint().toString());
            endpoints.put("s3Endpoint", s3.endpoint().toString());
            endpoints.put("dataDirectory", options.dataDirectoryIfAny().map(Object::toString).orElse(null));
            var tableNames = endpoints.putArray("tables");
            definition.tables().forEach(table -> tableNames.add(table.tableName()));
            ObjectNode queues = endpoints.putObject("queues");
            definition.queues().forEach(queue -> queues.put(queue.logicalId(), queue.queueUrl()));
            var functionNames = endpoints.putArray("functions");
            functions.keySet().forEach(functionNames::add);
            return endpoints;
        }

        private void startPollers() {
            for (SqsSubscription subscription : definition.sqsSubscriptions()) {
                if (subscription.enabled()) {
                    pollers.add(started(SqsEventSourcePoller.start(subscription,
                            definition.queue(subscription.queueLogicalId()), function(subscription.functionLogicalId()),
                            sqs, clock)));
                }
            }
        }

        private static RuntimeException unwrap(ExecutionException e) {
            return e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        }

        private static RuntimeException merge(RuntimeException first, RuntimeException second) {
            if (first == null) {
                return second;
            }
            first.addSuppressed(second);
            return first;
        }
    }
}
