package com.backhaulexchange.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.function.Supplier;

/** What the journeys share: registering partners over HTTP, local times of the sample lanes, waiting. */
public final class Journeys {
    public static final ZoneId CENTRAL = ZoneId.of("America/Chicago");

    private Journeys() {
    }

    /** Registers a partner through {@code POST /partners}; the response has its id and first API key. */
    public static JsonNode register(Http http, String body) {
        var registered = http.postJson("/partners", null, body);
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        return registered.json();
    }

    /**
     * A registration body: a carrier gets an operating cost (cents per mile) and a dry-van fleet; {@code more}
     * is extra JSON members (e.g. DOT and MC numbers), or null.
     */
    public static String partner(String name, String roles, double latitude, double longitude, long costCents, String more) {
        String cost = costCents > 0
                ? ", \"operatingCostPerMile\": {\"amountMinorUnits\": " + costCents + ", \"currency\": \"USD\"},"
                        + " \"fleetEquipment\": [\"DRY_VAN\"]" : "";
        String extra = more == null ? "" : ", " + more;
        return """
                {"legalName": "%s", "roles": %s,
                 "contact": {"name": "Dispatch", "email": "dispatch@%s.example"},
                 "homeBase": {"latitudeDegrees": %s, "longitudeDegrees": %s}%s%s}
                """.formatted(name, roles, name.toLowerCase().replaceAll("[^a-z]", ""), latitude, longitude, cost,
                extra);
    }

    /**
     * What the compliance gate asks of a carrier before it can be booked (ADR 37), through the routes: its operating
     * authority, and a current insurance certificate (USD 1,000,000 auto liability, USD 100,000 cargo, a year from
     * yesterday) whose file is uploaded to the presigned URL. Returns the certificate's id.
     */
    public static String fileCompliance(Http http, String carrierKey) {
        var authority = http.putJson("/partners/me/compliance/operating-authority", carrierKey,
                "{\"usdotNumber\": \"3141592\", \"mcNumber\": \"1087234\"}");
        assertThat(authority.status()).as(authority.body()).isEqualTo(200);
        byte[] pdf = "%PDF-1.7 certificate of liability insurance".getBytes(StandardCharsets.US_ASCII);
        LocalDate today = LocalDate.now(java.time.ZoneOffset.UTC);
        var declared = http.postJson("/partners/me/compliance/insurance-certificates", carrierKey, """
                {"insurer": "Prairie Mutual Insurance Co", "policyNumber": "CA-2026-004417",
                 "autoLiabilityCoverage": {"amountMinorUnits": 100000000, "currency": "USD"},
                 "cargoCoverage": {"amountMinorUnits": 10000000, "currency": "USD"},
                 "effectiveOn": "%s", "expiresOn": "%s",
                 "file": {"contentType": "application/pdf", "sizeBytes": %d}}
                """.formatted(today.minusDays(1), today.plusDays(364), pdf.length));
        assertThat(declared.status()).as(declared.body()).isEqualTo(201);
        JsonNode upload = declared.json().path("upload");
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(upload.path("url").asText()))
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofByteArray(pdf));
        upload.path("headers").properties().forEach(header -> {
            if (!header.getKey().equalsIgnoreCase("content-length")) {
                request.header(header.getKey(), header.getValue().asText());
            }
        });
        try (var client = java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_1_1)
                .build()) {
            int status = client.send(request.build(), java.net.http.HttpResponse.BodyHandlers.discarding())
                    .statusCode();
            assertThat(status).as("the certificate's upload").isEqualTo(200);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return declared.json().path("insuranceCertificate").path("certificateId").asText();
    }

    /** {@code daysAhead} days from today at {@code hour}:00 in Chicago, as an RFC 9557 timestamp. */
    public static String local(int daysAhead, int hour) {
        return DateTimeFormatter.ISO_ZONED_DATE_TIME.format(
                ZonedDateTime.of(LocalDate.now(CENTRAL).plusDays(daysAhead).atTime(hour, 0), CENTRAL));
    }

    /** Polls {@code probe} every 200 ms until it gives a value, failing when {@code deadline} passes first. */
    public static <T> T await(Supplier<T> probe, Duration deadline, String what) {
        long until = System.nanoTime() + deadline.toNanos();
        do {
            T value = probe.get();
            if (value != null) {
                return value;
            }
            sleep(200);
        } while (System.nanoTime() < until);
        throw new AssertionError(what + " did not appear within " + deadline);
    }

    public static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    public static String sha256Hex(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
