package com.backhaulexchange.localstack.lambda;

import com.backhaulexchange.localstack.template.FunctionDefinition;
import com.backhaulexchange.localstack.template.LocalEnvironment;
import java.net.URI;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The environment a function sees locally: the variables the template gives it (Globals first), then what
 * the Lambda runtime would set plus the local endpoints, then extra variables given to the stack.
 */
public final class FunctionEnvironment {

    public static final String LOCAL_STACK_FLAG = "BHX_LOCAL_STACK";

    private FunctionEnvironment() {
    }

    public static Map<String, String> of(FunctionDefinition function, URI dynamoDbEndpoint, URI sqsEndpoint,
                                         URI s3Endpoint, Map<String, String> extraEnvironment) {
        Map<String, String> environment = new LinkedHashMap<>(function.environment());
        environment.put("AWS_REGION", LocalEnvironment.REGION);
        environment.put("AWS_DEFAULT_REGION", LocalEnvironment.REGION);
        // Dummy credentials: DynamoDB Local and ElasticMQ accept any, and nothing must reach a real account.
        environment.put("AWS_ACCESS_KEY_ID", "local");
        environment.put("AWS_SECRET_ACCESS_KEY", "local");
        environment.put("AWS_ENDPOINT_URL_DYNAMODB", dynamoDbEndpoint.toString());
        environment.put("AWS_ENDPOINT_URL_SQS", sqsEndpoint.toString());
        // S3Proxy (ADR 33): its buckets are addressed by path, not by a host name per bucket.
        environment.put("AWS_ENDPOINT_URL_S3", s3Endpoint.toString());
        environment.put("AWS_LAMBDA_FUNCTION_NAME", function.logicalId());
        environment.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.toString(function.memorySizeMb()));
        environment.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
        environment.put("_HANDLER", function.handlerClass() + "::" + function.handlerMethod());
        environment.put(LOCAL_STACK_FLAG, "true");
        environment.putAll(extraEnvironment);
        return Collections.unmodifiableMap(environment);
    }
}
