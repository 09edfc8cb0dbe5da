package com.backhaulexchange.adapter.http;

import static com.backhaulexchange.adapter.http.Requests.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.backhaulexchange.adapter.http.problem.ProblemException;
import com.backhaulexchange.adapter.http.problem.ProblemType;
import com.backhaulexchange.kernel.policy.FieldViolation;
import com.backhaulexchange.kernel.policy.InvalidInputException;
import com.backhaulexchange.testing.RecordingContext;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ApiFunctionTest {
    private static final ApiTools HTTP = ApiTools.load();

    private final RecordingContext context = new RecordingContext();
    private final List<String> primed = new ArrayList<>();
    private final ApiFunction function = new ApiFunction(ApiFunctionTest.class, new ApiRouter(HTTP.mapper())
            .route("POST", "/partners", request -> ApiResponse.json(HTTP.mapper(), 201,
                    HTTP.bodies().read(request, "RegisterPartnerRequest")))
            .route("GET", "/partners/{partnerId}", request -> {
                throw new ProblemException(ProblemType.NOT_FOUND, "No partner " + request.pathParameter("partnerId"));
            })
            .route("POST", "/allocations/preview", request -> {
                throw new InvalidInputException("the game cannot be shared",
                        List.of(new FieldViolation("/coalitions/0/value", "must not exceed the grand coalition's")));
            }),
            () -> primed.add("schemas"), () -> primed.add("read"));

    private JsonNode body(com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent response)
            throws Exception {
        return HTTP.mapper().readTree(response.getBody());
    }

    @Test
    void aRouteThatRaisesAProblemIsAnsweredWithIt() throws Exception {
        var response = function.handle(event("GET", "/partners/{partnerId}", Map.of(), null)
                .withPathParameters(Map.of("partnerId", "01JDA1B2C3D4E5F6G7H8J9K0MN")), context);

        assertThat(response.getStatusCode()).isEqualTo(404);
        assertThat(response.getHeaders()).containsEntry("Content-Type", "application/problem+json");
        assertThat(body(response).path("detail").asText()).isEqualTo("No partner 01JDA1B2C3D4E5F6G7H8J9K0MN");
        assertThat(context.logLines()).singleElement().asString().contains("\"message\":\"request rejected\"")
                .contains("\"status\":404").contains("req-7f3a");
    }

    @Test
    void aCommandTheDomainCannotActOnIsAValidationProblemWithItsPointers() throws Exception {
        var response = function.handle(event("POST", "/allocations/preview",
                Map.of("Content-Type", "application/json"), "{}"), context);

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(body(response).path("errors").get(0).path("pointer").asText()).isEqualTo("/coalitions/0/value");
    }

    @Test
    void aBodyIsReadAgainstTheOpenApiSchemaOfTheTools() throws Exception {
        var response = function.handle(event("POST", "/partners", Map.of("Content-Type", "application/json"),
                "{\"legalName\": 7}"), context);

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(body(response).path("type").asText()).endsWith("/validation-failed");
    }

    @Test
    void theRoutesAreTheRoutersForTheConsistencyTests() {
        assertThat(function.routeKeys()).containsExactly("POST /partners", "GET /partners/{partnerId}",
                "POST /allocations/preview");
    }

    @Test
    void primingRoutesARequestNoRouteServesThenRunsTheFunctionsStepsAndLogsNoRequest() throws Exception {
        function.priming().beforeCheckpoint(null);

        assertThat(primed).containsExactly("schemas", "read");
        assertThat(function.priming().steps()).isEqualTo(3);
        assertThat(context.logLines()).isEmpty();
    }

    @Test
    void aFunctionThatServesThePrimingPathCannotBePrimed() {
        var served = new ApiFunction(ApiFunctionTest.class, new ApiRouter(HTTP.mapper())
                .route("GET", ApiFunction.PRIMING_PATH, request -> ApiResponse.noContent()));

        assertThatThrownBy(() -> served.priming().beforeCheckpoint(null))
                .hasMessageContaining("was answered 204, not 404");
    }

    @Test
    void schemasArePreloadedByName() {
        HTTP.schemas().preload("RegisterPartnerRequest", "RotateApiKeyRequest");
    }
}
