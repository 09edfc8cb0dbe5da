package com.backhaulexchange.function.authorizer.jar;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.backhaulexchange.function.authorizer.ApiKeyAuthorizerHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs in a JVM whose classpath is the deployment jar and this class only (see {@link ShadedJarIT}): it uses
 * nothing but what the jar must carry, as the Lambda runtime would. Prints the policy's effect and principal.
 */
public final class InvokeFromShadedJar {
    private InvokeFromShadedJar() {
    }

    /** The event as API Gateway sends it, through the stream entry the runtime calls; the policy as it is written. */
    public static void main(String[] args) throws IOException {
        String event = """
                {"type": "REQUEST", "methodArn": "arn:aws:execute-api:us-east-1:123456789012:k3x9q2w7ze/v1/GET/partners/me",
                 "resource": "/partners/me", "path": "/partners/me", "httpMethod": "GET",
                 "headers": {"Authorization": "Bearer %s", "Accept": "application/json"},
                 "requestContext": {"requestId": "shaded-jar-check", "stage": "v1"}}
                """.formatted(args[0]);
        var answer = new ByteArrayOutputStream();
        new ApiKeyAuthorizerHandler().handleRequest(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)),
                answer, new StandardErrorContext());
        String policy = answer.toString(StandardCharsets.UTF_8);
        Matcher effect = Pattern.compile("\"Effect\":\"(\\w+)\"").matcher(policy);
        Matcher principal = Pattern.compile("\"principalId\":\"([^\"]*)\"").matcher(policy);
        System.out.println(effect.find() && principal.find() ? "POLICY " + effect.group(1) + " " + principal.group(1)
                : "POLICY unreadable " + policy);
    }

    private static final class StandardErrorContext implements Context {
        @Override
        public LambdaLogger getLogger() {
            return new LambdaLogger() {
                @Override
                public void log(String message) {
                    System.err.println(message);
                }

                @Override
                public void log(byte[] message) {
                    System.err.println(new String(message, StandardCharsets.UTF_8));
                }
            };
        }

        @Override public String getAwsRequestId() { return "shaded-jar-check"; }
        @Override public String getLogGroupName() { return "shaded-jar-check"; }
        @Override public String getLogStreamName() { return "shaded-jar-check"; }
        @Override public String getFunctionName() { return "ApiKeyAuthorizerFunction"; }
        @Override public String getFunctionVersion() { return "$LATEST"; }
        @Override public String getInvokedFunctionArn() { return "arn:aws:lambda:us-east-1:123456789012:function:authorizer"; }
        @Override public CognitoIdentity getIdentity() { return null; }
        @Override public ClientContext getClientContext() { return null; }
        @Override public int getRemainingTimeInMillis() { return 30_000; }
        @Override public int getMemoryLimitInMB() { return 512; }
    }
}
