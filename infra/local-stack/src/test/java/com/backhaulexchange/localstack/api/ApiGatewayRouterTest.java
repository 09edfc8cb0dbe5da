package com.backhaulexchange.localstack.api;

import static com.backhaulexchange.localstack.FixtureStack.get;
import static com.backhaulexchange.localstack.FixtureStack.send;
import static org.assertj.core.api.Assertions.assertThat;

import com.backhaulexchange.localstack.FixtureStack;
import com.backhaulexchange.localstack.LocalStack;
import com.backhaulexchange.localstack.fixture.EchoHandler;
import com.backhaulexchange.localstack.fixture.TestAuthorizerHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiGatewayRouterTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String GOOD = "Bearer good";

    private LocalStack stack;

    @BeforeAll
    void startStack() {
        stack = FixtureStack.start();
    }

    @AfterAll
    void stopStack() {
        stack.close();
    }

    private static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("Not JSON: " + response.body(), e);
        }
    }

    @Nested
    class Routing {

        @Test
        void literalSegmentsBeatPathParameters() {
            JsonNode mine = json(get(stack, "/items/mine", "Authorization", GOOD));
            assertThat(mine.path("resource").asText()).isEqualTo("/items/mine");
            assertThat(mine.path("pathParameters").isNull()).isTrue();

            JsonNode item = json(get(stack, "/items/it%20em-7", "Authorization", GOOD));
            assertThat(item.path("resource").asText()).isEqualTo("/items/{itemId}");
            assertThat(item.path("path").asText()).isEqualTo("/items/it%20em-7");
            assertThat(item.path("pathParameters").path("itemId").asText()).isEqualTo("it em-7");
        }

        @Test
        void queryParametersArriveSingleAndMultiValued() {
            JsonNode echo = json(get(stack, "/items/mine?a=1&a=2&b=x%20y&flag", "Authorization", GOOD));

            assertThat(echo.path("queryStringParameters").toString()).isEqualTo("{\"a\":\"2\",\"b\":\"x y\",\"flag\":\"\"}");
            assertThat(echo.path("multiValueQueryStringParameters").toString())
                    .isEqualTo("{\"a\":[\"1\",\"2\"],\"b\":[\"x y\"],\"flag\":[\"\"]}");
            assertThat(json(get(stack, "/items/mine", "Authorization", GOOD)).path("queryStringParameters").isNull()).isTrue();
        }

        @Test
        void theDeployedStagePrefixIsOptional() {
            HttpResponse<String> response = get(stack, "/v1/items/mine", "Authorization", GOOD);

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(json(response).path("path").asText()).isEqualTo("/items/mine");
            assertThat(json(response).path("requestContext").path("stage").asText()).isEqualTo("v1");
        }

        @Test
        void headersArriveWithAllTheirValues() {
            JsonNode echo = json(send(stack, "GET", "/public/ping", null, "X-Custom", "one", "X-Custom", "two"));

            JsonNode multi = field(echo.path("multiValueHeaders"), "X-Custom");
            assertThat(multi.toString()).isEqualTo("[\"one\",\"two\"]");
            assertThat(field(echo.path("headers"), "X-Custom").asText()).isEqualTo("two");
            assertThat(field(echo.path("headers"), "X-Forwarded-For").asText()).isEqualTo("127.0.0.1");
        }

        @Test
        void textBodiesArriveAsTextAndBinaryBodiesAsBase64() throws Exception {
            JsonNode text = json(send(stack, "POST", "/items", "{\"name\":\"crate\"}", "Authorization", GOOD));
            assertThat(text.path("body").asText()).isEqualTo("{\"name\":\"crate\"}");
            assertThat(text.path("isBase64Encoded").asBoolean()).isFalse();

            HttpResponse<String> binary = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(stack.httpBaseUrl() + "/public/upload"))
                            .PUT(HttpRequest.BodyPublishers.ofByteArray(new byte[] {(byte) 0xff, (byte) 0xfe, 0}))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(json(binary).path("body").asText()).isEqualTo("//4A");
            assertThat(json(binary).path("isBase64Encoded").asBoolean()).isTrue();
            assertThat(json(binary).path("httpMethod").asText()).isEqualTo("PUT");
        }

        @Test
        void theRequestContextDescribesTheRequest() {
            HttpResponse<String> response = get(stack, "/items/mine", "Authorization", GOOD);
            JsonNode context = json(response).path("requestContext");

            assertThat(context.path("requestId").asText()).isEqualTo(response.headers().firstValue("x-amzn-RequestId").orElseThrow());
            assertThat(context.path("resourcePath").asText()).isEqualTo("/items/mine");
            assertThat(context.path("httpMethod").asText()).isEqualTo("GET");
            assertThat(context.path("sourceIp").asText()).isEqualTo("127.0.0.1");
            assertThat(context.path("requestTimeEpoch").asLong()).isGreaterThan(1_700_000_000_000L);
        }

        @Test
        void functionsRunWithTheirEnvironmentAndTimeout() {
            JsonNode echo = json(get(stack, "/public/ping"));

            JsonNode environment = echo.path("environment");
            assertThat(environment.path("TABLE_NAME").asText()).isEqualTo("OrdersTable");
            assertThat(environment.path("QUEUE_URL").asText()).isEqualTo(stack.queueUrl("WorkQueue"));
            assertThat(environment.path("AWS_ENDPOINT_URL_DYNAMODB").asText()).isEqualTo(stack.dynamoDbEndpoint().toString());
            assertThat(environment.path("AWS_ENDPOINT_URL_SQS").asText()).isEqualTo(stack.sqsEndpoint().toString());
            assertThat(environment.path("AWS_REGION").asText()).isEqualTo("us-east-1");
            assertThat(environment.path("AWS_ACCESS_KEY_ID").asText()).isNotBlank();
            assertThat(environment.path("BHX_LOCAL_STACK").asText()).isEqualTo("true");
            assertThat(echo.path("functionName").asText()).isEqualTo("EchoFunction");
            assertThat(echo.path("remainingTimeInMillis").asInt()).isBetween(8_000, 10_000);
        }

        @Test
        void theFunctionsResponseIsWrittenBack() throws Exception {
            HttpResponse<String> response = get(stack, "/public/ping", "X-Echo-Status", "201");
            assertThat(response.statusCode()).isEqualTo(201);
            assertThat(response.headers().firstValue("X-Echo")).contains("yes");
            assertThat(response.headers().allValues("X-Multi")).containsExactly("a", "b");
            assertThat(response.headers().firstValue("Content-Type")).contains("application/json");

            HttpResponse<byte[]> binary = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(stack.httpBaseUrl() + "/public/files/data/binary.bin")).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(binary.body()).containsExactly(0, 1, 2, 0xff);
            assertThat(binary.headers().firstValue("Content-Type")).contains("application/octet-stream");
        }

        @Test
        void unknownRoutesGetTheMissingAuthenticationTokenResponse() {
            HttpResponse<String> response = get(stack, "/nowhere", "X-Trace", "t-1");

            assertThat(response.statusCode()).isEqualTo(404);
            assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
            assertThat(response.headers().firstValue("X-Requested-Path")).contains("t-1");
            JsonNode body = json(response);
            assertThat(body.path("title").asText()).isEqualTo("Not Found");
            assertThat(body.path("requestId").asText()).isEqualTo(response.headers().firstValue("x-amzn-RequestId").orElseThrow());
            assertThat(body.path("unknown").asText()).isEmpty();
        }

        @Test
        void aMethodTheResourceDoesNotHaveIsAlsoMissingAuthenticationToken() {
            int before = TestAuthorizerHandler.INVOCATIONS.get();
            HttpResponse<String> response = send(stack, "DELETE", "/items/mine", null, "Authorization", GOOD);

            assertThat(response.statusCode()).isEqualTo(404);
            assertThat(json(response).path("title").asText()).isEqualTo("Not Found");
            assertThat(TestAuthorizerHandler.INVOCATIONS.get()).isEqualTo(before);
        }

        @Test
        void aFailingFunctionIs502WithTheDefault5xxResponse() {
            HttpResponse<String> response = get(stack, "/public/files/boom");

            assertThat(response.statusCode()).isEqualTo(502);
            assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
            assertThat(json(response).path("type").asText()).isEqualTo("DEFAULT_5XX");
            assertThat(json(response).path("detail").asText()).isEqualTo("Internal server error");
        }

        @Test
        void aMalformedProxyResponseIs502() {
            assertThat(get(stack, "/public/files/no-status").statusCode()).isEqualTo(502);
        }

        @Test
        void aFunctionRunningPastItsTimeoutIs502() {
            long started = System.nanoTime();
            HttpResponse<String> response = get(stack, "/public/timeout/slow?millis=4000");

            assertThat(response.statusCode()).isEqualTo(502);
            assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(3_000);
        }

        @Test
        void requestsOver10MbAre413() {
            HttpResponse<String> response = send(stack, "POST", "/public/upload", "x".repeat(10 * 1024 * 1024 + 1));

            assertThat(response.statusCode()).isEqualTo(413);
            assertThat(json(response).path("message").asText()).isEqualTo("Request Too Long");
            assertThat(send(stack, "POST", "/public/upload", "x".repeat(1024 * 1024)).statusCode()).isEqualTo(200);
        }

        @Test
        void requestsAreServedConcurrentlyEachByItsOwnHandlerInstance() {
            long started = System.nanoTime();
            List<CompletableFuture<HttpResponse<String>>> responses = new ArrayList<>();
            try (ExecutorService clients = Executors.newFixedThreadPool(6)) {
                for (int i = 0; i < 6; i++) {
                    responses.add(CompletableFuture.supplyAsync(() -> get(stack, "/public/files/slow?millis=700"), clients));
                }
                responses.forEach(response -> assertThat(response.join().statusCode()).isEqualTo(200));
            }

            assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(6 * 700);
            assertThat(stack.function("EchoFunction").instancesCreated()).isGreaterThan(1);
        }
    }

    @Nested
    class Authorization {

        @Test
        void aMissingIdentityHeaderIs401WithoutCallingTheAuthorizer() {
            int before = TestAuthorizerHandler.INVOCATIONS.get();

            HttpResponse<String> response = get(stack, "/items/mine");

            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
            assertThat(response.headers().firstValue("WWW-Authenticate")).contains("Bearer realm=\"fixture\"");
            JsonNode body = json(response);
            assertThat(body.path("title").asText()).isEqualTo("Unauthorized");
            assertThat(body.path("detail").asText()).isEqualTo("Unauthorized");
            assertThat(body.path("requestId").asText()).isEqualTo(response.headers().firstValue("x-amzn-RequestId").orElseThrow());
            assertThat(get(stack, "/items/mine", "Authorization", " ").statusCode()).isEqualTo(401);
            assertThat(TestAuthorizerHandler.INVOCATIONS.get()).isEqualTo(before);
        }

        @Test
        void anUnauthorizedErrorFromTheAuthorizerIs401() {
            int before = TestAuthorizerHandler.INVOCATIONS.get();

            HttpResponse<String> response = get(stack, "/items/mine", "Authorization", "Bearer unknown");

            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(json(response).path("title").asText()).isEqualTo("Unauthorized");
            assertThat(TestAuthorizerHandler.INVOCATIONS.get()).isEqualTo(before + 1);
        }

        @Test
        void anExplicitDenyIs403WithTheAuthorizersReason() {
            HttpResponse<String> response = get(stack, "/items/mine", "Authorization", "Bearer forbidden");

            assertThat(response.statusCode()).isEqualTo(403);
            assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
            JsonNode body = json(response);
            assertThat(body.path("detail").asText()).isEqualTo("Partner \"p-bad\" is suspended");
            assertThat(body.path("type").asText()).isEqualTo("ACCESS_DENIED");
        }

        @Test
        void aPolicyThatDoesNotCoverTheMethodIs403() {
            assertThat(get(stack, "/items/i-1", "Authorization", "Bearer narrow").statusCode()).isEqualTo(200);

            HttpResponse<String> response = send(stack, "POST", "/items", "{}", "Authorization", "Bearer narrow");

            assertThat(response.statusCode()).isEqualTo(403);
            assertThat(json(response).path("detail").asText()).isEmpty();
        }

        @Test
        void aFailingAuthorizerIs500() {
            HttpResponse<String> broken = get(stack, "/items/mine", "Authorization", "Bearer broken");
            assertThat(broken.statusCode()).isEqualTo(500);
            assertThat(json(broken).path("type").asText()).isEqualTo("AUTHORIZER_CONFIGURATION_ERROR");

            assertThat(get(stack, "/items/mine", "Authorization", "Bearer nested").statusCode()).isEqualTo(500);
        }

        @Test
        void theAuthorizersContextReachesTheFunction() {
            HttpResponse<String> post = send(stack, "POST", "/items/i-9/suspend", "", "Authorization", GOOD);
            JsonNode authorizer = json(post).path("requestContext").path("authorizer");

            assertThat(post.statusCode()).isEqualTo(200);
            assertThat(authorizer.path("principalId").asText()).isEqualTo("p-good");
            assertThat(authorizer.path("partnerId").asText()).isEqualTo("p-good");
            assertThat(authorizer.path("admin").isTextual()).isTrue();
            assertThat(authorizer.path("admin").asText()).isEqualTo("true");
            assertThat(authorizer.path("quota").asText()).isEqualTo("42");
            assertThat(authorizer.path("integrationLatency").isNumber()).isTrue();
            assertThat(authorizer.path("seenType").asText()).isEqualTo("REQUEST");
            assertThat(authorizer.path("seenResource").asText()).isEqualTo("/items/{itemId}/suspend");
            assertThat(authorizer.path("seenMethodArn").asText())
                    .isEqualTo("arn:aws:execute-api:us-east-1:000000000000:local/v1/POST/items/i-9/suspend");
        }

        @Test
        void routesWithoutAnAuthorizerDoNotCallIt() {
            int before = TestAuthorizerHandler.INVOCATIONS.get();

            HttpResponse<String> response = get(stack, "/public/ping");

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(json(response).path("requestContext").path("authorizer").isNull()).isTrue();
            assertThat(TestAuthorizerHandler.INVOCATIONS.get()).isEqualTo(before);
        }
    }

    @Test
    void healthListsTheEndpoints() {
        JsonNode health = json(get(stack, "/_local/health"));

        assertThat(health.path("status").asText()).isEqualTo("UP");
        assertThat(health.path("httpBaseUrl").asText()).isEqualTo(stack.httpBaseUrl().toString());
        assertThat(health.path("dynamoDbEndpoint").asText()).isEqualTo(stack.dynamoDbEndpoint().toString());
        assertThat(health.path("queues").path("WorkQueue").asText()).isEqualTo(stack.queueUrl("WorkQueue"));
        assertThat(EchoHandler.CONSTRUCTED.get()).isPositive();
    }

    private static JsonNode field(JsonNode object, String name) {
        for (var entry : object.properties()) {
            if (entry.getKey().equalsIgnoreCase(name)) {
                return entry.getValue();
            }
        }
        throw new AssertionError("No " + name + " in " + object);
    }
}
