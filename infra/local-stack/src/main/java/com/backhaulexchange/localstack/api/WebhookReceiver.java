package com.backhaulexchange.localstack.api;

import com.backhaulexchange.localstack.support.Json;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A webhook receiver run by the local stack, so that a walkthrough or a demo can register a webhook without
 * running a server of its own: {@code POST /_local/webhook-receiver/{name}} records the delivery (its
 * {@code BHX-*} headers and raw body) and answers 204; {@code GET /_local/webhook-receiver/{name}} lists what
 * arrived, oldest first. Local only (the template has no such route); it keeps the last
 * {@value #KEPT_PER_NAME} deliveries per name, in memory.
 */
public final class WebhookReceiver {
    static final int KEPT_PER_NAME = 200;
    private static final List<String> HEADERS =
            List.of("BHX-Event-Id", "BHX-Event-Type", "BHX-Webhook-Id", "BHX-Delivery-Attempt", "BHX-Signature");

    private final Map<String, Deque<ObjectNode>> deliveries = new ConcurrentHashMap<>();
    private final Clock clock;

    public WebhookReceiver(Clock clock) {
        this.clock = clock;
    }

    /** Records one delivery; {@code header} gives a request header by name (case-insensitive), or null. */
    void record(String name, Function<String, String> header, String body) {
        ObjectNode delivery = Json.MAPPER.createObjectNode().put("receivedAt", clock.instant().toString());
        ObjectNode headers = delivery.putObject("headers");
        for (String headerName : HEADERS) {
            String value = header.apply(headerName);
            if (value != null) {
                headers.put(headerName, value);
            }
        }
        delivery.put("body", body);
        Deque<ObjectNode> kept = deliveries.computeIfAbsent(name, ignored -> new ArrayDeque<>());
        synchronized (kept) {
            kept.addLast(delivery);
            while (kept.size() > KEPT_PER_NAME) {
                kept.removeFirst();
            }
        }
    }

    /** {@code {"name": ..., "deliveries": [...]}}, oldest first. */
    String list(String name) {
        ObjectNode list = Json.MAPPER.createObjectNode().put("name", name);
        ArrayNode items = list.putArray("deliveries");
        Deque<ObjectNode> kept = deliveries.getOrDefault(name, new ArrayDeque<>());
        synchronized (kept) {
            kept.forEach(items::add);
        }
        return list.toString();
    }
}
