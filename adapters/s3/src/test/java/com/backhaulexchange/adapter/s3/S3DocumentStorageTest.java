package com.backhaulexchange.adapter.s3;

import static org.assertj.core.api.Assertions.assertThat;

import com.backhaulexchange.deal.document.DocumentContentType;
import com.backhaulexchange.testing.S3ProxyServer;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

@DisplayName("S3DocumentStorage on S3Proxy in-process")
class S3DocumentStorageTest {
    /** HTTP/1.1 and no restricted headers set by hand: the client sends Content-Length itself. */
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private final S3ProxyServer server = S3ProxyServer.shared();
    private final String bucket = "documents-" + UUID.randomUUID().toString().substring(0, 8);
    private final S3DocumentStorage storage;

    S3DocumentStorageTest() {
        server.createBucket(bucket);
        var credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create(S3ProxyServer.ACCESS_KEY,
                S3ProxyServer.SECRET_KEY));
        var pathStyle = S3Configuration.builder().pathStyleAccessEnabled(true).build();
        var s3 = S3Client.builder().endpointOverride(server.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(credentials).serviceConfiguration(pathStyle)
                .httpClient(UrlConnectionHttpClient.create()).build();
        var presigner = S3Presigner.builder().endpointOverride(server.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(credentials).serviceConfiguration(pathStyle).build();
        storage = new S3DocumentStorage(s3, presigner, bucket);
    }

    private static HttpResponse<byte[]> put(com.backhaulexchange.deal.document.PresignedRequest request, byte[] body,
            String contentType) throws Exception {
        var builder = HttpRequest.newBuilder(request.url()).PUT(HttpRequest.BodyPublishers.ofByteArray(body));
        request.headers().forEach((name, value) -> {
            if (!Set.of("content-length", "content-type").contains(name.toLowerCase())) {
                builder.header(name, value);
            }
        });
        builder.header("Content-Type", contentType);
        return HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void aPresignedPutTakesExactlyTheGrantedTypeAndSizeAndAPresignedGetServesItAsAnAttachment() throws Exception {
        byte[] pdf = "%PDF-1.7 signed proof of delivery".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        String key = "bookings/01JDBKNG000000000000000001/01JDDCMT000000000000000001.pdf";
        var upload = storage.presignUpload(key, DocumentContentType.PDF, pdf.length, Duration.ofMinutes(10));
        assertThat(upload.method()).isEqualTo("PUT");
        assertThat(upload.headers()).containsEntry("content-type", "application/pdf").containsEntry("content-length",
                Integer.toString(pdf.length));

        assertThat(put(upload, pdf, "text/html").statusCode()).as("another type").isEqualTo(403);
        assertThat(put(upload, Arrays.copyOf(pdf, pdf.length + 1), "application/pdf").statusCode())
                .as("another size").isIn(400, 403);
        assertThat(storage.head(key)).isEmpty();

        assertThat(put(upload, pdf, "application/pdf").statusCode()).isEqualTo(200);
        var stored = storage.head(key).orElseThrow();
        assertThat(stored.sizeBytes()).isEqualTo(pdf.length);
        assertThat(stored.contentType()).isEqualTo("application/pdf");

        var download = storage.presignDownload(key, DocumentContentType.PDF, "proof-of-delivery-x.pdf",
                Duration.ofMinutes(5));
        var got = HTTP.send(HttpRequest.newBuilder(download.url()).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(got.statusCode()).isEqualTo(200);
        assertThat(got.body()).isEqualTo(pdf);
        assertThat(got.headers().firstValue("Content-Disposition")).hasValue(
                "attachment; filename=\"proof-of-delivery-x.pdf\"");
        assertThat(got.headers().firstValue("Content-Type")).hasValue("application/pdf");

        var tampered = download.url().toString().replace("attachment", "inline");
        assertThat(HTTP.send(HttpRequest.newBuilder(java.net.URI.create(tampered)).GET().build(),
                HttpResponse.BodyHandlers.discarding()).statusCode()).as("the disposition is signed").isEqualTo(403);
    }
}
