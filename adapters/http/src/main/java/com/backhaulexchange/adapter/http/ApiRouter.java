package com.backhaulexchange.adapter.http;

import com.backhaulexchange.adapter.lambda.StructuredLog;
import com.backhaulexchange.adapter.lambda.TransientFailures;

import com.backhaulexchange.adapter.http.problem.FieldError;
import com.backhaulexchange.kernel.policy.InvalidInputException;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.backhaulexchange.adapter.http.problem.Problem;
import com.backhaulexchange.adapter.http.problem.ProblemException;
import com.backhaulexchange.adapter.http.problem.ProblemType;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Dispatches a function's routes (method + path template, exactly as declared in template.yaml)
 * and turns every failure into an RFC 9457 problem. An unexpected exception becomes a 500 whose
 * detail names the request id, never the exception.
 */
public final class ApiRouter {
    private final ObjectMapper mapper;
    private final Map<String, Function<ApiRequest, ApiResponse>> routes = new LinkedHashMap<>();

    public ApiRouter(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public ApiRouter route(String method, String pathTemplate, Function<ApiRequest, ApiResponse> action) {
        routes.put(key(method, pathTemplate), action);
        return this;
    }

    public java.util.Set<String> routeKeys() {
        return java.util.Collections.unmodifiableSet(routes.keySet());
    }

    public APIGatewayProxyResponseEvent handle(APIGatewayProxyRequestEvent event, LambdaLogger logger) {
        ApiRequest request = ApiRequest.from(event);
        var action = routes.get(key(request.method(), request.resource()));
        try {
            if (action == null) {
                throw new ProblemException(ProblemType.NOT_FOUND,
                        "No route " + request.method() + " " + request.resource() + " in this function.");
            }
            return action.apply(request).toEvent();
        } catch (ProblemException e) {
            return rejected(request, e.problem(), logger);
        } catch (InvalidInputException e) {
            return rejected(request, ProblemException.invalid(e.getMessage(), e.violations().stream()
                    .map(violation -> FieldError.body(violation.field(), violation.detail())).toList()).problem(), logger);
        } catch (RuntimeException e) {
            if (TransientFailures.isTransient(e)) {
                return unavailable(request, e, logger);
            }
            logger.log(StructuredLog.line("ERROR", "request failed", Map.of(
                    "requestId", request.requestId(), "route", request.method() + " " + request.resource(),
                    "exception", e.toString())));
            var problem = Problem.of(ProblemType.INTERNAL_ERROR,
                    "The request could not be completed; nothing was changed. Quote request id "
                            + request.requestId() + " when reporting it.");
            return ApiResponse.problem(mapper, problem, request.requestId()).toEvent();
        }
    }

    /** A dependency throttled or failed after the SDK's retries: the client may repeat the request shortly. */
    private APIGatewayProxyResponseEvent unavailable(ApiRequest request, RuntimeException e, LambdaLogger logger) {
        logger.log(StructuredLog.line("WARN", "dependency unavailable", Map.of(
                "requestId", request.requestId(), "route", request.method() + " " + request.resource(),
                "exception", e.toString())));
        long seconds = TransientFailures.RETRY_AFTER.toSeconds();
        var problem = Problem.of(ProblemType.SERVICE_UNAVAILABLE, "A service behind this API is busy; the request"
                + " was not completed. Repeat it after " + seconds + " s (with the same Idempotency-Key, if it had one).");
        return ApiResponse.problem(mapper, problem, request.requestId())
                .withHeader("Retry-After", Long.toString(seconds)).toEvent();
    }

    private APIGatewayProxyResponseEvent rejected(ApiRequest request, Problem problem, LambdaLogger logger) {
        logger.log(StructuredLog.line("INFO", "request rejected", Map.of(
                "requestId", request.requestId(), "route", request.method() + " " + request.resource(),
                "status", problem.status(), "type", problem.type())));
        var response = ApiResponse.problem(mapper, problem, request.requestId());
        return (problem.status() == 503 ? response.withHeader("Retry-After",
                Long.toString(TransientFailures.RETRY_AFTER.toSeconds())) : response).toEvent();
    }

    private static String key(String method, String pathTemplate) {
        return method.toUpperCase(java.util.Locale.ROOT) + " " + pathTemplate;
    }
}
