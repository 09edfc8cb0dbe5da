package com.backhaulexchange.function.authorizer.jar;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.events.APIGatewayCustomAuthorizerEvent;
import com.backhaulexchange.function.authorizer.ApiKeyAuthorizerHandler;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Runs in a JVM whose classpath is the deployment jar and this class only (see {@link ShadedJarIT}): it uses
 * nothing but what the jar must carry, as the Lambda runtime would. Prints the policy's effect and principal.
 */
public final class InvokeFromShadedJar {
    private InvokeFromShadedJar() {
    }

    public static void main(String[] args) {
        var event = new APIGatewayCustomAuthorizerEvent();
        event.setType("REQUEST");
        event.setMethodArn("arn:aws:execute-api:us-east-1:123456789012:k3x9q2w7ze/v1/GET/partners/me");
        event.setPath("/partners/me");
        event.setHeaders(Map.of("Authorization", "Bearer " + args[0]));
        var policy = new ApiKeyAuthorizerHandler().handleRequest(event, new StandardErrorContext());
        // The policy document as the runtime serialises it: "Statement" is an array of maps.
        Object statements = policy.getPolicyDocument().get("Statement");
        Object effect = statements instanceof Object[] array && array.length == 1 && array[0] instanceof Map<?, ?> statement
                ? statement.get("Effect") : "unreadable policy document " + policy.getPolicyDocument();
        System.out.println("POLICY " + effect + " " + policy.getPrincipalId());
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
