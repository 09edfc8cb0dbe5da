package com.backhaulexchange.localstack.demo;

import com.backhaulexchange.localstack.support.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The demo's calls to the stack's public API, as a partner's client would make them: a JSON body written
 * from a record, a fresh Idempotency-Key on every call (a replayed key would hand back an object of an
 * earlier run kept with {@code --data-dir}), and any status but the expected one recorded as a failure.
 */
final class DemoApi {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI baseUrl;
    private final List<String> failures;

    DemoApi(URI baseUrl, List<String> failures) {
        this.baseUrl = baseUrl;
        this.failures = failures;
    }

    /** What came back: the status and the body read as JSON (null when it is not JSON). */
    record Reply(int status, JsonNode json, String body) {
    }

    /** The body of the reply when its status is {@code expected}, else null with a failure recorded. */
    JsonNode expect(int expected, String method, String path, String bearer, Object body) {
        Reply reply = call(method, path, bearer, body);
        if (reply.status() != expected) {
            failures.add(method + " " + path + " -> " + reply.status() + " " + reply.body());
            return null;
        }
        return reply.json();
    }

    Reply call(String method, String path, String bearer, Object body) {
        var request = HttpRequest.newBuilder(baseUrl.resolve(path)).timeout(Duration.ofSeconds(30))
                .header("Idempotency-Key", UUID.randomUUID().toString());
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(Json.write(body)));
        }
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        try {
            var response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), parse(response.body()), response.body());
        } catch (IOException e) {
            return new Reply(0, null, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while seeding the demo", e);
        }
    }

    /**
     * Sends {@code body} to a presigned upload ({@code method}, {@code url}, {@code headers} as the API answered it),
     * the content length left to the client; a status other than 200 is recorded as a failure.
     */
    void upload(JsonNode upload, byte[] body) {
        var request = HttpRequest.newBuilder(URI.create(upload.path("url").asText())).timeout(Duration.ofSeconds(30))
                .method(upload.path("method").asText(), HttpRequest.BodyPublishers.ofByteArray(body));
        upload.path("headers").properties().forEach(header -> {
            if (!header.getKey().equalsIgnoreCase("content-length")) {
                request.header(header.getKey(), header.getValue().asText());
            }
        });
        try {
            int status = http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status != 200) {
                failures.add("upload to storage -> " + status);
            }
        } catch (IOException e) {
            failures.add("upload to storage -> " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while seeding the demo", e);
        }
    }

    /**
     * The carrier files what the compliance gate asks before it can be booked (ADR 37): its operating authority and
     * a current insurance certificate above the federal minimum, the certificate's PDF uploaded by presigned URL.
     */
    void fileCompliance(String carrierKey, String legalName, Instant now) {
        expect(200, "PUT", "/partners/me/compliance/operating-authority", carrierKey,
                Map.of("usdotNumber", "3141592", "mcNumber", "1087234"));
        byte[] pdf = ("%PDF-1.7 certificate of liability insurance, " + legalName).getBytes(StandardCharsets.US_ASCII);
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        JsonNode declared = expect(201, "POST", "/partners/me/compliance/insurance-certificates", carrierKey,
                Map.of("insurer", "Prairie Mutual Insurance Co", "policyNumber", "CA-2026-004417",
                        "autoLiabilityCoverage", Map.of("amountMinorUnits", 100_000_000, "currency", "USD"),
                        "cargoCoverage", Map.of("amountMinorUnits", 10_000_000, "currency", "USD"),
                        "effectiveOn", today.minusDays(30).toString(), "expiresOn", today.plusDays(335).toString(),
                        "file", Map.of("contentType", "application/pdf", "sizeBytes", pdf.length)));
        if (declared != null) {
            upload(declared.path("upload"), pdf);
        }
    }

    private static JsonNode parse(String body) {
        try {
            return body == null || body.isBlank() ? null : Json.MAPPER.readTree(body);
        } catch (IOException notJson) {
            return null;
        }
    }
}
