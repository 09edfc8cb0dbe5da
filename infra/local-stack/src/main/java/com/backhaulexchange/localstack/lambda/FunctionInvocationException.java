package com.backhaulexchange.localstack.lambda;

/**
 * An invocation failed the way a Lambda invocation fails: the handler threw ({@code errorType} is the
 * exception class, {@code getMessage()} its message, as in Lambda's error payload) or it timed out.
 */
public final class FunctionInvocationException extends Exception {

    private final String functionName;
    private final String errorType;
    private final boolean timedOut;

    FunctionInvocationException(String functionName, String errorType, String errorMessage, boolean timedOut,
                                Throwable cause) {
        super(errorMessage, cause);
        this.functionName = functionName;
        this.errorType = errorType;
        this.timedOut = timedOut;
    }

    public String functionName() {
        return functionName;
    }

    public String errorType() {
        return errorType;
    }

    public boolean timedOut() {
        return timedOut;
    }
}
