package com.backhaulexchange.testing;

import java.net.URI;
import java.util.Map;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * One ElasticMQ (an SQS-compatible server) per test JVM, started on first use on a free loopback port and
 * stopped when the JVM exits. Tests isolate themselves with fresh queues (see {@link TemplateQueues}).
 */
public final class ElasticMqServer {
    private static ElasticMqServer instance;

    private final SQSRestServer server;
    private final URI endpoint;

    private ElasticMqServer() {
        server = SQSRestServerBuilder.withDynamicPort().withInterface("localhost").withAWSRegion("us-east-1")
                .start();
        int port = server.waitUntilStarted().localAddress().getPort();
        endpoint = URI.create("http://localhost:" + port);
        Runtime.getRuntime().addShutdownHook(new Thread(server::stopAndWait));
    }

    public static synchronized ElasticMqServer shared() {
        if (instance == null) {
            instance = new ElasticMqServer();
        }
        return instance;
    }

    public URI endpoint() {
        return endpoint;
    }

    public SqsClient client() {
        return SqsClient.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    /** {@code environment} plus what a function needs to reach this server, as the local stack gives it. */
    public Map<String, String> withEndpoint(Map<String, String> environment) {
        var copy = new java.util.HashMap<>(environment);
        copy.put("AWS_ENDPOINT_URL_SQS", endpoint.toString());
        return copy;
    }
}
