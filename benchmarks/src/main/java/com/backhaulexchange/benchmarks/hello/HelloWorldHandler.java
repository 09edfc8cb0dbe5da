package com.backhaulexchange.benchmarks.hello;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;

/**
 * The baseline: a handler that needs nothing but aws-lambda-java-core. Its jar holds only this
 * class and that library, so its cold start is the JVM's and the probe's, not the application's.
 */
public final class HelloWorldHandler implements RequestHandler<String, String> {
    @Override
    public String handleRequest(String name, Context context) {
        return "Hello, " + name + "!";
    }
}
