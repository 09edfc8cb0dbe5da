package com.backhaulexchange.e2e.fuzz;

import com.backhaulexchange.contract.OpenApiResponseValidator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What every response must be, whatever was sent: not a 5xx the operation does not declare; an error is an RFC 9457
 * problem (application/problem+json with type, title and the response's status) that leaks no internals; a response
 * to a request that reached its operation conforms to the operation's declared responses, formats included.
 */
final class ResponseChecks {
    private final OpenApiResponseValidator contract;

    ResponseChecks(OpenApiResponseValidator contract) {
        this.contract = contract;
    }

    List<String> violations(FuzzCase fuzzCase, RawHttp.Response response) {
        List<String> violations = new ArrayList<>();
        int status = response.status();
        var operation = fuzzCase.operation();
        if (status >= 500 && !(status == 503 && operation.declaredStatuses().contains(503))) {
            violations.add("server error " + status);
        }
        if (status >= 400) {
            violations.addAll(problemViolations(response));
        }
        if (response.body().contains("Exception") || response.body().contains("\tat ")) {
            violations.add("the body names an exception");
        }
        if (reachesItsOperation(fuzzCase) && status < 500) {
            contract.violations(operation.method(), operation.pathTemplate(), status, response.headers(),
                    response.body()).forEach(violation -> violations.add("contract: " + violation));
        }
        return violations;
    }

    /**
     * A request whose path no longer names the operation (a path id replaced by {@code ..} or a slash) is answered
     * by whatever route it now names, or by the gateway; one with a malformed percent-encoding is refused by the
     * gateway before any route. It must still be a problem, but not one of this operation's.
     */
    private static boolean reachesItsOperation(FuzzCase fuzzCase) {
        return fuzzCase.kind() != FuzzCase.Kind.PATH && !MALFORMED_PERCENT.matcher(fuzzCase.target()).find();
    }

    private static final java.util.regex.Pattern MALFORMED_PERCENT = java.util.regex.Pattern.compile(
            "%(?![0-9A-Fa-f]{2})");

    private static List<String> problemViolations(RawHttp.Response response) {
        List<String> violations = new ArrayList<>();
        if (!"application/problem+json".equals(response.mediaType())) {
            violations.add("a " + response.status() + " is " + response.header("Content-Type")
                    + ", not application/problem+json");
            return violations;
        }
        JsonNode problem;
        try {
            problem = Mutations.parse(response.body());
        } catch (IllegalArgumentException e) {
            violations.add("the problem is not JSON");
            return violations;
        }
        if (!problem.path("type").isTextual() || !problem.path("title").isTextual()) {
            violations.add("the problem lacks a type or title");
        }
        if (problem.has("status") && problem.path("status").asInt() != response.status()) {
            violations.add("the problem's status " + problem.path("status") + " is not the response's "
                    + response.status());
        }
        if (response.body().length() > 64 * 1024) {
            violations.add("a problem of " + response.body().length() + " characters");
        }
        return violations;
    }

    /**
     * The two answers to a stranger, for real and for unknown ids, with what may differ taken out: the request id,
     * and the ids themselves where a detail repeats them.
     */
    static String indistinguishable(RawHttp.Response real, Map<String, String> realIds, RawHttp.Response unknown,
            Map<String, String> unknownIds) {
        String first = normalised(real, realIds);
        String second = normalised(unknown, unknownIds);
        if (first.equals(second)) {
            return null;
        }
        int common = 0;
        while (common < Math.min(first.length(), second.length()) && first.charAt(common) == second.charAt(common)) {
            common++;
        }
        int from = Math.max(0, common - 20);
        return "a stranger can tell a real object from an unknown one, the answers differ at character " + common
                + ": …" + RawHttp.abbreviate(first.substring(from)) + " vs …" + RawHttp.abbreviate(second.substring(from));
    }

    private static String normalised(RawHttp.Response response, Map<String, String> ids) {
        String body = response.body();
        try {
            JsonNode json = Mutations.parse(body);
            if (json instanceof ObjectNode object) {
                object.remove("requestId");
                object.remove("instance");
            }
            body = Mutations.toJson(json);
        } catch (IllegalArgumentException notJson) {
            // compared verbatim
        }
        for (var id : ids.entrySet()) {
            body = body.replace(id.getValue(), "{" + id.getKey() + "}");
        }
        return response.status() + " " + response.mediaType() + " " + body;
    }
}
