package com.backhaulexchange.localstack.template;

import java.net.URI;
import java.util.Map;
import java.util.Objects;

/**
 * What intrinsic functions resolve against locally: the pseudo parameters, the parameter overrides given to
 * the stack and the endpoint queue URLs are built from.
 */
public record LocalEnvironment(
        String region, String accountId, String stackName, URI sqsEndpoint, Map<String, String> parameterOverrides) {

    public static final String REGION = "us-east-1";
    public static final String ACCOUNT_ID = "000000000000";
    public static final String STACK_NAME = "local";
    /** The id every local REST API gets in ARNs (execute-api method ARNs, {@code Ref} to an API). */
    public static final String REST_API_ID = "local";
    /** ElasticMQ's conventional port; only used to resolve a template without starting anything. */
    public static final URI OFFLINE_SQS_ENDPOINT = URI.create("http://localhost:9324");

    public LocalEnvironment {
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(stackName, "stackName");
        Objects.requireNonNull(sqsEndpoint, "sqsEndpoint");
        parameterOverrides = Map.copyOf(parameterOverrides);
    }

    /** For reading and resolving a template without starting anything. */
    public static LocalEnvironment offline(Map<String, String> parameterOverrides) {
        return new LocalEnvironment(REGION, ACCOUNT_ID, STACK_NAME, OFFLINE_SQS_ENDPOINT, parameterOverrides);
    }

    public static LocalEnvironment running(URI sqsEndpoint, Map<String, String> parameterOverrides) {
        return new LocalEnvironment(REGION, ACCOUNT_ID, STACK_NAME, sqsEndpoint, parameterOverrides);
    }
}
