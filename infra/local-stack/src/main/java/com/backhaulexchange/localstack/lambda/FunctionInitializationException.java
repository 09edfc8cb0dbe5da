package com.backhaulexchange.localstack.lambda;

/** A function's handler could not be loaded or constructed (Lambda's "init error"). */
public final class FunctionInitializationException extends RuntimeException {

    FunctionInitializationException(String message, Throwable cause) {
        super(message, cause);
    }
}
