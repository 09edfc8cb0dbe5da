package com.backhaulexchange.testing.faults;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Makes AWS calls fail on purpose, for fault-injection tests: an SDK interceptor that, before a request is
 * transmitted, throws what a {@link Fault} says for the calls it matches. It fails each attempt, so the SDK's own
 * retries and backoff run as they would against a throttled or failing service, and nothing reaches the service.
 *
 * <p>A test module enables it for every SDK client in its JVM (the functions' own clients included) by listing
 * this class in {@code software/amazon/awssdk/global/handlers/execution.interceptors} on its test classpath;
 * with no fault armed it does nothing.
 */
public final class FaultInjector implements ExecutionInterceptor {
    private static final List<Fault> ARMED = new CopyOnWriteArrayList<>();

    /**
     * Fails the next {@code times} attempts of {@code operation} on {@code service} (the SDK's names, e.g.
     * {@code DynamoDb}/{@code TransactWriteItems}, {@code Sqs}/{@code SendMessage}) made on a thread whose name
     * starts with {@code threadPrefix} (the local stack runs each function on {@code lambda-<LogicalId>-n}; empty
     * for any thread), by throwing what {@code failure} makes.
     */
    public static Fault arm(String service, String operation, String threadPrefix, int times,
            Supplier<? extends RuntimeException> failure) {
        Fault fault = new Fault(service, operation, threadPrefix, new AtomicInteger(times), new AtomicInteger(),
                failure);
        ARMED.add(fault);
        return fault;
    }

    public static void disarmAll() {
        ARMED.clear();
    }

    /** One armed fault: how many attempts it may still fail, and how many it has failed. */
    public record Fault(String service, String operation, String threadPrefix, AtomicInteger remaining,
            AtomicInteger injected, Supplier<? extends RuntimeException> failure) {

        public int injectedCount() {
            return injected.get();
        }

        public void disarm() {
            ARMED.remove(this);
        }

        boolean matches(String serviceName, String operationName) {
            return service.equals(serviceName) && operation.equals(operationName)
                    && Thread.currentThread().getName().startsWith(threadPrefix);
        }
    }

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        String service = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME);
        String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        for (Fault fault : ARMED) {
            if (fault.matches(service, operation) && fault.remaining().getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
                fault.injected().incrementAndGet();
                throw fault.failure().get();
            }
        }
    }
}
