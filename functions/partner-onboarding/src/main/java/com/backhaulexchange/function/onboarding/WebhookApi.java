package com.backhaulexchange.function.onboarding;

import com.backhaulexchange.adapter.http.AccessGuards;
import com.backhaulexchange.adapter.http.ApiRequest;
import com.backhaulexchange.adapter.http.ApiResponse;
import com.backhaulexchange.adapter.http.ApiRouter;
import com.backhaulexchange.adapter.http.IdempotentCreation;
import com.backhaulexchange.kernel.idempotency.IdempotencyKey;
import com.backhaulexchange.adapter.http.JsonBodyReader;
import com.backhaulexchange.adapter.http.problem.ProblemException;
import com.backhaulexchange.kernel.persistence.InvalidCursorException;
import com.backhaulexchange.notification.NotificationType;
import com.backhaulexchange.notification.WebhookDeliveryAttempt;
import com.backhaulexchange.notification.WebhookDeliveryAttempt.DeliveryOutcome;
import com.backhaulexchange.notification.WebhookId;
import com.backhaulexchange.notification.WebhookSubscription;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The /partners/me/webhooks routes: HTTP in, command to {@link WebhookRegistrations}, HTTP out. */
final class WebhookApi {
    private static final int DEFAULT_PAGE_SIZE = 25;
    private static final int MAX_PAGE_SIZE = 100;

    private final WebhookRegistrations registrations;
    private final JsonBodyReader bodies;
    private final IdempotentCreation idempotentCreation;
    private final ObjectMapper mapper;

    WebhookApi(WebhookRegistrations registrations, JsonBodyReader bodies, IdempotentCreation idempotentCreation,
            ObjectMapper mapper) {
        this.registrations = registrations;
        this.bodies = bodies;
        this.idempotentCreation = idempotentCreation;
        this.mapper = mapper;
    }

    ApiRouter addRoutesTo(ApiRouter router) {
        return router
                .route("GET", "/partners/me/webhooks", this::list)
                .route("POST", "/partners/me/webhooks", this::register)
                .route("DELETE", "/partners/me/webhooks/{webhookId}", this::delete)
                .route("POST", "/partners/me/webhooks/{webhookId}/test", this::test)
                .route("GET", "/partners/me/webhooks/{webhookId}/deliveries", this::deliveries);
    }

    /** With Idempotency-Key, scoped to the route and the partner (see {@link IdempotentCreation}). */
    private ApiResponse register(ApiRequest request) {
        var caller = AccessGuards.requirePartner(request);
        Optional<IdempotencyKey> idempotencyKey = IdempotentCreation.keyOf(request);
        JsonNode body = bodies.read(request, "RegisterWebhookRequest");
        Set<NotificationType> types = null;
        if (body.has("eventTypes")) {
            types = EnumSet.noneOf(NotificationType.class);
            for (JsonNode type : body.get("eventTypes")) {
                types.add(NotificationType.valueOf(type.asText()));
            }
        }
        Set<NotificationType> eventTypes = types;
        String scope = request.method() + " " + request.resource() + "\n" + caller.partnerId().value();
        return idempotentCreation.<WebhookSubscription>create(idempotencyKey, scope, body,
                sealed -> registrations.register(caller.partnerId(), body.get("url").asText(),
                        body.get("secret").asText(), eventTypes, sealed),
                webhook -> ApiResponse.json(mapper, 201, WebhookView.of(webhook),
                        Map.of("Location", "/partners/me/webhooks/" + webhook.id().value())));
    }

    private ApiResponse list(ApiRequest request) {
        var caller = AccessGuards.requirePartner(request);
        return ApiResponse.json(mapper, 200,
                new Webhooks(registrations.list(caller.partnerId()).stream().map(WebhookView::of).toList()));
    }

    private ApiResponse delete(ApiRequest request) {
        var caller = AccessGuards.requirePartner(request);
        registrations.delete(caller.partnerId(), webhookIdOf(request));
        return ApiResponse.noContent();
    }

    private ApiResponse test(ApiRequest request) {
        var caller = AccessGuards.requirePartner(request);
        var ping = registrations.test(caller.partnerId(), webhookIdOf(request));
        return ApiResponse.json(mapper, 202, new TestPing(ping.eventId(), ping.type().name()));
    }

    private ApiResponse deliveries(ApiRequest request) {
        var caller = AccessGuards.requirePartner(request);
        WebhookId webhook = webhookIdOf(request);
        int limit = request.pageLimit(DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE);
        try {
            var page = registrations.deliveries(caller.partnerId(), webhook, limit, request.query("cursor").orElse(null));
            return ApiResponse.json(mapper, 200, new DeliveryPage(webhook.value(),
                    page.items().stream().map(DeliveryView::of).toList(), page.nextCursor()));
        } catch (InvalidCursorException e) {
            throw ProblemException.invalidField("#/query/cursor", e.getMessage());
        }
    }

    /**
     * One delivery attempt as the webhook's owner reads it: the outcome DELIVERED (with the receiver's status),
     * FAILED (with its status or, when there was no answer, the error, and the next attempt's time) or GAVE_UP.
     */
    record DeliveryView(String eventId, String type, String attemptedAt, int attempt, String outcome,
            Integer statusCode, String error, String nextAttemptAt) {
        static DeliveryView of(WebhookDeliveryAttempt attempt) {
            String eventId = attempt.eventId();
            String type = attempt.type().name();
            String at = attempt.attemptedAt().toString();
            int number = attempt.attemptNumber();
            return switch (attempt.outcome()) {
                case DeliveryOutcome.Delivered delivered -> new DeliveryView(eventId, type, at, number, "DELIVERED",
                        delivered.statusCode(), null, null);
                case DeliveryOutcome.Failed failed -> new DeliveryView(eventId, type, at, number, "FAILED",
                        failed.statusCode(), failed.error(), failed.nextAttemptAt().toString());
                case DeliveryOutcome.GaveUp gaveUp -> new DeliveryView(eventId, type, at, number, "GAVE_UP",
                        gaveUp.statusCode(), gaveUp.error(), null);
            };
        }
    }

    record DeliveryPage(String webhookId, List<DeliveryView> items, String nextCursor) {
    }

    /** A webhook as its owner sees it: never the secret, its last four characters only. */
    record WebhookView(String webhookId, String url, List<String> eventTypes, String secretLastFour, String createdAt) {
        static WebhookView of(WebhookSubscription webhook) {
            return new WebhookView(webhook.id().value(), webhook.url().toString(),
                    webhook.eventTypes().stream().map(NotificationType::name).toList(), webhook.secretLastFour(),
                    webhook.createdAt().toString());
        }
    }

    record Webhooks(List<WebhookView> items) {
    }

    record TestPing(String eventId, String type) {
    }

    private static WebhookId webhookIdOf(ApiRequest request) {
        String value = request.pathParameter("webhookId");
        if (!WebhookId.isValid(value)) {
            throw WebhookRegistrations.notFound();
        }
        return new WebhookId(value);
    }
}
