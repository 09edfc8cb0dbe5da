package com.backhaulexchange.e2e.fuzz;

import com.backhaulexchange.e2e.Journeys;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A body the API accepts for each operation whose rules reach past its schema (lanes whose windows make sense,
 * offers that expire soon, a game whose coalitions are complete), written as a user would. Each fuzzed body is one
 * of these with one thing wrong. An operation without a seed gets a {@link SchemaExamples schema-valid} body.
 */
final class SeedBodies {
    private static final Map<String, Function<FuzzWorld, String>> BY_OPERATION = Map.ofEntries(
            Map.entry("registerPartner", world -> Journeys.partner("Fuzzed Freight Co", "[\"CARRIER\", \"SHIPPER\"]",
                    41.2565, -95.9345, 205, "\"dotNumber\": \"1234567\"")),
            Map.entry("updateOwnPartner", world -> """
                    {"legalName": "Prairie Line Freight LLC", "contact": {"phone": "+13125550100"},
                     "operatingCostPerMile": {"amountMinorUnits": 212, "currency": "USD"},
                     "fleetFuelEconomy": {"fuel": "DIESEL", "emptyMpg": 8.4, "fullyLadenMpg": 5.9}}"""),
            Map.entry("registerWebhook", SeedBodies::webhook),
            Map.entry("rotateApiKey", world -> "{\"gracePeriodSeconds\": 600}"),
            Map.entry("operatorSuspendPartner", world -> "{\"reason\": \"Insurance certificate lapsed\"}"),
            Map.entry("postCapacityLane", world -> capacityLane(
                    "{\"name\": \"Memphis\", \"stateOrCountry\": \"TN\"}",
                    "{\"latitudeDegrees\": 41.8781, \"longitudeDegrees\": -87.6298, \"label\": \"Home yard\"}")),
            Map.entry("postLoadLane", world -> loadLane("{\"name\": \"Memphis\", \"stateOrCountry\": \"TN\"}",
                    "{\"name\": \"Nashville\", \"stateOrCountry\": \"TN\"}")),
            Map.entry("openNegotiation", world -> offer(95_000)),
            Map.entry("counterOffer", world -> offer(97_500)),
            // The world's package has two loads: one offer each, in chain order.
            Map.entry("openPackageDeal", world -> packageOffers()),
            Map.entry("counterPackageLeg", world -> offer(97_500)),
            Map.entry("setAutoAcceptPrice", world -> "{\"amount\": {\"amountMinorUnits\": 99000, \"currency\": \"USD\"}}"),
            // Just now: a recorded time is after the world's booking was made (TIME_BEFORE_BOOKING otherwise).
            Map.entry("recordPickup", world -> "{\"actualTime\": \"" + recently(Duration.ZERO) + "\"}"),
            Map.entry("recordDelivery", world -> "{\"actualTime\": \"" + recently(Duration.ZERO)
                    + "\", \"actualMiles\": 631.2}"),
            Map.entry("cancelBooking", world -> "{\"reason\": \"Receiver closed for inventory\"}"),
            // Just now, like a recorded pickup: a position before the world's booking is TIME_BEFORE_BOOKING.
            Map.entry("reportPositions", world -> "{\"positions\": [{\"reportedAt\": \"" + recently(Duration.ZERO)
                    + "\", \"latitudeDegrees\": 35.1495, \"longitudeDegrees\": -90.049, \"speedMph\": 55.5,"
                    + " \"odometerMiles\": 412345.6}]}"),
            Map.entry("createTrackingLink", world -> trackingLink()),
            // A bill of lading: a proof of delivery needs the pickup, which the world's booking has not had.
            Map.entry("requestDocumentUpload", world -> documentUpload()),
            Map.entry("declareInsuranceCertificate", world -> insuranceCertificate()),
            Map.entry("declareOperatingAuthority", world -> operatingAuthority()),
            Map.entry("setCarrierRequirements", world -> """
                    {"minimumAutoLiability": {"amountMinorUnits": 75000000, "currency": "USD"},
                     "minimumCargo": {"amountMinorUnits": 10000000, "currency": "USD"}}"""),
            Map.entry("operatorSetAuthorityStatus", world -> "{\"status\": \"REVOKED\", \"reason\": \"FMCSA out-of-service order\"}"),
            // The world's booking has no departure, so a dispute is 409 NOT_CLAIMED: the body is what is fuzzed.
            Map.entry("disputeDetention", world -> "{\"reason\": \"Our gate log shows check-in at 13:10.\"}"),
            Map.entry("operatorOptimiseMatching", world -> "{\"regions\": [\"9v\", \"dn\"]}"),
            Map.entry("previewAllocation", world -> """
                    {"players": ["Ann", "Bob", "Cy"], "kind": "VALUE",
                     "coalitions": [{"members": ["Ann"], "value": 0}, {"members": ["Bob"], "value": 0},
                                    {"members": ["Cy"], "value": 0}, {"members": ["Ann", "Bob"], "value": 90},
                                    {"members": ["Ann", "Cy"], "value": 80}, {"members": ["Bob", "Cy"], "value": 70},
                                    {"members": ["Ann", "Bob", "Cy"], "value": 120}],
                     "rules": ["SHAPLEY", "NUCLEOLUS"]}"""),
            Map.entry("createCollaboration", world -> collaboration(world.partnerId(FuzzWorld.Actor.SHIPPER))),
            Map.entry("changeCollaborationAgreement", world -> agreement()));

    private SeedBodies() {
    }

    static Optional<String> of(String operationId, FuzzWorld world) {
        return Optional.ofNullable(BY_OPERATION.get(operationId)).map(seed -> seed.apply(world));
    }

    static String operatingAuthority() {
        return "{\"usdotNumber\": \"3141592\", \"mcNumber\": \"1087234\"}";
    }

    /** A certificate in force from yesterday for a year: a renewal of the carrier's (its file then awaited). */
    static String insuranceCertificate() {
        var today = java.time.LocalDate.now(java.time.ZoneOffset.UTC);
        return """
                {"insurer": "Prairie Mutual Insurance Co", "policyNumber": "CA-2026-004417",
                 "autoLiabilityCoverage": {"amountMinorUnits": 100000000, "currency": "USD"},
                 "cargoCoverage": {"amountMinorUnits": 10000000, "currency": "USD"},
                 "effectiveOn": "%s", "expiresOn": "%s",
                 "file": {"contentType": "application/pdf", "sizeBytes": 182044}}""".formatted(today.minusDays(1),
                today.plusDays(364));
    }

    static String documentUpload() {
        return "{\"kind\": \"BILL_OF_LADING\", \"contentType\": \"application/pdf\", \"sizeBytes\": 245760}";
    }

    /** A link for three days: within the 30-day maximum of ADR 33. */
    static String trackingLink() {
        return "{\"expiresAt\": \"" + Instant.now().plus(Duration.ofDays(3)).truncatedTo(ChronoUnit.SECONDS) + "\"}";
    }

    static String capacityLane(String emptyAt, String mustEndAt) {
        return """
                {"emptyAt": %s, "mustEndAt": %s, "availableFrom": "%s", "mustArriveBy": "%s",
                 "equipment": "DRY_VAN", "weightCapacityLbs": 44000, "palletCapacity": 26,
                 "maxOriginDeadheadMiles": 150, "maxDestinationDeadheadMiles": 350,
                 "minimumRatePerLoadedMile": {"amountMinorUnits": 150, "currency": "USD"}}"""
                .formatted(emptyAt, mustEndAt, Journeys.local(1, 6), Journeys.local(2, 20));
    }

    static String loadLane(String origin, String destination) {
        return """
                {"origin": %s, "destination": %s,
                 "pickupWindow": {"opensAt": "%s", "closesAt": "%s"},
                 "deliveryWindow": {"opensAt": "%s", "closesAt": "%s"},
                 "weightLbs": 38000, "pallets": 22, "equipment": "V", "commodity": "Canned vegetables",
                 "budget": {"amountMinorUnits": 240000, "currency": "USD"}}"""
                .formatted(origin, destination, Journeys.local(1, 7), Journeys.local(1, 12), Journeys.local(1, 14),
                        Journeys.local(2, 18));
    }

    /** A load picked up where {@link #loadLane} delivers, once it may have been delivered, on to the truck's end. */
    static String reloadLane(String origin, String destination) {
        return """
                {"origin": %s, "destination": %s,
                 "pickupWindow": {"opensAt": "%s", "closesAt": "%s"},
                 "deliveryWindow": {"opensAt": "%s", "closesAt": "%s"},
                 "weightLbs": 30000, "pallets": 20, "equipment": "DRY_VAN", "commodity": "Textiles",
                 "budget": {"amountMinorUnits": 240000, "currency": "USD"}}"""
                .formatted(origin, destination, Journeys.local(1, 14), Journeys.local(2, 12), Journeys.local(1, 16),
                        Journeys.local(2, 18));
    }

    /** One offer on each of the two loads of the fuzz world's package. */
    static String packageOffers() {
        return "{\"offers\": [" + offer(60_000) + ", " + offer(55_000) + "]}";
    }

    static String offer(long amountCents) {
        return """
                {"amount": {"amountMinorUnits": %d, "currency": "USD"}, "expiresAt": "%s",
                 "accessorials": {"detentionFreeHours": 2,
                                  "detentionRatePerHour": {"amountMinorUnits": 5000, "currency": "USD"},
                                  "tonuFee": {"amountMinorUnits": 20000, "currency": "USD"},
                                  "tonuCancellationWindowHours": 24},
                 "note": "Dock 4, first thing"}"""
                .formatted(amountCents, Instant.now().plus(Duration.ofHours(2)).truncatedTo(ChronoUnit.SECONDS));
    }

    static String collaboration(String inviteeId) {
        return """
                {"name": "Texas backhaul pool", "invitees": ["%s"], "agreement": %s}"""
                .formatted(inviteeId, agreement());
    }

    static String agreement() {
        return """
                {"rule": "SHAPLEY", "pooledShareBasisPoints": 5000,
                 "riskTerms": {"kind": "AT_FAULT_CAPPED",
                               "perMemberCapPerPeriod": {"amountMinorUnits": 50000, "currency": "USD"}},
                 "periodKind": "MONTHLY", "currency": "USD", "startDate": "%s"}""".formatted(FuzzWorld.today());
    }

    static String webhook(FuzzWorld world) {
        return """
                {"url": "http://127.0.0.1:%d/hooks/fuzz", "secret": "whsec_fuzz_0123456789abcdefghijklmnopqrstuv",
                 "eventTypes": ["MATCH_FOUND", "OFFER_RECEIVED"]}""".formatted(world.webhookPort());
    }

    private static Instant recently(Duration ago) {
        return Instant.now().minus(ago).truncatedTo(ChronoUnit.SECONDS);
    }
}
