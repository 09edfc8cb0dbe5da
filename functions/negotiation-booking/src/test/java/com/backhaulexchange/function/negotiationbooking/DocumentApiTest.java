package com.backhaulexchange.function.negotiationbooking;

import static org.assertj.core.api.Assertions.assertThat;

import com.backhaulexchange.testing.Reply;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Documents of a booking (ADR 33) on events/ samples, with S3Proxy as the storage: presigned for real. */
class DocumentApiTest {
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final byte[] PDF = "%PDF-1.7 consignee signature, 22 pallets received".getBytes(
            StandardCharsets.US_ASCII);

    private DealFixture fixture;
    private DealFixture.Caller carrier;
    private DealFixture.Caller shipper;
    private String bookingId;

    @BeforeEach
    void aBookedMovePickedUp() {
        fixture = new DealFixture();
        carrier = fixture.carrier();
        shipper = fixture.shipper();
        var deal = fixture.matched(carrier, shipper);
        String negotiation = fixture.offer(shipper, deal, 200_000).json().path("negotiationId").asText();
        bookingId = fixture.act("accept", carrier, negotiation).json().path("bookingId").asText();
        fixture.clock.set(Instant.parse("2026-11-23T13:45:00Z"));
        assertThat(fixture.send("record-pickup.json", carrier, "PATH_BOOKING_ID", bookingId, "ACTUAL_TIME",
                "2026-11-23T13:30:00Z").status()).isEqualTo(200);
    }

    private Reply request(DealFixture.Caller caller, String kind, String contentType, long size) {
        return fixture.send("request-document-upload.json", caller, "PATH_BOOKING_ID", bookingId, "KIND", kind,
                "CONTENT_TYPE", contentType, "SIZE_BYTES", Long.toString(size));
    }

    private static int put(JsonNode upload, byte[] body, String contentType) throws Exception {
        var builder = HttpRequest.newBuilder(URI.create(upload.path("url").asText()))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(body));
        upload.path("headers").properties().forEach(header -> {
            if (!Set.of("content-length", "content-type").contains(header.getKey())) {
                builder.header(header.getKey(), header.getValue().asText());
            }
        });
        builder.header("Content-Type", contentType);
        return HTTP.send(builder.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void theCarrierUploadsAProofOfDeliveryThatBothPartiesSeeAndDownloadAsAnAttachment() throws Exception {
        var granted = request(carrier, "PROOF_OF_DELIVERY", "application/pdf", PDF.length);
        assertThat(granted.status()).as(granted.toString()).isEqualTo(201);
        JsonNode upload = granted.json().path("upload");
        assertThat(upload.path("method").asText()).isEqualTo("PUT");
        assertThat(upload.path("headers").path("content-type").asText()).isEqualTo("application/pdf");
        String documentId = granted.json().path("documentId").asText();

        assertThat(fixture.send("list-documents.json", shipper, "PATH_BOOKING_ID", bookingId).json().path("items"))
                .as("not listed before the upload").isEmpty();
        assertThat(put(upload, PDF, "text/html")).as("another type than granted").isEqualTo(403);
        assertThat(put(upload, PDF, "application/pdf")).isEqualTo(200);

        var listed = fixture.send("list-documents.json", shipper, "PATH_BOOKING_ID", bookingId);
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.json().path("items")).hasSize(1);
        assertThat(listed.json().path("items").get(0).path("status").asText()).isEqualTo("UPLOADED");

        var download = fixture.send("download-document.json", shipper, "PATH_BOOKING_ID", bookingId,
                "PATH_DOCUMENT_ID", documentId);
        assertThat(download.status()).as(download.toString()).isEqualTo(200);
        var got = HTTP.send(HttpRequest.newBuilder(URI.create(download.json().path("download").path("url").asText()))
                .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(got.statusCode()).isEqualTo(200);
        assertThat(got.body()).isEqualTo(PDF);
        assertThat(got.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment;");
        assertThat(got.headers().firstValue("Content-Type")).hasValue("application/pdf");
    }

    private Reply confirm(DealFixture.Caller caller, String documentId) {
        return fixture.send("confirm-document-upload.json", caller, "PATH_BOOKING_ID", bookingId, "PATH_DOCUMENT_ID",
                documentId);
    }

    @Test
    void aConfirmedProofOfDeliveryIsTheNextTrackingEventToldToBothPartiesOnceHoweverOftenConfirmed()
            throws Exception {
        var granted = request(carrier, "PROOF_OF_DELIVERY", "application/pdf", PDF.length);
        String documentId = granted.json().path("documentId").asText();
        fixture.notifications();

        var early = confirm(carrier, documentId);
        assertThat(early.status()).as(early.toString()).isEqualTo(409);
        assertThat(early.json().path("reasonCode").asText()).isEqualTo("UPLOAD_NOT_FOUND");
        assertThat(fixture.notifications()).isEmpty();

        assertThat(put(granted.json().path("upload"), PDF, "application/pdf")).isEqualTo(200);
        fixture.clock.set(Instant.parse("2026-11-24T20:05:00Z"));
        var confirmed = confirm(carrier, documentId);
        assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(200);
        assertThat(confirmed.json().path("status").asText()).isEqualTo("UPLOADED");
        assertThat(confirmed.json().path("uploadedAt").asText()).isEqualTo("2026-11-24T20:05:00Z");
        var again = confirm(carrier, documentId);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json()).isEqualTo(confirmed.json());

        JsonNode events = fixture.send("get-tracking.json", shipper, "PATH_BOOKING_ID", bookingId).json()
                .path("events");
        assertThat(events).hasSize(1);
        assertThat(events.get(0).path("sequence").asLong()).isEqualTo(1);
        assertThat(events.get(0).path("type").asText()).isEqualTo("PROOF_OF_DELIVERY");
        assertThat(events.get(0).path("stop").asText()).isEqualTo("DELIVERY");
        var notifications = fixture.notifications();
        assertThat(notifications).extracting(n -> n.type().name(), n -> n.recipient().value())
                .containsExactlyInAnyOrder(
                        org.assertj.core.api.Assertions.tuple("PROOF_OF_DELIVERY", carrier.partner().id().value()),
                        org.assertj.core.api.Assertions.tuple("PROOF_OF_DELIVERY", shipper.partner().id().value()));
        assertThat(notifications).allSatisfy(n -> assertThat(n.dataJson()).contains("\"sequence\":1",
                "\"documentId\":\"" + documentId + "\"", "\"event\":\"PROOF_OF_DELIVERY\""));

        // A second proof of delivery (a better scan) is uploaded, but the delivery was proven once.
        var second = request(carrier, "PROOF_OF_DELIVERY", "application/pdf", PDF.length);
        assertThat(put(second.json().path("upload"), PDF, "application/pdf")).isEqualTo(200);
        assertThat(confirm(carrier, second.json().path("documentId").asText()).status()).isEqualTo(200);
        assertThat(fixture.notifications()).isEmpty();
        assertThat(fixture.send("get-tracking.json", shipper, "PATH_BOOKING_ID", bookingId).json().path("events"))
                .hasSize(1);
    }

    @Test
    void anObjectOtherThanGrantedIsRefusedAndTheDocumentStaysPending() {
        var granted = request(carrier, "BILL_OF_LADING", "application/pdf", PDF.length);
        String documentId = granted.json().path("documentId").asText();
        try (var s3 = software.amazon.awssdk.services.s3.S3Client.builder()
                .endpointOverride(com.backhaulexchange.testing.S3ProxyServer.shared().endpoint()).forcePathStyle(true)
                .requestChecksumCalculation(software.amazon.awssdk.core.checksums.RequestChecksumCalculation.WHEN_REQUIRED)
                .serviceConfiguration(software.amazon.awssdk.services.s3.S3Configuration.builder()
                        .chunkedEncodingEnabled(false).build())
                .region(software.amazon.awssdk.regions.Region.US_EAST_1)
                .credentialsProvider(software.amazon.awssdk.auth.credentials.StaticCredentialsProvider.create(
                        software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create(
                                com.backhaulexchange.testing.S3ProxyServer.ACCESS_KEY,
                                com.backhaulexchange.testing.S3ProxyServer.SECRET_KEY)))
                .build()) {
            // Someone with the bucket's rights writes a shorter object at the document's key.
            s3.putObject(put -> put.bucket(fixture.documentsBucket).key("bookings/" + bookingId + "/" + documentId
                    + ".pdf").contentType("application/pdf"), software.amazon.awssdk.core.sync.RequestBody
                    .fromBytes(java.util.Arrays.copyOf(PDF, PDF.length - 1)));
        }

        var mismatch = confirm(carrier, documentId);
        assertThat(mismatch.status()).as(mismatch.toString()).isEqualTo(409);
        assertThat(mismatch.json().path("reasonCode").asText()).isEqualTo("UPLOAD_MISMATCH");
        assertThat(fixture.send("list-documents.json", carrier, "PATH_BOOKING_ID", bookingId).json().path("items"))
                .isEmpty();

        var byShipper = confirm(shipper, documentId);
        assertThat(byShipper.status()).isEqualTo(403);
        assertThat(byShipper.json().path("reasonCode").asText()).isEqualTo("WRONG_PARTY");
        assertThat(confirm(fixture.carrier(), documentId).status()).as("a stranger").isEqualTo(404);
        assertThat(confirm(carrier, "01JDDCMT000000000000000001").status()).isEqualTo(404);
        assertThat(confirm(carrier, "not-a-document").status()).isEqualTo(404);
    }

    @Test
    void strangersLearnNothingTheShipperUploadsNothingAndBadInputIsRefusedWritingNothing() {
        var stranger = fixture.carrier();
        assertThat(request(stranger, "BILL_OF_LADING", "application/pdf", 1_000).status()).isEqualTo(404);
        assertThat(fixture.send("list-documents.json", stranger, "PATH_BOOKING_ID", bookingId).status())
                .isEqualTo(404);
        assertThat(fixture.send("download-document.json", stranger, "PATH_BOOKING_ID", bookingId,
                "PATH_DOCUMENT_ID", "01JDDCMT000000000000000001").status()).isEqualTo(404);
        var byShipper = request(shipper, "BILL_OF_LADING", "application/pdf", 1_000);
        assertThat(byShipper.status()).isEqualTo(403);
        assertThat(byShipper.json().path("reasonCode").asText()).isEqualTo("WRONG_PARTY");

        var html = request(carrier, "BILL_OF_LADING", "text/html", 1_000);
        assertThat(html.status()).isEqualTo(400);
        assertThat(html.json().path("reasonCode").asText()).isEqualTo("UNSUPPORTED_CONTENT_TYPE");
        assertThat(html.errorPointers()).containsExactly("/contentType");
        var tooLarge = request(carrier, "BILL_OF_LADING", "image/png", 10L * 1024 * 1024 + 1);
        assertThat(tooLarge.status()).isEqualTo(400);
        assertThat(tooLarge.json().path("reasonCode").asText()).isEqualTo("DOCUMENT_TOO_LARGE");
        assertThat(tooLarge.errorPointers()).containsExactly("/sizeBytes");
        assertThat(fixture.send("download-document.json", carrier, "PATH_BOOKING_ID", bookingId,
                "PATH_DOCUMENT_ID", "01JDDCMT000000000000000001").status()).isEqualTo(404);
    }
}
