package com.backhaulexchange.e2e.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.backhaulexchange.contract.OpenApiResponseValidator;
import com.backhaulexchange.contract.ProjectFiles;
import com.backhaulexchange.e2e.Http;
import com.backhaulexchange.e2e.Journeys;
import com.backhaulexchange.localstack.LocalStack;
import com.backhaulexchange.testing.TableContents;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Every operation of the OpenAPI document, fuzzed over real HTTP against the local stack: its valid request with one
 * thing wrong at a time (see {@link FuzzCases}). For every response: no 5xx, every error a problem, every answer
 * true to the document; a rejected write stores nothing; a stranger cannot tell the world's objects from unknown
 * ids. Seeded and bounded: {@code -Dfuzz.seed} and {@code -Dfuzz.fieldCases} (field changes per operation) make a
 * longer run ({@code ./bhx fuzz}); the summary goes to {@code target/fuzz/summary.txt}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiFuzzTest {
    private static final String OPERATOR_KEY = "bhxop_" + "FuzzOperatorKey0123456789abcdefghijklmnopqrstu".substring(0, 43);
    private static final long SEED = Long.getLong("fuzz.seed", 20261203L);
    private static final int FIELD_CASES_PER_OPERATION = Integer.getInteger("fuzz.fieldCases", 40);
    private static final Pattern DESTRUCTIVE = Pattern.compile(
            "(?i).*(withdraw|cancel|reject|decline|leave|revoke|delete|clear|accept|suspend|reinstate|rotate).*");

    private LocalStack stack;
    private FuzzWorld world;
    private StoredState stored;
    private ApiOperations api;
    private RawHttp http;
    private ResponseChecks checks;
    private final Map<String, List<String>> failures = new TreeMap<>();
    private final Map<Integer, Integer> statuses = new TreeMap<>();
    private int requests;

    @BeforeAll
    void startTheStackAndBuildTheWorld() {
        stack = LocalStack.builder()
                .templatePath(ProjectFiles.template())
                .httpPort(0)
                .parameter("OperatorKeySha256", Journeys.sha256Hex(OPERATOR_KEY))
                .parameter("WebhookAllowLoopbackUrls", "true")
                .runSchedules(false)
                .start();
        world = new FuzzWorld(new Http(stack.httpBaseUrl()), OPERATOR_KEY).build();
        stored = new StoredState(stack);
        api = ApiOperations.read(ProjectFiles.openApi());
        http = new RawHttp(stack.httpBaseUrl());
        checks = new ResponseChecks(new OpenApiResponseValidator(ProjectFiles.openApi()));
    }

    @AfterAll
    void stop() {
        if (stored != null) {
            stored.close();
        }
        if (world != null) {
            world.close();
        }
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    @DisplayName("no request to any operation gets a 5xx, an error that is not a problem, an answer the document"
            + " does not allow, a write on rejection, or tells a stranger what exists")
    void everyOperationWithstandsHostileInput() throws IOException {
        long started = System.nanoTime();
        var cases = new FuzzCases(world, new SchemaExamples(api), SEED, FIELD_CASES_PER_OPERATION);
        List<ApiOperations.Operation> operations = new ArrayList<>(api.all());
        operations.sort(Comparator.comparingInt(ApiFuzzTest::rank));

        for (var operation : operations) {
            cases.foreignAndUnknown(operation).ifPresent(this::compareForeignWithUnknown);
        }
        Map<String, Integer> casesByOperation = new LinkedHashMap<>();
        for (var operation : operations) {
            List<FuzzCase> operationCases = cases.of(operation);
            casesByOperation.put(operation.operationId(), operationCases.size());
            TableContents baseline = operation.writes() ? stored.settled() : null;
            for (FuzzCase fuzzCase : operationCases) {
                RawHttp.Response response = send(fuzzCase);
                checks.violations(fuzzCase, response).forEach(violation -> fail(fuzzCase, violation, response));
                if (!operation.writes()) {
                    continue;
                }
                if (response.status() >= 400) {
                    TableContents after = stored.now();
                    if (!after.equals(baseline)) {
                        baseline = recheckRejectedWrite(fuzzCase, response);
                    }
                } else {
                    baseline = stored.settled();
                }
            }
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
        String summary = summary(casesByOperation, elapsed);
        System.out.println(summary);
        Path report = Path.of("target", "fuzz", "summary.txt");
        Files.createDirectories(report.getParent());
        Files.writeString(report, summary);

        assertThat(casesByOperation).as("every operation of the document is fuzzed").hasSize(api.all().size());
        assertThat(failures).as(report()).isEmpty();
    }

    /**
     * Background work (a webhook delivery, a match request) may land between two reads; a rejected write is only
     * reported when the same request, sent again on a settled stack, changes the state again.
     */
    private TableContents recheckRejectedWrite(FuzzCase fuzzCase, RawHttp.Response first) {
        TableContents settled = stored.settled();
        RawHttp.Response again = send(fuzzCase);
        TableContents after = stored.now();
        if (again.status() >= 400 && !after.equals(settled)) {
            fail(fuzzCase, "a rejected write (" + again.status() + ") changed the stored state: "
                    + StoredState.difference(settled, after), again);
            return stored.settled();
        }
        return again.status() >= 400 ? settled : stored.settled();
    }

    private void compareForeignWithUnknown(List<FuzzCase> pair) {
        FuzzCase real = pair.get(0);
        FuzzCase unknown = pair.get(1);
        RawHttp.Response realResponse = send(real);
        RawHttp.Response unknownResponse = send(unknown);
        Map<String, String> realIds = idsOf(real);
        Map<String, String> unknownIds = idsOf(unknown);
        String difference = ResponseChecks.indistinguishable(realResponse, realIds, unknownResponse, unknownIds);
        if (difference != null) {
            fail(real, difference, realResponse);
        }
        if (realResponse.status() / 100 == 2) {
            fail(real, "a stranger's request on the world's objects succeeded", realResponse);
        }
    }

    private Map<String, String> idsOf(FuzzCase fuzzCase) {
        Map<String, String> ids = new LinkedHashMap<>();
        String[] templateSegments = fuzzCase.operation().pathTemplate().split("/");
        String[] segments = fuzzCase.target().split("\\?")[0].split("/");
        for (int i = 0; i < templateSegments.length && i < segments.length; i++) {
            String parameter = templateSegments[i].startsWith("{")
                    ? templateSegments[i].substring(1, templateSegments[i].length() - 1) : null;
            if (parameter != null && FuzzWorld.namesAPrivateObject(parameter)) {
                ids.put(parameter, segments[i]);
            }
        }
        return ids;
    }

    private RawHttp.Response send(FuzzCase fuzzCase) {
        RawHttp.Response response = http.send(fuzzCase.operation().method(), fuzzCase.target(), fuzzCase.headers(),
                fuzzCase.body());
        requests++;
        statuses.merge(response.status(), 1, Integer::sum);
        return response;
    }

    private void fail(FuzzCase fuzzCase, String violation, RawHttp.Response response) {
        String group = fuzzCase.operation() + ": " + violation.replaceAll("[0-9]+", "#");
        String groupKey = group.length() > 120 ? group.substring(0, 120) : group;
        failures.computeIfAbsent(groupKey, key -> new ArrayList<>()).add(fuzzCase + "\n        " + violation
                + "\n        ← " + response.status() + " " + RawHttp.abbreviate(response.body()));
    }

    private String report() {
        StringBuilder report = new StringBuilder(failures.size() + " kinds of failure:\n");
        failures.forEach((group, examples) -> {
            report.append("\n• ").append(group).append(" (").append(examples.size()).append(" cases), e.g.\n");
            examples.stream().limit(2).forEach(example -> report.append("    ").append(example).append('\n'));
        });
        return report.toString();
    }

    private String summary(Map<String, Integer> casesByOperation, Duration elapsed) {
        return "API fuzz run: seed " + SEED + ", " + FIELD_CASES_PER_OPERATION + " field changes per operation, "
                + casesByOperation.size() + " operations, " + requests + " requests in " + elapsed.toSeconds()
                + " s; statuses " + statuses + "; " + failures.values().stream().mapToInt(List::size).sum()
                + " failing requests in " + failures.size() + " kinds.";
    }

    /** Reads first, then writes, then what ends the world's objects (withdrawals, cancellations, suspensions). */
    private static int rank(ApiOperations.Operation operation) {
        if (!operation.writes()) {
            return 0;
        }
        if (operation.pathTemplate().startsWith("/operator/partners")) {
            return 3;
        }
        return DESTRUCTIVE.matcher(operation.operationId()).matches() || operation.method().equals("DELETE") ? 2 : 1;
    }
}
