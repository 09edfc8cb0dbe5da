package com.backhaulexchange.localstack.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import com.backhaulexchange.localstack.support.Json;
import com.backhaulexchange.localstack.template.FunctionDefinition;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Type;
import java.time.Clock;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A function running in-process. Like a Lambda execution environment, a handler instance is created once
 * (its constructor is the init phase) and then serves one invocation at a time; concurrent invocations get
 * further instances, as Lambda scales out, so handlers need not be thread-safe locally either. The first
 * instance is created eagerly, so a broken handler fails the stack's start.
 *
 * <p>The handler class must implement {@link RequestHandler} or {@link RequestStreamHandler}. A stream handler is
 * given the event as the JSON Lambda would send and its answer is read back as a JSON tree; its event type, for
 * the stack's checks, is that of its typed {@code handleRequest(event, Context)} if it has one (ADR 36). It is
 * constructed with its environment through
 * a public {@code (Map<String, String>)} constructor if it has one, else through its no-arg constructor.
 * Invocations run on their own thread so that the function's Timeout can be enforced.
 */
public final class LocalFunction implements AutoCloseable {

    private final FunctionDefinition definition;
    private final Map<String, String> environment;
    private final Constructor<?> constructor;
    private final boolean constructorTakesEnvironment;
    private final Type inputType;
    private final Class<?> inputClass;
    private final LogLevel minimumLogLevel;
    private final PrintStream logOutput;
    private final Clock clock;
    private final Deque<Invocable> idleInstances = new ConcurrentLinkedDeque<>();
    private final AtomicInteger instancesCreated = new AtomicInteger();
    private final ExecutorService invocationThreads;

    private LocalFunction(FunctionDefinition definition, Map<String, String> environment, Class<?> handlerClass,
                          PrintStream logOutput, Clock clock) {
        this.definition = definition;
        this.environment = Map.copyOf(environment);
        this.logOutput = logOutput;
        this.clock = clock;
        this.inputType = HandlerTypes.requestHandlerInputType(handlerClass)
                .or(() -> HandlerTypes.streamHandlerInputType(handlerClass))
                .orElseThrow(() -> new FunctionInitializationException(definition.logicalId() + ": "
                        + handlerClass.getName() + " implements neither " + RequestHandler.class.getName() + " nor "
                        + RequestStreamHandler.class.getName(), null));
        this.inputClass = HandlerTypes.rawClass(inputType);
        Constructor<?> withEnvironment = publicConstructor(handlerClass, Map.class);
        this.constructorTakesEnvironment = withEnvironment != null;
        this.constructor = withEnvironment != null ? withEnvironment : publicConstructor(handlerClass);
        if (constructor == null) {
            throw new FunctionInitializationException(definition.logicalId() + ": " + handlerClass.getName()
                    + " needs a public constructor taking Map<String, String> (its environment) or no arguments", null);
        }
        this.minimumLogLevel = JsonLineLambdaLogger.parseLevel(definition.applicationLogLevel(), LogLevel.INFO);
        AtomicInteger threadNumber = new AtomicInteger();
        this.invocationThreads = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "lambda-" + definition.logicalId() + "-" + threadNumber.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Loads the handler class and runs the init phase of the first execution environment. */
    public static LocalFunction initialize(FunctionDefinition definition, Map<String, String> environment) {
        return initialize(definition, environment, System.out, Clock.systemUTC());
    }

    static LocalFunction initialize(FunctionDefinition definition, Map<String, String> environment,
                                    PrintStream logOutput, Clock clock) {
        if (!definition.handlerMethod().equals("handleRequest")) {
            throw new FunctionInitializationException(definition.logicalId() + ": handler method "
                    + definition.handlerMethod() + " is not supported; only handleRequest is", null);
        }
        Class<?> handlerClass;
        try {
            handlerClass = Class.forName(definition.handlerClass(), true, handlerClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            throw new FunctionInitializationException(definition.logicalId() + ": handler class "
                    + definition.handlerClass() + " cannot be loaded (is its module on the local stack's classpath?)", e);
        }
        LocalFunction function = new LocalFunction(definition, environment, handlerClass, logOutput, clock);
        try {
            function.idleInstances.push(function.newInstance());
        } catch (RuntimeException e) {
            function.close();
            throw e;
        }
        return function;
    }

    private static ClassLoader handlerClassLoader() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null ? context : LocalFunction.class.getClassLoader();
    }

    public String name() {
        return definition.logicalId();
    }

    public FunctionDefinition definition() {
        return definition;
    }

    public Map<String, String> environment() {
        return environment;
    }

    /** The raw class of the handler's event type {@code I}. */
    public Class<?> inputClass() {
        return inputClass;
    }

    /** Whether an event of this class can be handed to the handler as it is. */
    public boolean accepts(Class<?> eventClass) {
        return inputClass.isAssignableFrom(eventClass);
    }

    /** How many execution environments (handler instances) have been initialized so far. */
    public int instancesCreated() {
        return instancesCreated.get();
    }

    /**
     * Invokes the handler with {@code event}: an object of the handler's event type, or a JSON tree that is
     * converted to it (a configured schedule Input). Returns what the handler returned.
     */
    public Object invoke(Object event) throws FunctionInvocationException {
        Object input = toInput(event);
        Invocable handler = acquireInstance();
        String requestId = UUID.randomUUID().toString();
        long timeoutMillis = TimeUnit.SECONDS.toMillis(definition.timeoutSeconds());
        JsonLineLambdaLogger logger = new JsonLineLambdaLogger(name(), requestId, minimumLogLevel, logOutput, clock);
        LocalLambdaContext context = new LocalLambdaContext(definition, requestId, clock.millis() + timeoutMillis, clock,
                logger);
        Future<Object> invocation = invocationThreads.submit(() -> handler.invoke(input, context));
        boolean instanceReusable = true;
        try {
            return invocation.get(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            Throwable error = e.getCause();
            logger.error("Invocation failed", error);
            throw new FunctionInvocationException(name(), error.getClass().getName(), error.getMessage(), false, error);
        } catch (TimeoutException e) {
            // Lambda would freeze and discard this environment; the thread is interrupted and the instance dropped.
            instanceReusable = false;
            invocation.cancel(true);
            String message = String.format(Locale.ROOT, "Task timed out after %d.00 seconds", definition.timeoutSeconds());
            logger.log(message, LogLevel.ERROR);
            throw new FunctionInvocationException(name(), "Sandbox.Timedout", message, true, e);
        } catch (InterruptedException e) {
            instanceReusable = false;
            invocation.cancel(true);
            Thread.currentThread().interrupt();
            throw new FunctionInvocationException(name(), "Interrupted", "The local stack is shutting down", false, e);
        } catch (CancellationException e) {
            instanceReusable = false;
            throw new FunctionInvocationException(name(), "Interrupted", "The local stack is shutting down", false, e);
        } finally {
            if (instanceReusable) {
                idleInstances.push(handler);
            }
        }
    }

    @Override
    public void close() {
        invocationThreads.shutdownNow();
        idleInstances.clear();
    }

    private Object toInput(Object event) {
        if (event == null || inputClass.isInstance(event)) {
            return event;
        }
        if (event instanceof JsonNode json) {
            try {
                return Json.MAPPER.convertValue(json, Json.MAPPER.getTypeFactory().constructType(inputType));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(name() + ": the event cannot be converted to the handler's input type "
                        + inputType.getTypeName() + ": " + e.getMessage(), e);
            }
        }
        throw new IllegalArgumentException(name() + ": its handler takes " + inputType.getTypeName()
                + " but was given a " + event.getClass().getName());
    }

    private Invocable acquireInstance() throws FunctionInvocationException {
        Invocable idle = idleInstances.poll();
        if (idle != null) {
            return idle;
        }
        try {
            return newInstance();
        } catch (FunctionInitializationException e) {
            throw new FunctionInvocationException(name(), "Runtime.InitError", e.getMessage(), false, e);
        }
    }

    @SuppressWarnings("unchecked")
    private Invocable newInstance() {
        try {
            Object instance = constructorTakesEnvironment ? constructor.newInstance(environment) : constructor.newInstance();
            instancesCreated.incrementAndGet();
            if (instance instanceof RequestHandler<?, ?> typed) {
                RequestHandler<Object, Object> handler = (RequestHandler<Object, Object>) typed;
                return handler::handleRequest;
            }
            RequestStreamHandler streamed = (RequestStreamHandler) instance;
            return (event, context) -> invokeStreamed(streamed, event, context);
        } catch (InvocationTargetException e) {
            throw new FunctionInitializationException(name() + ": the constructor of " + definition.handlerClass()
                    + " threw " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new FunctionInitializationException(name() + ": cannot construct " + definition.handlerClass()
                    + ": " + e, e);
        }
    }

    /** One handler instance, whichever interface it implements. */
    @FunctionalInterface
    private interface Invocable {
        Object invoke(Object event, Context context) throws Exception;
    }

    /** The event as Lambda sends it (JSON), the answer read back as a JSON tree (null when nothing was written). */
    private static Object invokeStreamed(RequestStreamHandler handler, Object event, Context context)
            throws IOException {
        byte[] json = Json.MAPPER.writeValueAsBytes(event);
        var answer = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(json), answer, context);
        return answer.size() == 0 ? null : Json.MAPPER.readTree(answer.toByteArray());
    }

    private static Constructor<?> publicConstructor(Class<?> type, Class<?>... parameterTypes) {
        try {
            return type.getConstructor(parameterTypes);
        } catch (NoSuchMethodException e) {
            return null;
        }
    }
}
