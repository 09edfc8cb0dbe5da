package com.backhaulexchange.localstack.api;

import com.backhaulexchange.localstack.lambda.FunctionInvocationException;
import com.backhaulexchange.localstack.schedule.ScheduleTrigger;
import com.backhaulexchange.localstack.support.ConsoleLog;
import com.backhaulexchange.localstack.support.Json;
import com.backhaulexchange.localstack.template.ScheduleDefinition;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.Supplier;

/**
 * The local stack's own endpoints:
 * <ul>
 *   <li>{@code GET /_local/health}: {@code {"status":"UP", ...endpoints}};</li>
 *   <li>{@code GET /_local/schedules}: the template's schedules;</li>
 *   <li>{@code POST /_local/schedules/{FunctionLogicalId}/{EventName}}: fires one, answering 200 with what the
 *       function returned as JSON, or 500 with Lambda's error payload if it failed;</li>
 *   <li>{@code POST} and {@code GET /_local/webhook-receiver/{name}}: a webhook receiver ({@link WebhookReceiver});</li>
 *   <li>{@code GET} and {@code PUT /_local/settlement-clock}: the operator's control of the settlement clock
 *       ({@link SettlementClockControl}).</li>
 * </ul>
 */
public final class AdminEndpoints implements HttpHandler {

    private static final String HEALTH = LocalHttpServer.ADMIN_PREFIX + "health";
    private static final String SCHEDULES = LocalHttpServer.ADMIN_PREFIX + "schedules";
    private static final String RECEIVER = LocalHttpServer.ADMIN_PREFIX + "webhook-receiver/";
    private static final String SETTLEMENT_CLOCK = LocalHttpServer.ADMIN_PREFIX + "settlement-clock";

    private final ScheduleTrigger schedules;
    private final Supplier<ObjectNode> endpoints;
    private final WebhookReceiver receiver;
    private final SettlementClockControl settlementClock;

    public AdminEndpoints(ScheduleTrigger schedules, Supplier<ObjectNode> endpoints, WebhookReceiver receiver,
            SettlementClockControl settlementClock) {
        this.schedules = schedules;
        this.endpoints = endpoints;
        this.receiver = receiver;
        this.settlementClock = settlementClock;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        HttpResponse response;
        String path = exchange.getRequestURI().getRawPath().replaceAll("/+$", "");
        try {
            if (path.startsWith(RECEIVER)) {
                response = receive(exchange, decode(path.substring(RECEIVER.length())));
            } else if (path.equals(SETTLEMENT_CLOCK)) {
                response = settlementClock.handle(exchange.getRequestMethod(),
                        exchange.getRequestHeaders().getFirst("Authorization"), exchange.getRequestBody().readAllBytes());
            } else {
                response = respond(exchange.getRequestMethod(), path);
            }
        } catch (RuntimeException e) {
            ConsoleLog.error("Local endpoint " + exchange.getRequestURI() + " failed", e);
            response = message(500, "Internal error of the local stack: " + e);
        }
        exchange.getRequestBody().close();
        HttpExchanges.write(exchange, response);
    }

    private HttpResponse respond(String method, String path) {
        if (path.equals(HEALTH)) {
            return method.equals("GET") ? health() : message(405, "Use GET");
        }
        if (path.equals(SCHEDULES)) {
            return method.equals("GET") ? listSchedules() : message(405, "Use GET");
        }
        if (path.startsWith(SCHEDULES + "/")) {
            String[] names = path.substring(SCHEDULES.length() + 1).split("/");
            if (names.length != 2) {
                return message(404, "Use POST " + SCHEDULES + "/{FunctionLogicalId}/{EventName}");
            }
            return method.equals("POST") ? fire(decode(names[0]), decode(names[1])) : message(405, "Use POST");
        }
        return message(404, "No local endpoint " + path + "; see " + HEALTH + " and " + SCHEDULES);
    }

    private HttpResponse receive(HttpExchange exchange, String name) throws IOException {
        if (name.isEmpty() || name.contains("/")) {
            return message(404, "Use " + RECEIVER + "{name}");
        }
        return switch (exchange.getRequestMethod()) {
            case "POST" -> {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                receiver.record(name, exchange.getRequestHeaders()::getFirst, body);
                yield new HttpResponse(204, Map.of(), new byte[0]);
            }
            case "GET" -> HttpResponse.json(200, receiver.list(name));
            default -> message(405, "Use POST (a delivery) or GET (the deliveries so far)");
        };
    }

    private HttpResponse health() {
        ObjectNode health = Json.MAPPER.createObjectNode().put("status", "UP");
        health.setAll(endpoints.get());
        return HttpResponse.json(200, health.toString());
    }

    private HttpResponse listSchedules() {
        ArrayNode list = Json.MAPPER.createArrayNode();
        for (ScheduleDefinition schedule : schedules.schedules()) {
            ObjectNode entry = list.addObject()
                    .put("function", schedule.functionLogicalId())
                    .put("name", schedule.name())
                    .put("kind", schedule.kind())
                    .put("expression", schedule.expression())
                    .put("enabled", schedule.enabled())
                    .put("trigger", "POST " + SCHEDULES + "/" + schedule.functionLogicalId() + "/" + schedule.name());
            schedule.input().ifPresent(input -> entry.set("input", input));
        }
        return HttpResponse.json(200, list.toString());
    }

    private HttpResponse fire(String function, String name) {
        try {
            return HttpResponse.json(200, Json.write(schedules.fire(function, name)));
        } catch (NoSuchElementException e) {
            return message(404, e.getMessage());
        } catch (FunctionInvocationException e) {
            ObjectNode error = Json.MAPPER.createObjectNode()
                    .put("errorMessage", e.getMessage())
                    .put("errorType", e.errorType());
            return HttpResponse.json(500, error.toString());
        }
    }

    private static HttpResponse message(int status, String message) {
        return HttpResponse.json(status, Json.MAPPER.createObjectNode().put("message", message).toString());
    }

    private static String decode(String raw) {
        return URLDecoder.decode(raw, StandardCharsets.UTF_8);
    }
}
