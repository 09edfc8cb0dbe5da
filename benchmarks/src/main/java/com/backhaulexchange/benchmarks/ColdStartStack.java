package com.backhaulexchange.benchmarks;

import com.backhaulexchange.testing.DynamoDbLocalServer;
import com.backhaulexchange.testing.ElasticMqServer;
import com.backhaulexchange.testing.TemplateQueues;
import com.backhaulexchange.testing.TemplateTables;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * What the measured functions talk to, in the benchmark's own JVM on loopback: DynamoDB Local with the template's
 * tables and ElasticMQ with its queues, each created as template.yaml declares it, and a local value for every
 * environment variable the template gives a function.
 *
 * <p>A variable's value follows what it refers to in the template: a table's name, a queue's URL, a parameter's
 * Default (with the overrides given: the operator key hash, which has no default, and the webhooks' loopback
 * switch, since the benchmark's webhook receiver is on loopback as the local stack's are). A variable the stack
 * has no value for fails the benchmark before anything is timed: a function never starts without one.
 */
final class ColdStartStack {
    /** Set by Lambda itself (the region, the credentials); the endpoints are the local stand-ins. */
    private static final String LOCAL_CREDENTIAL = "local";

    private final Path template;
    private final DynamoDbClient dynamoDb;
    private final SqsClient sqs;
    private final Map<String, String> resourceTypes;
    private final Map<String, String> parameters;
    private final Map<String, String> tables = new HashMap<>();
    private final Map<String, String> queues = new HashMap<>();

    private ColdStartStack(Path template, Map<String, String> parameterOverrides) {
        this.template = template;
        this.dynamoDb = DynamoDbLocalServer.shared().client();
        this.sqs = ElasticMqServer.shared().client();
        this.resourceTypes = TemplateFunction.resourceTypes(template);
        this.parameters = new LinkedHashMap<>(TemplateFunction.parameterDefaults(template));
        this.parameters.putAll(parameterOverrides);
    }

    static ColdStartStack start(Path template, Map<String, String> parameterOverrides) {
        return new ColdStartStack(template, parameterOverrides);
    }

    DynamoDbClient dynamoDb() {
        return dynamoDb;
    }

    SqsClient sqs() {
        return sqs;
    }

    Path template() {
        return template;
    }

    /** The shared instance of a template table (created on first use). */
    synchronized String table(String logicalId) {
        return tables.computeIfAbsent(logicalId, this::freshTable);
    }

    /** Another instance of a template table, for a function whose data must not mix with the others'. */
    String freshTable(String logicalId) {
        requireType(logicalId, "AWS::DynamoDB::Table");
        return TemplateTables.createFresh(dynamoDb, logicalId);
    }

    /** The URL of a template queue (created on first use, with its dead-letter queue). */
    synchronized String queue(String logicalId) {
        requireType(logicalId, "AWS::SQS::Queue");
        return queues.computeIfAbsent(logicalId, id -> TemplateQueues.createFresh(sqs, id).url());
    }

    /**
     * The process environment of {@code function} in Lambda, pointed at this stack: each variable of the
     * template (tables by logical id from {@code tableInstances} when given there, else the shared instance),
     * then what Lambda sets itself (region, credentials) and the local endpoints.
     */
    Map<String, String> environmentFor(TemplateFunction function, Map<String, String> tableInstances) {
        Map<String, String> environment = new LinkedHashMap<>();
        function.variables().forEach((name, reference) -> environment.put(name,
                valueOf(function, name, reference, tableInstances)));
        environment.putAll(runtimeVariables());
        return environment;
    }

    /** The region, credentials and endpoints alone: for the floor, which is no template function. */
    Map<String, String> runtimeVariables() {
        Map<String, String> variables = new LinkedHashMap<>();
        variables.put("AWS_REGION", "us-east-1");
        variables.put("AWS_ACCESS_KEY_ID", LOCAL_CREDENTIAL);
        variables.put("AWS_SECRET_ACCESS_KEY", LOCAL_CREDENTIAL);
        variables.put("AWS_ENDPOINT_URL_DYNAMODB", DynamoDbLocalServer.shared().endpoint().toString());
        variables.put("AWS_ENDPOINT_URL_SQS", ElasticMqServer.shared().endpoint().toString());
        // S3 is never called by a measured request; a loopback port nothing listens on keeps it off the network.
        variables.put("AWS_ENDPOINT_URL_S3", "http://127.0.0.1:9");
        return variables;
    }

    private String valueOf(TemplateFunction function, String name, String reference,
            Map<String, String> tableInstances) {
        String type = resourceTypes.get(reference);
        if ("AWS::DynamoDB::Table".equals(type)) {
            return tableInstances.containsKey(reference) ? tableInstances.get(reference) : table(reference);
        }
        if ("AWS::SQS::Queue".equals(type)) {
            return queue(reference);
        }
        if ("AWS::S3::Bucket".equals(type)) {
            // No measured request reads or writes a document: the bucket is named, never created.
            return reference.toLowerCase(java.util.Locale.ROOT);
        }
        if (parameters.get(reference) != null) {
            return parameters.get(reference);
        }
        if (type == null && !parameters.containsKey(reference) && TemplateFunction.isLiteral(reference)) {
            return reference;
        }
        throw new IllegalStateException(function.logicalId() + " needs " + name + " (" + reference
                + " in template.yaml) but the benchmark has no local value for it");
    }

    private void requireType(String logicalId, String type) {
        if (!type.equals(resourceTypes.get(logicalId))) {
            throw new IllegalArgumentException(logicalId + " is not an " + type + " in " + template);
        }
    }
}
