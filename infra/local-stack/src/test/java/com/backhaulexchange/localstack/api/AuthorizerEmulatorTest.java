package com.backhaulexchange.localstack.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayCustomAuthorizerEvent;
import com.backhaulexchange.localstack.lambda.LocalFunction;
import com.backhaulexchange.localstack.template.ApiDefinition;
import com.backhaulexchange.localstack.template.AuthorizerDefinition;
import com.backhaulexchange.localstack.template.AuthorizerDefinition.PayloadType;
import com.backhaulexchange.localstack.template.FunctionDefinition;
import com.backhaulexchange.localstack.template.RouteDefinition;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Caching and TOKEN authorizers, which the fixture's REQUEST authorizer without caching does not cover. */
class AuthorizerEmulatorTest {

    /** Allows GET only, and answers with the token it saw as the principal. */
    public static class GetOnlyAuthorizer implements RequestHandler<APIGatewayCustomAuthorizerEvent, Map<String, Object>> {
        static final AtomicInteger CALLS = new AtomicInteger();

        @Override
        public Map<String, Object> handleRequest(APIGatewayCustomAuthorizerEvent event, Context context) {
            CALLS.incrementAndGet();
            String token = event.getType().equals("TOKEN")
                    ? event.getAuthorizationToken()
                    : event.getHeaders().get("Authorization");
            return Map.of(
                    "principalId", token,
                    "policyDocument", Map.of("Version", "2012-10-17", "Statement", List.of(Map.of(
                            "Effect", "Allow", "Action", "execute-api:Invoke",
                            "Resource", "arn:aws:execute-api:*:*:local/v1/GET/*"))),
                    "context", Map.of("type", event.getType()));
        }
    }

    private final MutableClock clock = new MutableClock();
    private final LocalFunction function = LocalFunction.initialize(new FunctionDefinition("Authorizer",
            GetOnlyAuthorizer.class.getName(), "handleRequest", 3, 128, "INFO", Map.of()), Map.of());
    private final AuthorizerEmulator emulator = new AuthorizerEmulator(id -> function, clock);

    @AfterEach
    void closeFunction() {
        function.close();
    }

    private static AuthorizerDefinition authorizer(PayloadType type, int ttlSeconds, Optional<String> validation) {
        return new AuthorizerDefinition("Auth", "Authorizer", type, List.of("Authorization"), List.of(), ttlSeconds, validation);
    }

    private static ApiDefinition api(AuthorizerDefinition authorizer) {
        return new ApiDefinition("Api", "v1", Optional.of("Auth"), Map.of("Auth", authorizer), Map.of());
    }

    private static IncomingRequest request(String method, String token) {
        return new IncomingRequest("r", 0L, method, "/things/1", "",
                token == null ? Map.of() : Map.of("Authorization", List.of(token)), new byte[0], "127.0.0.1", 3000);
    }

    private static RouteMatch.Found match(String method) {
        return new RouteMatch.Found(new RouteDefinition("Fn", "E", "Api", method, "/things/{id}", Optional.of("Auth")),
                PathTemplate.parse("/things/{id}"), Map.of("id", "1"));
    }

    private AuthorizerOutcome authorize(AuthorizerDefinition authorizer, String method, String token) {
        return emulator.authorize(api(authorizer), authorizer, request(method, token), match(method));
    }

    @Test
    void aCachedAnswerIsReusedAndItsPolicyEvaluatedAgainstEachNewMethod() {
        AuthorizerDefinition cached = authorizer(PayloadType.REQUEST, 300, Optional.empty());
        int before = GetOnlyAuthorizer.CALLS.get();

        assertThat(authorize(cached, "GET", "Bearer a")).isInstanceOf(AuthorizerOutcome.Allowed.class);
        assertThat(authorize(cached, "GET", "Bearer a")).isInstanceOf(AuthorizerOutcome.Allowed.class);
        assertThat(authorize(cached, "DELETE", "Bearer a")).isInstanceOfSatisfying(AuthorizerOutcome.Rejected.class,
                rejected -> assertThat(rejected.error().responseType()).isEqualTo("ACCESS_DENIED"));
        assertThat(GetOnlyAuthorizer.CALLS.get()).isEqualTo(before + 1);

        assertThat(authorize(cached, "GET", "Bearer b")).isInstanceOf(AuthorizerOutcome.Allowed.class);
        assertThat(GetOnlyAuthorizer.CALLS.get()).isEqualTo(before + 2);

        clock.advanceSeconds(301);
        authorize(cached, "GET", "Bearer a");
        assertThat(GetOnlyAuthorizer.CALLS.get()).isEqualTo(before + 3);
    }

    @Test
    void withoutCachingEveryRequestCallsTheAuthorizer() {
        AuthorizerDefinition uncached = authorizer(PayloadType.REQUEST, 0, Optional.empty());
        int before = GetOnlyAuthorizer.CALLS.get();

        authorize(uncached, "GET", "Bearer a");
        authorize(uncached, "GET", "Bearer a");

        assertThat(GetOnlyAuthorizer.CALLS.get()).isEqualTo(before + 2);
    }

    @Test
    void aTokenAuthorizerGetsTheTokenAndItsValidationExpressionIsApplied() {
        AuthorizerDefinition token = authorizer(PayloadType.TOKEN, 0, Optional.of("Bearer [a-z]+"));
        int before = GetOnlyAuthorizer.CALLS.get();

        assertThat(authorize(token, "GET", "Bearer abc")).isInstanceOfSatisfying(AuthorizerOutcome.Allowed.class, allowed -> {
            assertThat(allowed.requestContextAuthorizer()).containsEntry("principalId", "Bearer abc")
                    .containsEntry("type", "TOKEN");
        });
        assertThat(authorize(token, "GET", "Basic xyz")).isInstanceOfSatisfying(AuthorizerOutcome.Rejected.class,
                rejected -> assertThat(rejected.error().responseType()).isEqualTo("UNAUTHORIZED"));
        assertThat(authorize(token, "GET", null)).isInstanceOf(AuthorizerOutcome.Rejected.class);
        assertThat(GetOnlyAuthorizer.CALLS.get()).isEqualTo(before + 1);
    }

    private static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advanceSeconds(long seconds) {
            now = now.plusSeconds(seconds);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
