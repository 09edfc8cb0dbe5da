package com.backhaulexchange.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/** template.yaml against the code and against the project's deployment rules. */
class TemplateConsistencyTest {
    private static final SamTemplate TEMPLATE = SamTemplate.load(ProjectFiles.template());
    private static final Pattern CODE_URI = Pattern.compile("functions/([a-z0-9-]+)/target/\\1\\.jar");

    @Test
    void templateDeclaresFunctionsAndTables() {
        assertThat(TEMPLATE.functions()).isNotEmpty();
        assertThat(TEMPLATE.resourcesOfType("AWS::DynamoDB::Table")).isNotEmpty();
    }

    @Test
    void everyFunctionIsBuiltFromItsOwnModuleAndItsHandlerSourceLivesThere() {
        var softly = new SoftAssertions();
        TEMPLATE.functions().keySet().forEach(functionId -> {
            String codeUri = TEMPLATE.effectiveFunctionProperty(functionId, "CodeUri").asText();
            var matcher = CODE_URI.matcher(codeUri);
            softly.assertThat(matcher.matches()).as("%s CodeUri %s is functions/<module>/target/<module>.jar",
                    functionId, codeUri).isTrue();
            if (!matcher.matches()) {
                return;
            }
            Path module = ProjectFiles.root().resolve("functions").resolve(matcher.group(1));
            softly.assertThat(module.resolve("pom.xml")).as("module of %s", functionId).exists();
            String pom = read(module.resolve("pom.xml"));
            softly.assertThat(pom).as("%s builds %s", module, codeUri)
                    .contains("<artifactId>" + matcher.group(1) + "</artifactId>")
                    .contains("<finalName>${project.artifactId}</finalName>");
            String handlerClass = TemplateFunctions.handlerClassName(TEMPLATE, functionId);
            softly.assertThat(module.resolve("src/main/java/" + handlerClass.replace('.', '/') + ".java"))
                    .as("source of %s's handler in its module", functionId).exists();
        });
        softly.assertAll();
    }

    @Test
    void everyHandlerIsAStreamHandlerWithATypedEntryAPublicNoArgAndAPublicMapConstructor() throws Exception {
        for (String functionId : TEMPLATE.functions().keySet()) {
            Class<?> handler = TemplateFunctions.handlerClass(TEMPLATE, functionId);
            assertThat(Modifier.isPublic(handler.getModifiers()) && !Modifier.isAbstract(handler.getModifiers()))
                    .as("%s is a public concrete class", handler.getName()).isTrue();
            // ADR 36: the function reads its event itself; implementing both interfaces would leave the runtime
            // to choose between two handleRequest methods.
            assertThat(RequestStreamHandler.class).as("%s implements RequestStreamHandler", handler.getName())
                    .isAssignableFrom(handler);
            assertThat(RequestHandler.class.isAssignableFrom(handler))
                    .as("%s does not also implement RequestHandler", handler.getName()).isFalse();
            assertThat(TEMPLATE.effectiveFunctionProperty(functionId, "Handler").asText())
                    .as("%s's Handler names the class alone, so that the runtime takes the stream interface",
                            functionId).doesNotContain("::");
            assertThat(Modifier.isPublic(handler.getConstructor().getModifiers()))
                    .as("the Lambda runtime's no-arg constructor of %s", handler.getName()).isTrue();
            assertThat(Modifier.isPublic(handler.getConstructor(Map.class).getModifiers()))
                    .as("the Map<String,String> (environment) constructor of %s", handler.getName()).isTrue();
            String methodName = TemplateFunctions.handlerMethodName(TEMPLATE, functionId);
            assertThat(Arrays.stream(handler.getMethods()).filter(method -> method.getName().equals(methodName))
                    .filter(method -> !method.isBridge() && method.getParameterCount() == 2)
                    .map(Method::getParameterTypes)
                    .anyMatch(types -> types[1] == Context.class && types[0] != java.io.InputStream.class))
                    .as("%s has the public typed %s(event, Context) its stream entry hands events to",
                            handler.getName(), methodName)
                    .isTrue();
        }
    }

    @Test
    void everyHandlerStartsWithExactlyTheEnvironmentTheTemplateGivesIt() {
        for (String functionId : TEMPLATE.functions().keySet()) {
            assertThat(TemplateFunctions.instantiate(TEMPLATE, functionId)).as(functionId).isNotNull();
        }
    }

    @Test
    void everyFunctionPublishesAnAliasWithSnapStart() {
        var softly = new SoftAssertions();
        TEMPLATE.functions().keySet().forEach(functionId -> {
            softly.assertThat(TEMPLATE.effectiveFunctionProperty(functionId, "AutoPublishAlias").asText())
                    .as("%s AutoPublishAlias (function or Globals)", functionId).isNotBlank();
            softly.assertThat(TEMPLATE.effectiveFunctionProperty(functionId, "SnapStart").path("ApplyOn").asText())
                    .as("%s SnapStart.ApplyOn (function or Globals)", functionId).isEqualTo("PublishedVersions");
        });
        softly.assertAll();
    }

    @Test
    void everyFunctionWithSnapStartPrimesBeforeTheCheckpoint() {
        var softly = new SoftAssertions();
        TEMPLATE.functions().keySet().stream()
                .filter(functionId -> "PublishedVersions".equals(TEMPLATE.effectiveFunctionProperty(functionId,
                        "SnapStart").path("ApplyOn").asText()))
                .forEach(functionId -> {
                    var priming = TemplateFunctions.priming(TemplateFunctions.instantiate(TEMPLATE, functionId));
                    softly.assertThat(priming).as("%s's priming", functionId).isNotNull();
                    if (priming != null) {
                        softly.assertThat(priming.steps()).as("%s's priming steps", functionId).isPositive();
                    }
                });
        softly.assertAll();
    }

    @Test
    void everyFunctionLogsJsonToALogGroupWithARetention() {
        var softly = new SoftAssertions();
        TEMPLATE.functions().keySet().forEach(functionId -> {
            JsonNode logging = TEMPLATE.effectiveFunctionProperty(functionId, "LoggingConfig");
            softly.assertThat(logging.path("LogFormat").asText()).as("%s LoggingConfig.LogFormat", functionId)
                    .isEqualTo("JSON");
            JsonNode logGroup = logGroupOf(functionId);
            softly.assertThat(logGroup.isMissingNode())
                    .as("%s has a log group (LoggingConfig.LogGroup: !Ref <AWS::Logs::LogGroup>, or a log group"
                            + " named /aws/lambda/${%s})", functionId, functionId).isFalse();
            softly.assertThat(logGroup.path("Properties").has("RetentionInDays"))
                    .as("%s's log group sets RetentionInDays", functionId).isTrue();
        });
        softly.assertAll();
    }

    @Test
    void everySqsEventSourceReportsBatchItemFailuresAndItsQueueRedrivesToADeadLetterQueue() {
        List<String> checked = new ArrayList<>();
        var softly = new SoftAssertions();
        TEMPLATE.functions().forEach((functionId, function) -> function.path("Properties").path("Events").properties()
                .forEach(event -> {
                    if (!"SQS".equals(event.getValue().path("Type").asText())) {
                        return;
                    }
                    String name = functionId + "." + event.getKey();
                    checked.add(name);
                    JsonNode properties = event.getValue().path("Properties");
                    checkSqsSource(softly, name, properties.path("FunctionResponseTypes"), properties.path("Queue"));
                    checkVisibilityTimeoutCoversRetries(softly, functionId, name, properties.path("Queue"));
                }));
        TEMPLATE.resourcesOfType("AWS::Lambda::EventSourceMapping").forEach((id, mapping) -> {
            JsonNode properties = mapping.path("Properties");
            JsonNode source = properties.path("EventSourceArn");
            String sourceId = SamTemplate.referencedLogicalId(source).orElse("");
            if ("AWS::SQS::Queue".equals(TEMPLATE.resource(sourceId).path("Type").asText())) {
                checked.add(id);
                checkSqsSource(softly, id, properties.path("FunctionResponseTypes"), source);
            }
        });
        softly.assertAll();
        assertThat(checked).as("SQS event sources").contains("MatchEngineFunction.MatchRequests");
    }

    @Test
    void everyTableIsEncryptedRecoverableProtectedAndExpiresOnTheAttributeTheCodeWrites() {
        var softly = new SoftAssertions();
        var tables = TEMPLATE.resourcesOfType("AWS::DynamoDB::Table");
        softly.assertThat(tables).containsKeys("PartnersTable", "LanesTable");
        tables.forEach((tableId, table) -> {
            JsonNode properties = table.path("Properties");
            softly.assertThat(properties.path("SSESpecification").path("SSEEnabled").asBoolean())
                    .as("%s SSESpecification.SSEEnabled", tableId).isTrue();
            softly.assertThat(properties.path("PointInTimeRecoverySpecification").path("PointInTimeRecoveryEnabled")
                    .asBoolean()).as("%s point-in-time recovery", tableId).isTrue();
            softly.assertThat(properties.path("DeletionProtectionEnabled").asBoolean())
                    .as("%s deletion protection", tableId).isTrue();
            JsonNode ttl = properties.path("TimeToLiveSpecification");
            // PartnerItems.TTL and LaneItems.TTL: the attribute the repositories write.
            softly.assertThat(ttl.path("AttributeName").asText()).as("%s TTL attribute", tableId)
                    .isEqualTo("expiresAtEpochSeconds");
            softly.assertThat(ttl.path("Enabled").asBoolean()).as("%s TTL enabled", tableId).isTrue();
        });
        softly.assertAll();
    }

    @Test
    void theConsoleBucketIsPrivateAndOnlyItsCloudFrontDistributionReadsItOverTls() {
        var softly = new SoftAssertions();
        var buckets = TEMPLATE.resourcesOfType("AWS::S3::Bucket");
        softly.assertThat(buckets).containsKey("ConsoleBucket");
        buckets.forEach((bucketId, bucket) -> {
            JsonNode properties = bucket.path("Properties");
            JsonNode block = properties.path("PublicAccessBlockConfiguration");
            for (String setting : List.of("BlockPublicAcls", "BlockPublicPolicy", "IgnorePublicAcls", "RestrictPublicBuckets")) {
                softly.assertThat(block.path(setting).asBoolean()).as("%s %s", bucketId, setting).isTrue();
            }
            softly.assertThat(properties.has("WebsiteConfiguration")).as("%s has a (public) website endpoint", bucketId)
                    .isFalse();
            softly.assertThat(properties.path("OwnershipControls").path("Rules").path(0).path("ObjectOwnership").asText())
                    .as("%s ACLs disabled", bucketId).isEqualTo("BucketOwnerEnforced");
        });

        JsonNode policy = TEMPLATE.resource("ConsoleBucketPolicy").path("Properties");
        softly.assertThat(SamTemplate.referencedLogicalId(policy.path("Bucket"))).as("policy's bucket").contains("ConsoleBucket");
        List<JsonNode> statements = SamTemplate.asList(policy.path("PolicyDocument").path("Statement"));
        statements.stream().filter(statement -> statement.path("Effect").asText().equals("Allow")).forEach(allow -> {
            softly.assertThat(allow.path("Principal").path("Service").asText()).as("who the bucket policy allows")
                    .isEqualTo("cloudfront.amazonaws.com");
            softly.assertThat(SamTemplate.asList(allow.path("Action"))).extracting(JsonNode::asText).as("what it allows")
                    .containsExactly("s3:GetObject");
            softly.assertThat(allow.path("Condition").path("StringEquals").path("AWS:SourceArn").toString())
                    .as("allowed for the console's distribution only").contains("distribution/${ConsoleDistribution}");
        });
        softly.assertThat(statements).as("a statement denying requests without TLS").anySatisfy(deny -> {
            assertThat(deny.path("Effect").asText()).isEqualTo("Deny");
            assertThat(deny.path("Condition").path("Bool").path("aws:SecureTransport").asText()).isEqualTo("false");
        });

        JsonNode distribution = TEMPLATE.resource("ConsoleDistribution").path("Properties").path("DistributionConfig");
        JsonNode bucketOrigin = SamTemplate.asList(distribution.path("Origins")).stream()
                .filter(origin -> origin.path("Id").asText().equals("ConsoleBucket")).findFirst().orElseThrow();
        softly.assertThat(SamTemplate.referencedLogicalId(bucketOrigin.path("OriginAccessControlId")))
                .as("the bucket is read through the origin access control").contains("ConsoleOriginAccessControl");
        softly.assertThat(bucketOrigin.path("S3OriginConfig").path("OriginAccessIdentity").asText())
                .as("no legacy origin access identity").isEmpty();
        softly.assertThat(TEMPLATE.resource("ConsoleOriginAccessControl").path("Properties")
                .path("OriginAccessControlConfig").path("SigningBehavior").asText()).isEqualTo("always");
        JsonNode consoleBehaviour = SamTemplate.asList(distribution.path("CacheBehaviors")).stream()
                .filter(behaviour -> behaviour.path("TargetOriginId").asText().equals("ConsoleBucket")).findFirst().orElseThrow();
        softly.assertThat(consoleBehaviour.path("PathPattern").asText()).isEqualTo("/console/*");
        softly.assertThat(SamTemplate.asList(consoleBehaviour.path("AllowedMethods"))).extracting(JsonNode::asText)
                .as("the console is read only").containsExactly("GET", "HEAD");
        for (JsonNode behaviour : List.of(consoleBehaviour, distribution.path("DefaultCacheBehavior"))) {
            softly.assertThat(behaviour.path("ViewerProtocolPolicy").asText()).as("viewers of %s use TLS",
                    behaviour.path("TargetOriginId").asText()).isIn("https-only", "redirect-to-https");
        }
        softly.assertThat(distribution.path("DefaultCacheBehavior").path("TargetOriginId").asText())
                .as("the API beside the console, on its origin").isEqualTo("ExchangeApi");
        softly.assertThat(TEMPLATE.root().path("Outputs").path("ConsoleUrl").path("Value").toString())
                .contains("ConsoleDistribution.DomainName").contains("/console/");
        softly.assertAll();
    }

    /** ADR 33: documents are private, encrypted, TLS only, and outlive no booking. */
    @Test
    void theDocumentsBucketIsEncryptedTlsOnlyAndExpiresWithTheBookings() {
        var softly = new SoftAssertions();
        JsonNode properties = TEMPLATE.resource("DocumentsBucket").path("Properties");
        softly.assertThat(properties.path("BucketEncryption").path("ServerSideEncryptionConfiguration").path(0)
                .path("ServerSideEncryptionByDefault").path("SSEAlgorithm").asText()).isIn("AES256", "aws:kms");
        List<JsonNode> rules = SamTemplate.asList(properties.path("LifecycleConfiguration").path("Rules"));
        softly.assertThat(rules).extracting(rule -> rule.path("ExpirationInDays").asInt()).as("expiry in days")
                .contains(400);
        softly.assertThat(rules).as("incomplete uploads aborted").anySatisfy(rule -> assertThat(
                rule.path("AbortIncompleteMultipartUpload").path("DaysAfterInitiation").asInt()).isPositive());
        JsonNode policy = TEMPLATE.resource("DocumentsBucketPolicy").path("Properties");
        softly.assertThat(SamTemplate.referencedLogicalId(policy.path("Bucket"))).contains("DocumentsBucket");
        List<JsonNode> statements = SamTemplate.asList(policy.path("PolicyDocument").path("Statement"));
        softly.assertThat(statements).as("only denials: nobody is let in by the bucket's policy")
                .allSatisfy(statement -> assertThat(statement.path("Effect").asText()).isEqualTo("Deny"));
        softly.assertThat(statements).anySatisfy(deny -> assertThat(deny.path("Condition").path("Bool")
                .path("aws:SecureTransport").asText()).isEqualTo("false"));
        softly.assertAll();
    }

    /**
     * ADR 43: the console's browsers PUT and GET documents through presigned URLs cross-origin, so the documents
     * bucket has CORS: for the ConsoleOrigin parameter alone (never "*"), only PUT and GET, only the content-type
     * header, and none while the parameter is empty.
     */
    @Test
    void theDocumentsBucketAllowsTheConsoleOriginAloneToPutAndGet() {
        var softly = new SoftAssertions();
        JsonNode parameter = TEMPLATE.root().path("Parameters").path("ConsoleOrigin");
        softly.assertThat(parameter.path("Default").asText("missing")).as("no origin until the operator gives it").isEmpty();
        softly.assertThat(Pattern.matches(parameter.path("AllowedPattern").asText(), "*")).as("'*' is no origin").isFalse();
        softly.assertThat(Pattern.matches(parameter.path("AllowedPattern").asText(), "http://d1234.cloudfront.net"))
                .as("https only").isFalse();
        softly.assertThat(Pattern.matches(parameter.path("AllowedPattern").asText(), "https://d1234abcd.cloudfront.net"))
                .isTrue();
        JsonNode cors = TEMPLATE.resource("DocumentsBucket").path("Properties").path("CorsConfiguration").path("Fn::If");
        softly.assertThat(cors.path(0).asText()).isEqualTo("HasConsoleOrigin");
        softly.assertThat(TEMPLATE.root().path("Conditions").path("HasConsoleOrigin").toString())
                .contains("ConsoleOrigin").contains("Fn::Not").contains("Fn::Equals");
        List<JsonNode> rules = SamTemplate.asList(cors.path(1).path("CorsRules"));
        softly.assertThat(rules).hasSize(1);
        for (JsonNode rule : rules) {
            softly.assertThat(SamTemplate.asList(rule.path("AllowedOrigins"))).as("origins")
                    .allSatisfy(origin -> assertThat(SamTemplate.referencedLogicalId(origin)).contains("ConsoleOrigin"))
                    .hasSize(1);
            softly.assertThat(SamTemplate.asList(rule.path("AllowedMethods"))).extracting(JsonNode::asText)
                    .containsExactlyInAnyOrder("PUT", "GET");
            softly.assertThat(SamTemplate.asList(rule.path("AllowedHeaders"))).extracting(JsonNode::asText)
                    .containsExactly("content-type");
        }
        softly.assertThat(cors.path(2).path("Ref").asText()).as("no CORS without an origin").isEqualTo("AWS::NoValue");
        softly.assertAll();
    }

    /** ADR 33: the tracking page is the console bucket's track/index.html, beside the API on one origin. */
    @Test
    void theTrackingPageIsServedFromTheConsoleBucketBesideTheApi() {
        JsonNode distribution = TEMPLATE.resource("ConsoleDistribution").path("Properties").path("DistributionConfig");
        JsonNode behaviour = SamTemplate.asList(distribution.path("CacheBehaviors")).stream()
                .filter(candidate -> candidate.path("PathPattern").asText().equals("/track/*")).findFirst()
                .orElseThrow();
        assertThat(behaviour.path("TargetOriginId").asText()).isEqualTo("ConsoleBucket");
        assertThat(SamTemplate.asList(behaviour.path("AllowedMethods"))).extracting(JsonNode::asText)
                .containsExactly("GET", "HEAD");
        assertThat(TEMPLATE.resource("ConsoleBucketPolicy").toString()).contains("${ConsoleBucket.Arn}/track/*");
    }

    @Test
    void noPolicyGrantsDynamoDbScan() {
        List<String> grants = new ArrayList<>();
        TEMPLATE.functions().forEach((functionId, function) ->
                SamTemplate.asList(function.path("Properties").path("Policies"))
                        .forEach(policy -> collectScanGrants(functionId, policy, grants)));
        TEMPLATE.root().path("Resources").properties().forEach(resource -> {
            String type = resource.getValue().path("Type").asText();
            JsonNode properties = resource.getValue().path("Properties");
            if (type.equals("AWS::IAM::Role")) {
                SamTemplate.asList(properties.path("Policies")).forEach(policy ->
                        statementsGrantingScan(resource.getKey(), policy.path("PolicyDocument"), grants));
                SamTemplate.asList(properties.path("ManagedPolicyArns")).forEach(arn ->
                        managedPolicyGrantingScan(resource.getKey(), arn.toString(), grants));
            } else if (type.equals("AWS::IAM::Policy") || type.equals("AWS::IAM::ManagedPolicy")) {
                statementsGrantingScan(resource.getKey(), properties.path("PolicyDocument"), grants);
            }
        });
        assertThat(grants).as("policies that grant dynamodb:Scan (production code never scans)").isEmpty();
    }

    @Test
    void scanDetectionRecognisesWildcardsTemplatesAndManagedPolicies() throws Exception {
        var yaml = new com.fasterxml.jackson.databind.ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory());
        List<String> grants = new ArrayList<>();
        for (String policy : List.of(
                "{Statement: [{Effect: Allow, Action: 'dynamodb:*', Resource: '*'}]}",
                "{Statement: {Effect: Allow, Action: ['dynamodb:GetItem', 'DynamoDB:Sc?n'], Resource: '*'}}",
                "{Statement: [{Effect: Allow, Action: '*', Resource: '*'}]}",
                "{Statement: [{Effect: Allow, NotAction: 'iam:*', Resource: '*'}]}",
                "{DynamoDBCrudPolicy: {TableName: PartnersTable}}",
                "arn:aws:iam::aws:policy/AmazonDynamoDBReadOnlyAccess")) {
            collectScanGrants("sample", yaml.readTree(policy), grants);
        }
        assertThat(grants).hasSize(6);
        grants.clear();
        for (String policy : List.of(
                "{Statement: [{Effect: Allow, Action: ['dynamodb:Query', 'dynamodb:GetItem'], Resource: '*'}]}",
                "{Statement: [{Effect: Deny, Action: 'dynamodb:Scan', Resource: '*'}]}",
                "{DynamoDBWritePolicy: {TableName: PartnersTable}}")) {
            collectScanGrants("sample", yaml.readTree(policy), grants);
        }
        assertThat(grants).isEmpty();
    }

    private static void checkSqsSource(SoftAssertions softly, String name, JsonNode responseTypes, JsonNode queueRef) {
        softly.assertThat(SamTemplate.asList(responseTypes)).extracting(JsonNode::asText)
                .as("%s FunctionResponseTypes", name).contains("ReportBatchItemFailures");
        String queueId = SamTemplate.referencedLogicalId(queueRef).orElse("");
        JsonNode queue = TEMPLATE.resource(queueId);
        softly.assertThat(queue.path("Type").asText()).as("%s reads a queue of this template", name)
                .isEqualTo("AWS::SQS::Queue");
        JsonNode redrive = queue.path("Properties").path("RedrivePolicy");
        String deadLetterId = SamTemplate.referencedLogicalId(redrive.path("deadLetterTargetArn")).orElse("");
        softly.assertThat(TEMPLATE.resource(deadLetterId).path("Type").asText())
                .as("%s: queue %s has a RedrivePolicy whose deadLetterTargetArn is a queue", name, queueId)
                .isEqualTo("AWS::SQS::Queue");
        softly.assertThat(redrive.path("maxReceiveCount").asInt(0)).as("%s: maxReceiveCount of %s", name, queueId)
                .isPositive();
    }

    /** The notifier records the attempt that fails last as given up (ADR 40): its count is the queue's. */
    @Test
    void theNotifiersLastAttemptIsNotificationQueuesMaxReceiveCount() {
        int maxAttempts = TEMPLATE.effectiveFunctionProperty("WebhookNotifierFunction", "Environment")
                .path("Variables").path("WEBHOOK_MAX_ATTEMPTS").asInt(0);
        int maxReceiveCount = TEMPLATE.resource("NotificationQueue").path("Properties").path("RedrivePolicy")
                .path("maxReceiveCount").asInt(-1);
        assertThat(maxAttempts).isEqualTo(maxReceiveCount)
                .isEqualTo(com.backhaulexchange.notification.WebhookRetryPolicy.DEFAULT_MAX_ATTEMPTS);
    }

    /**
     * Lambda's advice for SQS sources: a visibility timeout of at least six times the function's timeout, so a
     * message being processed (or retried by the poller) never reappears to a second consumer meanwhile.
     */
    private static void checkVisibilityTimeoutCoversRetries(SoftAssertions softly, String functionId, String name,
            JsonNode queueRef) {
        String queueId = SamTemplate.referencedLogicalId(queueRef).orElse("");
        int visibility = TEMPLATE.resource(queueId).path("Properties").path("VisibilityTimeout").asInt(30);
        int timeout = TEMPLATE.effectiveFunctionProperty(functionId, "Timeout").asInt(3);
        softly.assertThat(visibility).as("%s: VisibilityTimeout of %s vs 6 x Timeout of %s (%d s)", name, queueId,
                functionId, timeout).isGreaterThanOrEqualTo(6 * timeout);
    }

    private static JsonNode logGroupOf(String functionId) {
        JsonNode logGroupRef = TEMPLATE.effectiveFunctionProperty(functionId, "LoggingConfig").path("LogGroup");
        var referenced = SamTemplate.referencedLogicalId(logGroupRef);
        if (referenced.isPresent()) {
            JsonNode logGroup = TEMPLATE.resource(referenced.get());
            return "AWS::Logs::LogGroup".equals(logGroup.path("Type").asText()) ? logGroup
                    : com.fasterxml.jackson.databind.node.MissingNode.getInstance();
        }
        return TEMPLATE.resourcesOfType("AWS::Logs::LogGroup").values().stream()
                .filter(group -> group.path("Properties").path("LogGroupName").toString()
                        .contains("/aws/lambda/${" + functionId + "}"))
                .findFirst().orElse(com.fasterxml.jackson.databind.node.MissingNode.getInstance());
    }

    /** SAM policy templates and AWS managed policies whose actions include dynamodb:Scan. */
    private static final Set<String> SCANNING_POLICY_NAMES = Set.of("DynamoDBCrudPolicy", "DynamoDBReadPolicy",
            "AmazonDynamoDBFullAccess", "AmazonDynamoDBReadOnlyAccess", "AdministratorAccess", "PowerUserAccess",
            "ReadOnlyAccess", "AmazonDynamoDBFullAccess_v2");

    private static void collectScanGrants(String owner, JsonNode policy, List<String> grants) {
        if (policy.isTextual()) {
            managedPolicyGrantingScan(owner, policy.asText(), grants);
        } else if (policy.has("Statement")) {
            statementsGrantingScan(owner, policy, grants);
        } else {
            policy.fieldNames().forEachRemaining(templateName -> {
                if (SCANNING_POLICY_NAMES.contains(templateName)) {
                    grants.add(owner + ": SAM policy template " + templateName);
                }
            });
        }
    }

    private static void managedPolicyGrantingScan(String owner, String policy, List<String> grants) {
        String name = policy.substring(policy.lastIndexOf('/') + 1).replaceAll("[\"}\\]]", "");
        if (SCANNING_POLICY_NAMES.contains(name)) {
            grants.add(owner + ": managed policy " + name);
        }
    }

    private static void statementsGrantingScan(String owner, JsonNode document, List<String> grants) {
        for (JsonNode statement : SamTemplate.asList(document.path("Statement"))) {
            if (!"Allow".equals(statement.path("Effect").asText())) {
                continue;
            }
            for (JsonNode action : SamTemplate.asList(statement.path("Action"))) {
                if (matches(action.asText(), "dynamodb:Scan")) {
                    grants.add(owner + ": Action " + action.asText());
                }
            }
            List<JsonNode> notActions = SamTemplate.asList(statement.path("NotAction"));
            if (!notActions.isEmpty() && notActions.stream().noneMatch(a -> matches(a.asText(), "dynamodb:Scan"))) {
                grants.add(owner + ": NotAction " + notActions + " allows dynamodb:Scan");
            }
        }
    }

    /** IAM action matching: case-insensitive, with * and ? wildcards. */
    static boolean matches(String pattern, String action) {
        String regex = Pattern.quote(pattern.toLowerCase(Locale.ROOT)).replace("*", "\\E.*\\Q").replace("?", "\\E.\\Q");
        return action.toLowerCase(Locale.ROOT).matches(regex);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
