package com.backhaulexchange.localstack.lambda;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.backhaulexchange.localstack.template.FunctionDefinition;
import com.backhaulexchange.localstack.template.LocalEnvironment;
import java.time.Clock;

/** The {@link Context} of one local invocation; the remaining time counts down from the function's Timeout. */
final class LocalLambdaContext implements Context {

    private final FunctionDefinition function;
    private final String requestId;
    private final long deadlineMillis;
    private final Clock clock;
    private final JsonLineLambdaLogger logger;

    LocalLambdaContext(FunctionDefinition function, String requestId, long deadlineMillis, Clock clock,
                       JsonLineLambdaLogger logger) {
        this.function = function;
        this.requestId = requestId;
        this.deadlineMillis = deadlineMillis;
        this.clock = clock;
        this.logger = logger;
    }

    @Override
    public String getAwsRequestId() {
        return requestId;
    }

    @Override
    public String getLogGroupName() {
        return "/aws/lambda/" + function.logicalId();
    }

    @Override
    public String getLogStreamName() {
        return "local/[$LATEST]" + function.logicalId();
    }

    @Override
    public String getFunctionName() {
        return function.logicalId();
    }

    @Override
    public String getFunctionVersion() {
        return "$LATEST";
    }

    @Override
    public String getInvokedFunctionArn() {
        return "arn:aws:lambda:" + LocalEnvironment.REGION + ":" + LocalEnvironment.ACCOUNT_ID + ":function:"
                + function.logicalId();
    }

    @Override
    public CognitoIdentity getIdentity() {
        return null;
    }

    @Override
    public ClientContext getClientContext() {
        return null;
    }

    @Override
    public int getRemainingTimeInMillis() {
        return (int) Math.max(0, deadlineMillis - clock.millis());
    }

    @Override
    public int getMemoryLimitInMB() {
        return function.memorySizeMb();
    }

    @Override
    public LambdaLogger getLogger() {
        return logger;
    }

    JsonLineLambdaLogger jsonLogger() {
        return logger;
    }
}
