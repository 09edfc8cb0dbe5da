package com.backhaulexchange.benchmarks.probe;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import java.nio.charset.StandardCharsets;

/** The smallest Lambda context a handler can use. Logs go to stderr: stdout carries only the probe's protocol lines. */
final class ProbeContext implements Context {
    private static final LambdaLogger STDERR_LOGGER = new LambdaLogger() {
        @Override
        public void log(String message) {
            System.err.println(message);
        }

        @Override
        public void log(byte[] message) {
            log(new String(message, StandardCharsets.UTF_8));
        }
    };

    @Override public String getAwsRequestId() { return "cold-start-probe"; }
    @Override public String getLogGroupName() { return "/aws/lambda/cold-start-probe"; }
    @Override public String getLogStreamName() { return "cold-start-probe"; }
    @Override public String getFunctionName() { return "cold-start-probe"; }
    @Override public String getFunctionVersion() { return "$LATEST"; }
    @Override public String getInvokedFunctionArn() { return "arn:aws:lambda:us-east-1:000000000000:function:cold-start-probe"; }
    @Override public CognitoIdentity getIdentity() { return null; }
    @Override public ClientContext getClientContext() { return null; }
    @Override public int getRemainingTimeInMillis() { return 29_000; }
    @Override public int getMemoryLimitInMB() { return 1024; }
    @Override public LambdaLogger getLogger() { return STDERR_LOGGER; }
}
