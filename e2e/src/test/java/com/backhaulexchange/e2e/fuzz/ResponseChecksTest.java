package com.backhaulexchange.e2e.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.backhaulexchange.contract.OpenApiResponseValidator;
import com.backhaulexchange.contract.ProjectFiles;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The fuzz suite's checks report what they are for: each broken response below is caught, a sound one is not. */
class ResponseChecksTest {
    private static final ResponseChecks CHECKS = new ResponseChecks(new OpenApiResponseValidator(ProjectFiles.openApi()));
    private static final ApiOperations.Operation GET_LANE = new ApiOperations.Operation("getOwnLane", "GET",
            "/lanes/{laneId}", java.util.List.of(), Optional.empty(), true, Set.of(200, 401, 403, 404));
    private static final FuzzCase FIELD_CASE = new FuzzCase(GET_LANE, FuzzCase.Kind.HEADER, "test",
            FuzzWorld.Actor.CARRIER, "/lanes/01ARZ3NDEKTSV4RRFFQ69G5FAV", Map.of(), null);
    private static final String NOT_FOUND = """
            {"type":"https://backhaul.exchange/problems/not-found","title":"Not Found","status":404,\
            "detail":"No such lane."}""";

    @Test
    void aSoundProblemPasses() {
        assertThat(CHECKS.violations(FIELD_CASE, response(404, "application/problem+json", NOT_FOUND))).isEmpty();
    }

    @Test
    void aServerErrorIsCaught() {
        assertThat(CHECKS.violations(FIELD_CASE, response(500, "application/problem+json", NOT_FOUND.replace("404",
                "500")))).anyMatch(violation -> violation.startsWith("server error"));
    }

    @Test
    void anHtmlErrorIsCaught() {
        assertThat(CHECKS.violations(FIELD_CASE, response(400, "text/html", "<h1>400 Bad Request</h1>")))
                .anyMatch(violation -> violation.contains("not application/problem+json"));
    }

    @Test
    void aProblemWhoseStatusDisagreesIsCaught() {
        assertThat(CHECKS.violations(FIELD_CASE, response(404, "application/problem+json", NOT_FOUND.replace("404",
                "400")))).anyMatch(violation -> violation.contains("is not the response's 404"));
    }

    @Test
    void aStatusTheOperationDoesNotDeclareIsCaught() {
        assertThat(CHECKS.violations(FIELD_CASE, response(409, "application/problem+json", NOT_FOUND
                .replace("404", "409")))).anyMatch(violation -> violation.startsWith("contract: status 409"));
    }

    @Test
    void anExceptionNamedInABodyIsCaught() {
        assertThat(CHECKS.violations(FIELD_CASE, response(404, "application/problem+json", NOT_FOUND
                .replace("No such lane.", "java.lang.NullPointerException")))).contains("the body names an exception");
    }

    @Test
    void strangersAnswersMustNotDifferButMayNameTheirOwnIds() {
        var real = response(404, "application/problem+json", NOT_FOUND.replace("}", ",\"requestId\":\"a\"}"));
        var unknown = response(404, "application/problem+json", NOT_FOUND.replace("}", ",\"requestId\":\"b\"}"));
        assertThat(ResponseChecks.indistinguishable(real, Map.of("laneId", "X1"), unknown, Map.of("laneId", "Y2")))
                .isNull();
        var oracle = response(404, "application/problem+json", NOT_FOUND.replace("}", ",\"reasonCode\":\"NOT_A_PARTY\"}"));
        assertThat(ResponseChecks.indistinguishable(oracle, Map.of(), unknown, Map.of())).contains("can tell");
    }

    @Test
    void aLookalikeIdKeepsItsShapeButDiffers() {
        String ulid = "01M8XWVG8BP4P17N08BJTZVHQZ";
        String lookalike = FuzzCases.lookalike(ulid, new Random(1));
        assertThat(lookalike).hasSize(ulid.length()).isNotEqualTo(ulid).matches("[0-9A-HJKMNP-TV-Z]{26}");
        assertThat(FuzzCases.lookalike("44e362b6db562c738c08a03cf5503770", new Random(1))).matches("[0-9a-f]{32}");
    }

    private static RawHttp.Response response(int status, String contentType, String body) {
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.put("Content-Type", contentType);
        return new RawHttp.Response(status, headers, body);
    }
}
