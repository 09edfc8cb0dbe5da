package com.backhaulexchange.function.notifier;

import com.backhaulexchange.adapter.sqs.NotificationMessages;
import com.backhaulexchange.notification.Notification;
import com.backhaulexchange.notification.WebhookSignature;
import com.backhaulexchange.notification.WebhookSubscription;
import com.backhaulexchange.notification.WebhookSubscriptionPolicies;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * One signed POST of a notification to one webhook, with the JDK's HttpClient (built once per execution
 * environment): connect and response timeouts of a few seconds, redirects never followed (a 3xx is a failed
 * delivery: the partner fixes its URL), the response body discarded. Before connecting, the host's addresses
 * are checked to be public, unless non-public ones are allowed (the local stack and tests deliver to
 * loopback): a partner's DNS name must not lead us into a private network.
 */
final class WebhookDelivery {
    static final String USER_AGENT = "BackhaulExchange-Webhooks/1.0";

    /** What happened to one attempt: the receiver's status (0 when there was none) or what went wrong. */
    record Result(int status, String error, long millis) {
        boolean delivered() {
            return status >= 200 && status < 300;
        }
    }

    private final HttpClient client;
    private final Clock clock;
    private final Duration responseTimeout;
    private final boolean nonPublicAddressesAllowed;

    WebhookDelivery(HttpClient client, Clock clock, Duration responseTimeout, boolean nonPublicAddressesAllowed) {
        this.client = client;
        this.clock = clock;
        this.responseTimeout = responseTimeout;
        this.nonPublicAddressesAllowed = nonPublicAddressesAllowed;
    }

    static HttpClient newClient(Duration connectTimeout) {
        return HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    CompletableFuture<Result> deliver(Notification notification, WebhookSubscription webhook, int attempt) {
        long started = System.nanoTime();
        String refusal = refusal(webhook);
        if (refusal != null) {
            return CompletableFuture.completedFuture(new Result(0, refusal, 0));
        }
        String body = NotificationMessages.webhookBody(notification);
        HttpRequest request = HttpRequest.newBuilder(webhook.url())
                .timeout(responseTimeout)
                .header("Content-Type", "application/json")
                .header("User-Agent", USER_AGENT)
                .header(WebhookSignature.HEADER, WebhookSignature.header(body, webhook.secret(), clock.instant()))
                .header("BHX-Event-Id", notification.eventId())
                .header("BHX-Event-Type", notification.type().name())
                .header("BHX-Webhook-Id", webhook.id().value())
                .header("BHX-Delivery-Attempt", Integer.toString(attempt))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        return client.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                .handle((response, failure) -> {
                    long millis = (System.nanoTime() - started) / 1_000_000;
                    if (failure == null) {
                        return new Result(response.statusCode(), null, millis);
                    }
                    Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                            ? failure.getCause() : failure;
                    String error = cause instanceof HttpTimeoutException ? "timeout: " + cause.getMessage()
                            : cause.getClass().getSimpleName() + ": " + cause.getMessage();
                    return new Result(0, error, millis);
                });
    }

    /** Why this webhook may not be called now, or null. */
    private String refusal(WebhookSubscription webhook) {
        if (nonPublicAddressesAllowed) {
            return null;
        }
        String host = webhook.url().getHost();
        try {
            for (InetAddress address : InetAddress.getAllByName(host)) {
                if (WebhookSubscriptionPolicies.isNonPublic(address)) {
                    return "refused: " + host + " resolves to the non-public address " + address.getHostAddress();
                }
            }
            return null;
        } catch (UnknownHostException e) {
            return "unknown host " + host;
        }
    }
}
