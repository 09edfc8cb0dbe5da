package com.backhaulexchange.function.negotiationbooking;

import static org.assertj.core.api.Assertions.assertThat;

import com.backhaulexchange.notification.Notification;
import com.backhaulexchange.notification.NotificationType;
import com.backhaulexchange.testing.Reply;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The compliance gate (ADR 37) through the handler on events/ samples, with S3Proxy as the certificate's storage: a
 * carrier files its authority and certificate, a shipper sets its requirements, every accept that would book asks
 * the gate first and a refusal writes nothing.
 */
class ComplianceApiTest {
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final byte[] PDF = "%PDF-1.7 certificate of liability insurance".getBytes(StandardCharsets.US_ASCII);

    private DealFixture fixture;
    private DealFixture.Caller carrier;
    private DealFixture.Caller shipper;
    private DealFixture.Deal deal;

    @BeforeEach
    void aCarrierThatFiledNothing() {
        fixture = new DealFixture();
        carrier = fixture.carrierWithoutCompliance();
        shipper = fixture.shipper();
        deal = fixture.matched(carrier, shipper);
    }

    private Reply declareAuthority(DealFixture.Caller caller) {
        return fixture.send("declare-operating-authority.json", caller, "USDOT", "3141592", "MC", "1087234");
    }

    private Reply declareCertificate(DealFixture.Caller caller, long autoCents, String expiresOn, String contentType,
            long size) {
        return fixture.send("declare-insurance-certificate.json", caller, "AUTO_CENTS", Long.toString(autoCents),
                "CARGO_CENTS", "10000000", "EFFECTIVE_ON", "2026-06-01", "EXPIRES_ON", expiresOn,
                "CONTENT_TYPE", contentType, "SIZE_BYTES", Long.toString(size));
    }

    private static int put(JsonNode upload, byte[] body) throws Exception {
        var builder = HttpRequest.newBuilder(URI.create(upload.path("url").asText()))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(body));
        upload.path("headers").properties().forEach(header -> {
            if (!Set.of("content-length").contains(header.getKey())) {
                builder.header(header.getKey(), header.getValue().asText());
            }
        });
        return HTTP.send(builder.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** Files an authority and an uploaded certificate through the routes, as a carrier would. */
    private void fileThroughTheRoutes(long autoCents, String expiresOn) throws Exception {
        assertThat(declareAuthority(carrier).status()).isEqualTo(200);
        var granted = declareCertificate(carrier, autoCents, expiresOn, "application/pdf", PDF.length);
        assertThat(granted.status()).as(granted.toString()).isEqualTo(201);
        assertThat(put(granted.json().path("upload"), PDF)).isEqualTo(200);
    }

    private List<Map<String, AttributeValue>> table(String name) {
        return fixture.dynamoDb.scanPaginator(request -> request.tableName(name).consistentRead(true)).items()
                .stream().toList();
    }

    /** Accepts the shipper's offer as the carrier; a refusal must leave both tables exactly as they were. */
    private Reply acceptWritingNothingIfRefused(String negotiationId) {
        var negotiationsBefore = table(fixture.negotiationsTable);
        var lanesBefore = table(fixture.lanesTable);
        fixture.notifications();
        var accepted = fixture.act("accept", carrier, negotiationId);
        if (accepted.status() != 200) {
            assertThat(table(fixture.negotiationsTable)).containsExactlyInAnyOrderElementsOf(negotiationsBefore);
            assertThat(table(fixture.lanesTable)).containsExactlyInAnyOrderElementsOf(lanesBefore);
            assertThat(fixture.notifications()).isEmpty();
        }
        return accepted;
    }

    /** An operator sample as a partner's key would reach it: the authorizer's partner context. */
    private static com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent asPartner(
            com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent event, DealFixture.Caller caller) {
        var values = caller.values();
        event.getRequestContext().setAuthorizer(Map.of("principalId", caller.id(), "principalType", "PARTNER",
                "partnerId", caller.id(), "roles", values.get("ROLES"), "keyId", values.get("KEY_ID")));
        return event;
    }

    private String offer() {
        return fixture.offer(shipper, deal, 200_000).json().path("negotiationId").asText();
    }

    private static String reason(Reply reply) {
        return reply.status() + " " + reply.json().path("reasonCode").asText();
    }

    @Test
    void aCarrierThatFiledNothingIsRefusedUntilItsAuthorityAndUploadedCertificateAreOnFile() throws Exception {
        String negotiation = offer();
        assertThat(reason(acceptWritingNothingIfRefused(negotiation))).isEqualTo("409 AUTHORITY_MISSING");

        assertThat(declareAuthority(carrier).status()).isEqualTo(200);
        assertThat(reason(acceptWritingNothingIfRefused(negotiation))).isEqualTo("409 INSURANCE_MISSING");

        var granted = declareCertificate(carrier, 100_000_000, "2027-05-31", "application/pdf", PDF.length);
        assertThat(granted.status()).isEqualTo(201);
        assertThat(granted.json().path("insuranceCertificate").path("file").path("status").asText())
                .isEqualTo("AWAITING_UPLOAD");
        assertThat(reason(acceptWritingNothingIfRefused(negotiation))).as("declared, the file not uploaded")
                .isEqualTo("409 INSURANCE_MISSING");

        assertThat(put(granted.json().path("upload"), PDF)).isEqualTo(200);
        var own = fixture.send("read-own-compliance.json", carrier);
        assertThat(own.status()).isEqualTo(200);
        assertThat(own.json().path("insuranceCertificate").path("file").path("status").asText()).isEqualTo("UPLOADED");
        assertThat(own.json().path("operatingAuthority").path("status").asText()).isEqualTo("ACTIVE");

        var accepted = acceptWritingNothingIfRefused(negotiation);
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
        assertThat(accepted.json().path("status").asText()).isEqualTo("AGREED");
        assertThat(accepted.json().path("bookingId").asText()).isNotEmpty();
    }

    @Test
    void anOfferTheCarriersAutoAcceptPriceWouldBookIsGatedLikeAnAcceptAndRecordsNothing() throws Exception {
        assertThat(fixture.send("set-auto-accept-price.json", carrier, "PATH_LANE_ID", deal.truck().laneId(),
                "AMOUNT", "199999").status()).isEqualTo(200);
        var negotiationsBefore = table(fixture.negotiationsTable);
        var lanesBefore = table(fixture.lanesTable);
        fixture.notifications();

        var refused = fixture.offer(shipper, deal, 200_000);
        assertThat(reason(refused)).isEqualTo("409 AUTHORITY_MISSING");
        assertThat(table(fixture.negotiationsTable)).containsExactlyInAnyOrderElementsOf(negotiationsBefore);
        assertThat(table(fixture.lanesTable)).containsExactlyInAnyOrderElementsOf(lanesBefore);
        assertThat(fixture.notifications()).isEmpty();

        fileThroughTheRoutes(100_000_000, "2027-05-31");
        var booked = fixture.offer(shipper, deal, 200_000);
        assertThat(booked.status()).as(booked.toString()).isEqualTo(201);
        assertThat(booked.json().path("status").asText()).isEqualTo("AGREED");
    }

    @Test
    void coverageBelowTheShippersRequirementAndAnExpiryBeforeThePickupAreRefused() throws Exception {
        fileThroughTheRoutes(100_000_000, "2027-05-31");
        var requirements = fixture.send("set-carrier-requirements.json", shipper, "AUTO_CENTS", "200000000",
                "CARGO_CENTS", "10000000");
        assertThat(requirements.status()).isEqualTo(200);
        assertThat(fixture.send("read-carrier-requirements.json", shipper).json().path("isDefault").asBoolean())
                .isFalse();
        String negotiation = offer();
        assertThat(reason(acceptWritingNothingIfRefused(negotiation)))
                .isEqualTo("409 INSURANCE_BELOW_REQUIRED_COVERAGE");
        var summary = fixture.send("read-carrier-compliance.json", shipper, "PATH_NEGOTIATION_ID", negotiation);
        assertThat(summary.status()).isEqualTo(200);
        assertThat(summary.json().path("gate").path("reasonCode").asText())
                .isEqualTo("INSURANCE_BELOW_REQUIRED_COVERAGE");
        assertThat(summary.json().path("gate").path("pickupDate").asText()).isEqualTo("2026-11-23");

        fixture.send("set-carrier-requirements.json", shipper, "AUTO_CENTS", "100000000", "CARGO_CENTS", "10000000");
        // The carrier's renewal declared with the old policy's last day: before the Monday pickup.
        var expiring = declareCertificate(carrier, 100_000_000, "2026-11-22", "application/pdf", PDF.length);
        assertThat(put(expiring.json().path("upload"), PDF)).isEqualTo(200);
        assertThat(reason(acceptWritingNothingIfRefused(negotiation))).isEqualTo("409 INSURANCE_EXPIRED");

        var current = declareCertificate(carrier, 100_000_000, "2027-05-31", "application/pdf", PDF.length);
        assertThat(put(current.json().path("upload"), PDF)).isEqualTo(200);
        assertThat(acceptWritingNothingIfRefused(negotiation).status()).isEqualTo(200);
    }

    @Test
    void theOperatorRevokesAnAuthorityAndTheCarrierCannotUndoItByDeclaringAgain() throws Exception {
        fileThroughTheRoutes(100_000_000, "2027-05-31");
        var revoked = fixture.sendAsOperator("operator-set-authority-status.json", "PATH_PARTNER_ID", carrier.id(),
                "STATUS", "REVOKED", "REASON", "FMCSA out-of-service order");
        assertThat(revoked.status()).as(revoked.toString()).isEqualTo(200);
        assertThat(revoked.json().path("operatingAuthority").path("status").asText()).isEqualTo("REVOKED");
        assertThat(declareAuthority(carrier).json().path("operatingAuthority").path("status").asText())
                .isEqualTo("REVOKED");
        String negotiation = offer();
        assertThat(reason(acceptWritingNothingIfRefused(negotiation))).isEqualTo("409 AUTHORITY_REVOKED");

        assertThat(fixture.sendAsOperator("operator-set-authority-status.json", "PATH_PARTNER_ID", carrier.id(),
                "STATUS", "ACTIVE", "REASON", "order lifted").status()).isEqualTo(200);
        assertThat(acceptWritingNothingIfRefused(negotiation).status()).isEqualTo(200);

        assertThat(fixture.sendAsOperator("operator-set-authority-status.json", "PATH_PARTNER_ID",
                "01JD0000000000000000000000", "STATUS", "REVOKED", "REASON", "x").status()).isEqualTo(404);
        var byPartner = fixture.send(asPartner(DealFixture.event("operator-set-authority-status.json",
                carrier.values("OPERATOR_KEY", "bhx_x", "PATH_PARTNER_ID", carrier.id(), "STATUS", "ACTIVE",
                        "REASON", "x")), carrier));
        assertThat(byPartner.status()).isEqualTo(403);
    }

    @Test
    void onlyThePartiesReadTheCarriersComplianceAndDownloadItsCertificateAsAnAttachment() throws Exception {
        fileThroughTheRoutes(100_000_000, "2027-05-31");
        String negotiation = offer();
        var summary = fixture.send("read-carrier-compliance.json", shipper, "PATH_NEGOTIATION_ID", negotiation);
        assertThat(summary.status()).isEqualTo(200);
        assertThat(summary.json().path("gate").path("decision").asText()).isEqualTo("ALLOWED");
        assertThat(summary.json().path("operatingAuthority").path("usdotNumber").asText()).isEqualTo("3141592");

        var download = fixture.send("download-carrier-certificate.json", shipper, "PATH_NEGOTIATION_ID", negotiation);
        assertThat(download.status()).as(download.toString()).isEqualTo(200);
        var got = HTTP.send(HttpRequest.newBuilder(URI.create(download.json().path("download").path("url").asText()))
                .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(got.statusCode()).isEqualTo(200);
        assertThat(got.body()).isEqualTo(PDF);
        assertThat(got.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment;");
        assertThat(got.headers().firstValue("Content-Type")).hasValue("application/pdf");

        var stranger = fixture.shipper();
        var foreign = fixture.send("read-carrier-compliance.json", stranger, "PATH_NEGOTIATION_ID", negotiation);
        var missing = fixture.send("read-carrier-compliance.json", stranger, "PATH_NEGOTIATION_ID",
                "01JD0000000000000000000000");
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.json().path("detail")).isEqualTo(missing.json().path("detail"));
        assertThat(foreign.json().has("reasonCode")).isFalse();
        assertThat(fixture.send("download-carrier-certificate.json", stranger, "PATH_NEGOTIATION_ID", negotiation)
                .status()).isEqualTo(404);
    }

    @Test
    void badDeclarationsAndRequirementsAre400sOrA403AndWriteNothing() {
        var before = table(fixture.negotiationsTable);
        var html = declareCertificate(carrier, 100_000_000, "2027-05-31", "text/html", 1_000);
        assertThat(reason(html)).isEqualTo("400 UNSUPPORTED_CONTENT_TYPE");
        assertThat(html.errorPointers()).containsExactly("/file/contentType");
        var expired = declareCertificate(carrier, 100_000_000, "2026-11-19", "application/pdf", 1_000);
        assertThat(reason(expired)).isEqualTo("400 CERTIFICATE_EXPIRED");
        assertThat(expired.errorPointers()).containsExactly("/expiresOn");
        var tooLarge = declareCertificate(carrier, 100_000_000, "2027-05-31", "image/png", 10L * 1024 * 1024 + 1);
        assertThat(reason(tooLarge)).isEqualTo("400 DOCUMENT_TOO_LARGE");
        var notADate = declareCertificate(carrier, 100_000_000, "2027-02-30", "application/pdf", 1_000);
        assertThat(notADate.status()).isEqualTo(400);
        var byShipper = declareCertificate(shipper, 100_000_000, "2027-05-31", "application/pdf", 1_000);
        assertThat(reason(byShipper)).isEqualTo("403 NOT_A_CARRIER");
        var belowFederal = fixture.send("set-carrier-requirements.json", shipper, "AUTO_CENTS", "50000000",
                "CARGO_CENTS", "10000000");
        assertThat(reason(belowFederal)).isEqualTo("400 REQUIREMENT_BELOW_FEDERAL_MINIMUM");
        assertThat(belowFederal.errorPointers()).containsExactly("/minimumAutoLiability");
        assertThat(fixture.send("declare-operating-authority.json", carrier, "USDOT", "12a", "MC", "1").status())
                .isEqualTo(400);
        assertThat(table(fixture.negotiationsTable)).containsExactlyInAnyOrderElementsOf(before);
        assertThat(fixture.send("read-carrier-requirements.json", shipper).json().path("isDefault").asBoolean())
                .isTrue();
    }

    @Test
    void theOperatorListsCertificatesExpiringWithinNDaysFromTheIndexInPages() throws Exception {
        fileThroughTheRoutes(100_000_000, "2026-12-10");
        fixture.carrier();   // another carrier in good standing: its certificate ends in 335 days
        var page = fixture.sendAsOperator("operator-list-expiring-insurance.json", "WITHIN_DAYS", "30", "LIMIT", "10");
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        assertThat(page.json().path("items")).hasSize(1);
        assertThat(page.json().path("items").get(0).path("carrierId").asText()).isEqualTo(carrier.id());
        assertThat(page.json().path("items").get(0).path("daysToExpiry").asInt()).isEqualTo(20);
        var year = fixture.sendAsOperator("operator-list-expiring-insurance.json", "WITHIN_DAYS", "365", "LIMIT", "1");
        assertThat(year.json().path("items")).hasSize(1);
        String cursor = year.json().path("nextCursor").asText();
        assertThat(cursor).isNotEmpty();
        assertThat(fixture.sendAsOperator("operator-list-expiring-insurance.json", "WITHIN_DAYS", "400", "LIMIT", "1")
                .status()).isEqualTo(400);
        assertThat(fixture.send(asPartner(DealFixture.event("operator-list-expiring-insurance.json", carrier.values(
                "OPERATOR_KEY", "bhx_x", "WITHIN_DAYS", "30", "LIMIT", "10")), carrier)).status()).isEqualTo(403);
    }

    @Test
    void housekeepingTellsTheCarrierOncePerCertificateAndThreshold() throws Exception {
        fileThroughTheRoutes(100_000_000, "2026-12-10");
        var housekeeping = fixture.housekeeping();
        fixture.notifications();
        housekeeping.handleRequest(Map.of(), fixture.context);
        housekeeping.handleRequest(Map.of(), fixture.context);
        List<Notification> first = fixture.notifications().stream()
                .filter(n -> n.type() == NotificationType.COMPLIANCE_EXPIRING).toList();
        assertThat(first).hasSize(1);
        assertThat(first.getFirst().recipient().value()).isEqualTo(carrier.id());
        assertThat(first.getFirst().dataJson()).contains("\"thresholdDays\":30").contains("\"daysToExpiry\":20");

        fixture.clock.set(Instant.parse("2026-12-04T12:00:00Z"));
        housekeeping.handleRequest(Map.of(), fixture.context);
        housekeeping.handleRequest(Map.of(), fixture.context);
        List<Notification> second = fixture.notifications().stream()
                .filter(n -> n.type() == NotificationType.COMPLIANCE_EXPIRING).toList();
        assertThat(second).hasSize(1);
        assertThat(second.getFirst().dataJson()).contains("\"thresholdDays\":7");

        fixture.clock.set(Instant.parse("2026-12-09T12:00:00Z"));
        housekeeping.handleRequest(Map.of(), fixture.context);
        assertThat(fixture.notifications()).noneMatch(n -> n.type() == NotificationType.COMPLIANCE_EXPIRING);
    }
}
