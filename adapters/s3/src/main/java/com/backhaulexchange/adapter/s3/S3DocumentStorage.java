package com.backhaulexchange.adapter.s3;

import com.backhaulexchange.deal.document.DocumentContentType;
import com.backhaulexchange.deal.document.DocumentStorage;
import com.backhaulexchange.deal.document.PresignedRequest;
import com.backhaulexchange.deal.document.StoredObject;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * Documents in one private S3 bucket (ADR 33). An upload is a presigned PUT whose signature covers the content type
 * and the content length, so S3 refuses any other type or size; a download a presigned GET whose signature covers
 * {@code response-content-type} (the document's allowed type) and {@code response-content-disposition: attachment},
 * so whatever the object holds, a browser saves it instead of rendering it.
 */
public final class S3DocumentStorage implements DocumentStorage {
    private final S3Client s3;
    private final S3Presigner presigner;
    private final String bucket;

    public S3DocumentStorage(S3Client s3, S3Presigner presigner, String bucket) {
        this.s3 = s3;
        this.presigner = presigner;
        this.bucket = bucket;
    }

    @Override
    public PresignedRequest presignUpload(String objectKey, DocumentContentType contentType, long sizeBytes,
            Duration validFor) {
        var put = PutObjectRequest.builder().bucket(bucket).key(objectKey).contentType(contentType.mediaType())
                .contentLength(sizeBytes).build();
        var presigned = presigner.presignPutObject(request -> request.signatureDuration(validFor).putObjectRequest(put));
        return request("PUT", presigned);
    }

    @Override
    public Optional<StoredObject> head(String objectKey) {
        try {
            var head = s3.headObject(request -> request.bucket(bucket).key(objectKey));
            return Optional.of(new StoredObject(head.contentLength(), head.contentType()));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    @Override
    public PresignedRequest presignDownload(String objectKey, DocumentContentType contentType, String fileName,
            Duration validFor) {
        var get = GetObjectRequest.builder().bucket(bucket).key(objectKey)
                .responseContentType(contentType.mediaType())
                .responseContentDisposition("attachment; filename=\"" + fileName + "\"").build();
        var presigned = presigner.presignGetObject(request -> request.signatureDuration(validFor).getObjectRequest(get));
        return request("GET", presigned);
    }

    /** The signed headers the client must send as they are; {@code host} is the URL's own. */
    private static PresignedRequest request(String method,
            software.amazon.awssdk.awscore.presigner.PresignedRequest presigned) {
        Map<String, String> headers = new LinkedHashMap<>();
        presigned.signedHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("host")) {
                headers.put(name, String.join(",", values));
            }
        });
        try {
            return new PresignedRequest(method, presigned.url().toURI(), headers, presigned.expiration());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("a presigned URL is a URI", e);
        }
    }
}
