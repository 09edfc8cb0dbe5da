package com.backhaulexchange.e2e.fuzz;

import com.backhaulexchange.e2e.Http;
import com.backhaulexchange.e2e.Journeys;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.Map;

/**
 * The partners and objects every fuzzed request is aimed at, made through the public API as users make them: a
 * carrier and a shipper with a booked pair (Dallas), a matched pair under negotiation (Atlanta) and the Atlanta
 * truck's reload package (a second load on to Charlotte), a broker, a
 * collaboration, a webhook, a spare API key; a stranger who is party to none of it; a partner for the operator to
 * suspend. A path parameter names which of these objects it takes ({@link #pathValue}).
 */
final class FuzzWorld implements AutoCloseable {
    private static final Duration MATCHING_DEADLINE = Duration.ofSeconds(30);

    enum Actor { ANONYMOUS, OPERATOR, CARRIER, SHIPPER, BROKER, STRANGER, VICTIM }

    private final Http http;
    private final String operatorKey;
    private final Map<Actor, String> keys = new EnumMap<>(Actor.class);
    private final Map<Actor, String> partnerIds = new EnumMap<>(Actor.class);
    private final HttpServer webhookReceiver;
    String bookedCapacityLaneId;
    String openCapacityLaneId;
    String openLoadLaneId;
    String openMatchId;
    String openNegotiationId;
    String packageId;
    String packageDealId;
    String bookingId;
    String collaborationId;
    String webhookId;
    String spareKeyId;
    String trackingLinkId;
    String trackingToken;
    String documentId;

    FuzzWorld(Http http, String operatorKey) {
        this.http = http;
        this.operatorKey = operatorKey;
        try {
            webhookReceiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        webhookReceiver.createContext("/hooks", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        webhookReceiver.start();
    }

    FuzzWorld build() {
        register(Actor.CARRIER, Journeys.partner("Prairie Line Freight LLC", "[\"CARRIER\"]", 32.7767, -96.797, 212,
                "\"dotNumber\": \"3141592\", \"mcNumber\": \"MC-271828\""));
        register(Actor.SHIPPER, Journeys.partner("Gulf Coast Produce Co", "[\"SHIPPER\"]", 32.78306, -96.80667, 0, null));
        register(Actor.BROKER, Journeys.partner("Lakeshore Brokerage", "[\"BROKER\"]", 41.85, -87.65, 0, null));
        register(Actor.STRANGER, Journeys.partner("Third Coast Logistics", "[\"CARRIER\", \"SHIPPER\"]", 29.76328,
                -95.36327, 198, null));
        register(Actor.VICTIM, Journeys.partner("Suspendable Hauling", "[\"CARRIER\"]", 39.1, -94.58, 190, null));
        keys.put(Actor.OPERATOR, operatorKey);
        // The compliance gate (ADR 37): the carrier books, so it files its authority and certificate; the partner the
        // operator acts on declares an authority for the operator to revoke.
        Journeys.fileCompliance(http, key(Actor.CARRIER));
        created(http.putJson("/partners/me/compliance/operating-authority", key(Actor.VICTIM),
                SeedBodies.operatingAuthority()), "carrierId");

        String dallasTruck = created(http.postJson("/lanes/capacity", key(Actor.CARRIER),
                SeedBodies.capacityLane("{\"name\": \"Dallas\", \"stateOrCountry\": \"TX\"}",
                        "{\"name\": \"Chicago\", \"stateOrCountry\": \"IL\"}")), "laneId");
        String dallasLoad = created(http.postJson("/lanes/loads", key(Actor.SHIPPER),
                SeedBodies.loadLane("{\"name\": \"Dallas\", \"stateOrCountry\": \"TX\"}",
                        "{\"name\": \"St. Louis\", \"stateOrCountry\": \"MO\"}")), "laneId");
        openCapacityLaneId = created(http.postJson("/lanes/capacity", key(Actor.CARRIER),
                SeedBodies.capacityLane("{\"latitudeDegrees\": 33.749, \"longitudeDegrees\": -84.388}",
                        "{\"latitudeDegrees\": 35.227, \"longitudeDegrees\": -80.843}")), "laneId");
        openLoadLaneId = created(http.postJson("/lanes/loads", key(Actor.SHIPPER),
                SeedBodies.loadLane("{\"latitudeDegrees\": 33.749, \"longitudeDegrees\": -84.388}",
                        "{\"latitudeDegrees\": 34.852, \"longitudeDegrees\": -82.394}")), "laneId");
        bookedCapacityLaneId = dallasTruck;

        String dallasMatchId = awaitMatch(dallasLoad);
        String opened = created(http.postJson("/matches/" + dallasMatchId + "/negotiations", key(Actor.SHIPPER),
                SeedBodies.offer(185_000)), "negotiationId");
        var accepted = http.send("POST", "/negotiations/" + opened + "/accept", null, Http.auth(key(Actor.CARRIER)));
        bookingId = created(accepted, "bookingId");
        var link = http.postJson("/bookings/" + bookingId + "/tracking-links", key(Actor.SHIPPER),
                SeedBodies.trackingLink());
        trackingLinkId = created(link, "linkId");
        trackingToken = created(link, "token");
        documentId = created(http.postJson("/bookings/" + bookingId + "/documents", key(Actor.CARRIER),
                SeedBodies.documentUpload()), "documentId");

        openMatchId = awaitMatch(openLoadLaneId);
        openNegotiationId = created(http.postJson("/matches/" + openMatchId + "/negotiations", key(Actor.SHIPPER),
                SeedBodies.offer(90_000)), "negotiationId");
        // Greenville -> Charlotte after the Atlanta -> Greenville load: the open truck's reload package.
        created(http.postJson("/lanes/loads", key(Actor.SHIPPER), SeedBodies.reloadLane(
                "{\"latitudeDegrees\": 34.852, \"longitudeDegrees\": -82.394}",
                "{\"latitudeDegrees\": 35.227, \"longitudeDegrees\": -80.843}")), "laneId");
        packageId = awaitPackage(openCapacityLaneId);
        packageDealId = created(http.postJson("/packages/" + packageId + "/deals", key(Actor.CARRIER),
                SeedBodies.packageOffers()), "dealId");

        collaborationId = created(http.postJson("/collaborations", key(Actor.CARRIER),
                SeedBodies.collaboration(partnerId(Actor.SHIPPER))), "collaborationId");
        webhookId = created(http.postJson("/partners/me/webhooks", key(Actor.CARRIER), SeedBodies.webhook(this)),
                "webhookId");
        spareKeyId = created(http.send("POST", "/partners/me/api-keys", null, Http.auth(key(Actor.CARRIER))), "keyId");
        return this;
    }

    String key(Actor actor) {
        return keys.get(actor);
    }

    String partnerId(Actor actor) {
        return partnerIds.get(actor);
    }

    int webhookPort() {
        return webhookReceiver.getAddress().getPort();
    }

    /**
     * The world's object a path parameter takes, seen from {@code actor}'s side of the operation: every id here is
     * one the operation's actor may use (a lane, match or booking of the carrier; the broker for a delegation; the
     * partner the operator may suspend).
     */
    String pathValue(String parameter) {
        return switch (parameter) {
            case "laneId" -> openCapacityLaneId;
            case "matchId" -> openMatchId;
            case "negotiationId" -> openNegotiationId;
            case "packageId" -> packageId;
            case "dealId" -> packageDealId;
            case "legIndex" -> "0";
            case "bookingId" -> bookingId;
            case "collaborationId" -> collaborationId;
            case "webhookId" -> webhookId;
            case "keyId" -> spareKeyId;
            case "linkId" -> trackingLinkId;
            case "token" -> trackingToken;
            case "documentId" -> documentId;
            case "stop" -> "delivery";
            case "brokerId" -> partnerId(Actor.BROKER);
            case "partnerId" -> partnerId(Actor.VICTIM);
            case "periodIndex" -> "0";
            default -> throw new IllegalArgumentException("the fuzz world has no value for path parameter {"
                    + parameter + "}: add one to FuzzWorld.pathValue");
        };
    }

    /** Path parameters naming an object only its parties may see: a stranger must not tell them from unknown ids. */
    static boolean namesAPrivateObject(String parameter) {
        return switch (parameter) {
            case "laneId", "matchId", "negotiationId", "packageId", "dealId", "bookingId", "collaborationId", "webhookId",
                    "keyId", "linkId", "documentId" -> true;
            default -> false;
        };
    }

    /**
     * Who acts on an operation's world objects: the operator on its routes, the shipper on delegations, the partner
     * the operator may suspend on its own profile (a fuzzed merge patch could take the carrier's role away), the
     * carrier elsewhere.
     */
    Actor actorOf(ApiOperations.Operation operation) {
        if (!operation.authenticated()) {
            return Actor.ANONYMOUS;
        }
        if (operation.pathTemplate().startsWith("/operator/")) {
            return Actor.OPERATOR;
        }
        if (operation.pathTemplate().equals("/partners/me")) {
            return Actor.VICTIM;
        }
        if (operation.pathTemplate().contains("/delegations") || operation.pathTemplate().contains("/tracking-links")
                || operation.pathTemplate().endsWith("/detention/{stop}/confirmation")
                || operation.pathTemplate().endsWith("/detention/{stop}/dispute")) {
            return Actor.SHIPPER;
        }
        return Actor.CARRIER;
    }

    private void register(Actor actor, String body) {
        JsonNode registered = Journeys.register(http, body);
        keys.put(actor, registered.path("apiKey").path("token").asText());
        partnerIds.put(actor, registered.path("partner").path("partnerId").asText());
    }

    private static String created(Http.Response response, String field) {
        if (response.status() / 100 != 2 || !response.json().hasNonNull(field)) {
            throw new IllegalStateException("the fuzz world could not be built: " + response.status() + " "
                    + response.body());
        }
        return response.json().path(field).asText();
    }

    private String awaitMatch(String loadLaneId) {
        return Journeys.await(() -> {
            var items = http.get("/lanes/" + loadLaneId + "/matches", key(Actor.SHIPPER)).json().path("items");
            return items.isEmpty() ? null : items.path(0).path("matchId").asText();
        }, MATCHING_DEADLINE, "the fuzz world's match");
    }

    private String awaitPackage(String capacityLaneId) {
        return Journeys.await(() -> {
            var items = http.get("/lanes/" + capacityLaneId + "/packages", key(Actor.CARRIER)).json().path("items");
            return items.isEmpty() ? null : items.path(0).path("packageId").asText();
        }, MATCHING_DEADLINE, "the fuzz world's package");
    }

    static String today() {
        return LocalDate.now(ZoneOffset.UTC).toString();
    }

    @Override
    public void close() {
        webhookReceiver.stop(0);
    }
}
