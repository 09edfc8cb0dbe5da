package com.backhaulexchange.adapter.http;

import static com.backhaulexchange.adapter.http.Requests.event;
import static org.assertj.core.api.Assertions.assertThat;

import com.backhaulexchange.adapter.json.Json;
import com.backhaulexchange.adapter.http.problem.FieldError;
import com.backhaulexchange.adapter.http.problem.ProblemException;
import com.backhaulexchange.adapter.http.problem.ProblemType;
import com.backhaulexchange.testing.RecordingContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ApiRouterTest {
    private static final ObjectMapper MAPPER = Json.newMapper();
    private static final String SECRET_IN_EXCEPTION = "jdbc-password=hunter2 at db.internal:5432";

    private final RecordingContext context = new RecordingContext();
    private final ApiRouter router = new ApiRouter(MAPPER)
            .route("GET", "/partners/{partnerId}", request -> ApiResponse.json(MAPPER, 200,
                    MAPPER.createObjectNode().put("partnerId", request.pathParameter("partnerId"))))
            .route("post", "/partners", request -> {
                throw ProblemException.invalidField("/legalName", "is required");
            })
            .route("DELETE", "/partners/me", request -> {
                throw new IllegalStateException(SECRET_IN_EXCEPTION);
            });

    private static JsonNode body(com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent response)
            throws Exception {
        return MAPPER.readTree(response.getBody());
    }

    @Test
    void aKnownRouteRunsItsAction() throws Exception {
        var request = event("GET", "/partners/{partnerId}", Map.of(), null)
                .withPathParameters(Map.of("partnerId", "01JDA1B2C3D4E5F6G7H8J9K0MN"));

        var response = router.handle(request, context.getLogger());

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getHeaders()).containsEntry("Content-Type", "application/json")
                .containsEntry("Cache-Control", "no-store").containsEntry("X-Content-Type-Options", "nosniff");
        assertThat(body(response).path("partnerId").asText()).isEqualTo("01JDA1B2C3D4E5F6G7H8J9K0MN");
    }

    @Test
    void theMethodMatchesWhateverItsCase() {
        var response = router.handle(event("Post", "/partners", Map.of(), "{}"), context.getLogger());
        assertThat(response.getStatusCode()).isEqualTo(400);
    }

    @Test
    void anUnknownRouteIsANotFoundProblem() throws Exception {
        var response = router.handle(event("PUT", "/partners/{partnerId}", Map.of(), null), context.getLogger());

        assertThat(response.getStatusCode()).isEqualTo(404);
        assertThat(response.getHeaders()).containsEntry("Content-Type", "application/problem+json");
        var problem = body(response);
        assertThat(problem.path("type").asText()).isEqualTo(ProblemType.NOT_FOUND.uri());
        assertThat(problem.path("status").asInt()).isEqualTo(404);
        assertThat(problem.path("requestId").asText()).isEqualTo("req-7f3a");
    }

    @Test
    void aProblemExceptionBecomesItsProblemWithTheRequestId() throws Exception {
        var response = router.handle(event("POST", "/partners", Map.of(), "{}"), context.getLogger());

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(response.getHeaders()).containsEntry("Content-Type", "application/problem+json");
        var problem = body(response);
        assertThat(problem.path("type").asText()).isEqualTo(ProblemType.VALIDATION_FAILED.uri());
        assertThat(problem.path("title").asText()).isEqualTo(ProblemType.VALIDATION_FAILED.title());
        assertThat(problem.path("status").asInt()).isEqualTo(400);
        assertThat(problem.path("requestId").asText()).isEqualTo("req-7f3a");
        assertThat(MAPPER.convertValue(problem.path("errors"), FieldError[].class))
                .containsExactly(new FieldError("/legalName", "is required"));
        assertThat(context.logLines()).singleElement().asString().contains("\"status\":400").contains("req-7f3a");
    }

    @Test
    void aProblemWithoutFieldErrorsHasNoErrorsMember() throws Exception {
        var response = router.handle(event("PUT", "/nowhere", Map.of(), null), context.getLogger());
        assertThat(body(response).has("errors")).isFalse();
    }

    @Test
    void anUnexpectedExceptionIsAnInternalErrorThatDoesNotLeakItsMessage() throws Exception {
        var response = router.handle(event("DELETE", "/partners/me", Map.of(), null), context.getLogger());

        assertThat(response.getStatusCode()).isEqualTo(500);
        assertThat(response.getHeaders()).containsEntry("Content-Type", "application/problem+json");
        assertThat(response.getBody()).doesNotContain("hunter2").doesNotContain("IllegalStateException")
                .doesNotContain("db.internal");
        var problem = body(response);
        assertThat(problem.path("type").asText()).isEqualTo(ProblemType.INTERNAL_ERROR.uri());
        assertThat(problem.path("detail").asText()).contains("req-7f3a");
        assertThat(problem.path("requestId").asText()).isEqualTo("req-7f3a");
    }

    @Test
    void anUnexpectedExceptionIsLoggedInFullForTheOperators() throws Exception {
        router.handle(event("DELETE", "/partners/me", Map.of(), null), context.getLogger());

        List<String> lines = context.logLines();
        assertThat(lines).hasSize(1);
        var line = MAPPER.readTree(lines.get(0));
        assertThat(line.path("level").asText()).isEqualTo("ERROR");
        assertThat(line.path("exception").asText()).contains("IllegalStateException").contains("hunter2");
        assertThat(line.path("requestId").asText()).isEqualTo("req-7f3a");
    }

    @Test
    void aRequestWithoutContextStillGetsAProblem() {
        var request = event("GET", "/unknown", null, null).withRequestContext(null);
        var response = router.handle(request, context.getLogger());
        assertThat(response.getStatusCode()).isEqualTo(404);
        assertThat(response.getBody()).contains("\"requestId\":\"unknown\"");
    }

    @Test
    void theRouterListsItsRoutes() {
        assertThat(router.routeKeys()).containsExactly("GET /partners/{partnerId}", "POST /partners",
                "DELETE /partners/me");
    }
}
