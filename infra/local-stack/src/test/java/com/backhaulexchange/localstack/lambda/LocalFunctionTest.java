package com.backhaulexchange.localstack.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import com.backhaulexchange.localstack.support.Json;
import com.backhaulexchange.localstack.template.FunctionDefinition;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LocalFunctionTest {

    private final ByteArrayOutputStream logs = new ByteArrayOutputStream();
    private final List<LocalFunction> initialized = new ArrayList<>();

    @AfterEach
    void closeFunctions() {
        initialized.forEach(LocalFunction::close);
    }

    private LocalFunction initialize(Class<?> handler, int timeoutSeconds, String logLevel, Map<String, String> environment) {
        FunctionDefinition definition = new FunctionDefinition("TestFunction", handler.getName(), "handleRequest",
                timeoutSeconds, 512, logLevel, Map.of());
        LocalFunction function = LocalFunction.initialize(definition, environment,
                new PrintStream(logs, true, StandardCharsets.UTF_8), Clock.systemUTC());
        initialized.add(function);
        return function;
    }

    private String logged() {
        return logs.toString(StandardCharsets.UTF_8);
    }

    public static class WithEnvironment implements RequestHandler<String, String> {
        private final Map<String, String> environment;

        public WithEnvironment() {
            this(Map.of("FROM", "no-arg constructor"));
        }

        public WithEnvironment(Map<String, String> environment) {
            this.environment = environment;
        }

        @Override
        public String handleRequest(String input, Context context) {
            context.getLogger().log("plain " + input);
            context.getLogger().log("{\"level\":\"DEBUG\",\"message\":\"hidden at INFO\"}");
            context.getLogger().log("{\"level\":\"WARN\",\"message\":\"structured\",\"requestId\":\"api-1\"}");
            return environment.get("FROM") + "/" + context.getFunctionName() + "/" + context.getMemoryLimitInMB()
                    + "/" + (context.getRemainingTimeInMillis() > 0);
        }
    }

    public static class NoArgumentsOnly implements RequestHandler<String, String> {
        @Override
        public String handleRequest(String input, Context context) {
            return "no-arg:" + input;
        }
    }

    public abstract static class GenericBase<T> implements RequestHandler<T, String> {
        @Override
        public String handleRequest(T input, Context context) {
            return input.getClass().getSimpleName();
        }
    }

    public static class SqsThroughBase extends GenericBase<SQSEvent> {
    }

    public record Settings(String mode, int batch) {
    }

    public static class TakesRecord implements RequestHandler<Settings, String> {
        @Override
        public String handleRequest(Settings input, Context context) {
            return input.mode() + "x" + input.batch();
        }
    }

    public static class Sleeper implements RequestHandler<String, String> {
        @Override
        public String handleRequest(String input, Context context) {
            try {
                Thread.sleep(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return "late";
        }
    }

    public static class Thrower implements RequestHandler<String, String> {
        @Override
        public String handleRequest(String input, Context context) {
            throw new IllegalArgumentException("bad input " + input);
        }
    }

    public static class NotAHandler {
    }

    /** A stream handler with a typed entry, as the project's handlers are (ADR 36): it echoes the setting it read. */
    public static class Streamed implements RequestStreamHandler {
        @Override
        public void handleRequest(InputStream event, OutputStream answer, Context context) throws IOException {
            Settings settings = Json.MAPPER.readValue(event, Settings.class);
            answer.write(Json.MAPPER.writeValueAsBytes(handleRequest(settings, context)));
        }

        public Map<String, Object> handleRequest(Settings settings, Context context) {
            return Map.of("mode", settings.mode(), "doubled", settings.batch() * 2);
        }
    }

    @Test
    void aStreamHandlerGetsTheEventAsJsonAndItsAnswerIsReadBackAsJson() throws Exception {
        LocalFunction function = initialize(Streamed.class, 3, "INFO", Map.of());

        assertThat(function.accepts(Settings.class)).as("its typed entry's event type").isTrue();
        assertThat(function.accepts(SQSEvent.class)).isFalse();
        Object answer = function.invoke(new Settings("fast", 21));
        assertThat(answer).isInstanceOf(JsonNode.class);
        assertThat(((JsonNode) answer).path("mode").asText()).isEqualTo("fast");
        assertThat(((JsonNode) answer).path("doubled").asInt()).isEqualTo(42);
        assertThat(((JsonNode) function.invoke(Json.MAPPER.readTree("{\"mode\": \"slow\", \"batch\": 1}")))
                .path("doubled").asInt()).as("a JSON tree event, as a schedule's Input").isEqualTo(2);
    }

    @Test
    void theEnvironmentConstructorIsPreferredAndTheContextDescribesTheFunction() throws Exception {
        LocalFunction function = initialize(WithEnvironment.class, 3, "INFO", Map.of("FROM", "environment"));

        assertThat(function.invoke("x")).isEqualTo("environment/TestFunction/512/true");
        assertThat(function.instancesCreated()).isEqualTo(1);
    }

    @Test
    void theNoArgumentConstructorIsUsedOtherwise() throws Exception {
        assertThat(initialize(NoArgumentsOnly.class, 3, "INFO", Map.of()).invoke("y")).isEqualTo("no-arg:y");
    }

    @Test
    void theEventTypeIsFoundThroughGenericSuperclasses() throws Exception {
        LocalFunction function = initialize(SqsThroughBase.class, 3, "INFO", Map.of());

        assertThat(function.inputClass()).isEqualTo(SQSEvent.class);
        assertThat(function.accepts(SQSEvent.class)).isTrue();
        assertThat(function.accepts(String.class)).isFalse();
        assertThat(function.invoke(new SQSEvent())).isEqualTo("SQSEvent");
    }

    @Test
    void aJsonEventIsConvertedToTheHandlersType() throws Exception {
        LocalFunction function = initialize(TakesRecord.class, 3, "INFO", Map.of());

        assertThat(function.invoke(new ObjectMapper().readTree("{\"mode\":\"full\",\"batch\":3,\"extra\":true}")))
                .isEqualTo("fullx3");
    }

    @Test
    void logLinesAreJsonWithFunctionAndRequestIdAndStructuredMessagesAreMerged() throws Exception {
        initialize(WithEnvironment.class, 3, "INFO", Map.of()).invoke("hello");

        String[] lines = logged().strip().split("\n");
        assertThat(lines).hasSize(2);
        var plain = new ObjectMapper().readTree(lines[0]);
        assertThat(plain.path("message").asText()).isEqualTo("plain hello");
        assertThat(plain.path("level").asText()).isEqualTo("INFO");
        assertThat(plain.path("function").asText()).isEqualTo("TestFunction");
        assertThat(plain.path("requestId").asText()).isNotBlank();
        assertThat(plain.path("timestamp").asText()).endsWith("Z");
        var structured = new ObjectMapper().readTree(lines[1]);
        assertThat(structured.path("message").asText()).isEqualTo("structured");
        assertThat(structured.path("level").asText()).isEqualTo("WARN");
        assertThat(structured.path("requestId").asText()).isEqualTo("api-1");
        assertThat(structured.path("awsRequestId").asText()).isEqualTo(plain.path("requestId").asText());
    }

    @Test
    void theApplicationLogLevelFiltersMessages() throws Exception {
        initialize(WithEnvironment.class, 3, "WARN", Map.of()).invoke("hello");

        assertThat(logged()).doesNotContain("plain hello").contains("structured");
    }

    @Test
    void aHandlerErrorIsReportedLikeLambdaAndLogged() {
        LocalFunction function = initialize(Thrower.class, 3, "INFO", Map.of());

        assertThatThrownBy(() -> function.invoke("z"))
                .isInstanceOfSatisfying(FunctionInvocationException.class, e -> {
                    assertThat(e.getMessage()).isEqualTo("bad input z");
                    assertThat(e.errorType()).isEqualTo("java.lang.IllegalArgumentException");
                    assertThat(e.timedOut()).isFalse();
                });
        assertThat(logged()).contains("\"level\":\"ERROR\"").contains("bad input z").contains("stackTrace");
    }

    @Test
    void anInvocationPastTheTimeoutFailsAndItsInstanceIsDiscarded() throws Exception {
        LocalFunction function = initialize(Sleeper.class, 1, "INFO", Map.of());
        long started = System.nanoTime();

        assertThatThrownBy(() -> function.invoke("z"))
                .isInstanceOfSatisfying(FunctionInvocationException.class, e -> {
                    assertThat(e.timedOut()).isTrue();
                    assertThat(e.getMessage()).isEqualTo("Task timed out after 1.00 seconds");
                });
        assertThat((System.nanoTime() - started) / 1_000_000).isBetween(900L, 3_000L);
        assertThat(function.instancesCreated()).isEqualTo(1);
    }

    @Test
    void classesThatAreNotRequestHandlersAreRejected() {
        assertThatThrownBy(() -> initialize(NotAHandler.class, 3, "INFO", Map.of()))
                .isInstanceOf(FunctionInitializationException.class)
                .hasMessageContaining("RequestHandler");
    }

    @Test
    void levelNamesAreParsedLeniently() {
        assertThat(JsonLineLambdaLogger.parseLevel("warn", LogLevel.INFO)).isEqualTo(LogLevel.WARN);
        assertThat(JsonLineLambdaLogger.parseLevel("verbose", LogLevel.INFO)).isEqualTo(LogLevel.INFO);
    }
}
