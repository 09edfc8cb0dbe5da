package com.backhaulexchange.adapter.s3;

import com.backhaulexchange.adapter.lambda.AwsClients;
import com.backhaulexchange.adapter.lambda.FunctionEnvironment;
import java.net.URI;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * The document storage of a function: {@code DOCUMENTS_BUCKET_NAME}; {@code AWS_ENDPOINT_URL_S3} points it at a
 * local S3 (S3Proxy), addressed by path since a local server has no host name per bucket.
 */
public final class S3Clients {
    public static final String ENDPOINT_VARIABLE = "AWS_ENDPOINT_URL_S3";

    private S3Clients() {
    }

    public static S3DocumentStorage documentStorage(FunctionEnvironment environment) {
        boolean local = environment.optional(ENDPOINT_VARIABLE).isPresent();
        var configuration = S3Configuration.builder().pathStyleAccessEnabled(local).build();
        S3Client s3 = AwsClients.build(S3Client.builder().serviceConfiguration(configuration), environment,
                ENDPOINT_VARIABLE);
        var presigner = S3Presigner.builder().region(AwsClients.region(environment))
                .credentialsProvider(AwsClients.credentials(environment)).serviceConfiguration(configuration);
        environment.optional(ENDPOINT_VARIABLE).map(URI::create).ifPresent(presigner::endpointOverride);
        return new S3DocumentStorage(s3, presigner.build(), environment.required("DOCUMENTS_BUCKET_NAME"));
    }
}
