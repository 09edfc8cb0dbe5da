package com.backhaulexchange.benchmarks.probe;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The main class of every measured JVM: does what the Lambda runtime does for a cold start —
 * construct the handler, deserialize the event, invoke, serialize the response — once, and prints
 * {@code FIRST_RESPONSE <summary>}. It measures nothing: the parent times the process from
 * outside. Its classpath is the jar under test plus this package, nothing else.
 *
 * <p>Usage: {@code ColdStartProbe <handlerClass> <eventJsonFile> <eventClass>}; an event class of
 * {@code java.lang.String} passes the file's text as is (the hello-world and floor cases, whose jars have no
 * Jackson). A {@code RequestStreamHandler} is given the file's bytes and its answer is read back as JSON, as the
 * runtime does: no event class is deserialized by the probe then (ADR 36).
 *
 * <p>After the response it also prints how many classes the JVM had loaded in all. That count is read through
 * the management beans, so it includes the few hundred classes of {@code java.management} loaded for the
 * reading itself (the same in every JVM: the hello-world row shows the base).
 */
public final class ColdStartProbe {
    public static final String FIRST_RESPONSE = "FIRST_RESPONSE";
    public static final String PROBE_FAILED = "PROBE_FAILED";
    public static final String CLOCKS = "CLOCKS";
    /** The prefix of a stream handler's answer, passed on as the JSON it wrote. */
    public static final String JSON_ANSWER = "json-answer ";

    private ColdStartProbe() {
    }

    public static void main(String[] args) {
        // The moment main() is entered. Only printed after the response, so that reading the
        // RuntimeMXBean (which loads java.management) is not part of the measured time.
        long mainEnteredEpochMillis = System.currentTimeMillis();
        try {
            Object response = invokeOnce(args[0], Path.of(args[1]), args[2]);
            System.out.println(FIRST_RESPONSE + " " + summary(response));
            System.out.println(CLOCKS + " mainEnteredEpochMillis=" + mainEnteredEpochMillis
                    + " jvmStartEpochMillis=" + ManagementFactory.getRuntimeMXBean().getStartTime()
                    + " loadedClasses=" + ManagementFactory.getClassLoadingMXBean().getTotalLoadedClassCount());
            System.out.flush();
            System.exit(0);
        } catch (Throwable failure) {
            failure.printStackTrace();
            System.out.println(PROBE_FAILED + " " + failure);
            System.out.flush();
            System.exit(1);
        }
    }

    @SuppressWarnings("unchecked")
    private static Object invokeOnce(String handlerClass, Path eventFile, String eventClass) throws Exception {
        // Init phase: the runtime loads the handler class and calls its no-arg constructor.
        Object instance = Class.forName(handlerClass).getDeclaredConstructor().newInstance();
        // Invoke phase: event in, handler, response out.
        if (instance instanceof RequestStreamHandler streamed) {
            return invokeStreamed(streamed, eventFile);
        }
        var handler = (RequestHandler<Object, Object>) instance;
        String eventJson = Files.readString(eventFile);
        Object event = String.class.getName().equals(eventClass)
                ? eventJson.strip()
                : JacksonCodec.read(eventJson, Class.forName(eventClass));
        return handler.handleRequest(event, new ProbeContext());
    }

    /** The event file's bytes in, the answer's JSON out, read by the probe only to summarize it. */
    public static Object invokeStreamed(RequestStreamHandler handler, Path eventFile) throws Exception {
        var answer = new ByteArrayOutputStream();
        try (InputStream event = Files.newInputStream(eventFile)) {
            handler.handleRequest(event, answer, new ProbeContext());
        }
        return new StreamedAnswer(answer.toString(StandardCharsets.UTF_8));
    }

    /** A stream handler's answer, as the JSON text it wrote. */
    public record StreamedAnswer(String json) {
    }

    /**
     * A String response is printed as is; anything else is serialized to JSON first, as the
     * runtime would, and reduced to what tells success (status code, policy effect). JacksonCodec
     * is only loaded on that path, so the hello-world JVM never looks for Jackson.
     */
    private static String summary(Object response) throws Exception {
        return switch (response) {
            case String text -> "body=" + text;
            // As the runtime does, the JVM under test only hands the bytes on: the parent summarizes them.
            case StreamedAnswer streamed -> JSON_ANSWER + streamed.json().replace('\n', ' ');
            default -> JacksonCodec.summarize(response);
        };
    }
}
