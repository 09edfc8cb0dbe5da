package com.backhaulexchange.localstack.aws;

import com.backhaulexchange.localstack.template.LocalEnvironment;
import java.net.URI;
import org.elasticmq.NodeAddress;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;

/**
 * ElasticMQ (an SQS-compatible server) in this JVM on a free loopback port. Queue URLs it returns are
 * {@code http://localhost:<port>/000000000000/<name>} and ARNs {@code arn:aws:sqs:us-east-1:000000000000:<name>},
 * exactly what {@link com.backhaulexchange.localstack.template.IntrinsicResolver} resolves the template to.
 */
public final class ElasticMqServer implements AutoCloseable {

    private final SQSRestServer server;
    private final int port;

    private ElasticMqServer(SQSRestServer server, int port) {
        this.server = server;
        this.port = port;
    }

    public static ElasticMqServer start() {
        return LoopbackPorts.withRetries("ElasticMQ", port -> {
            SQSRestServer server = SQSRestServerBuilder
                    .withPort(port)
                    .withInterface(LoopbackPorts.LOOPBACK_HOST)
                    .withServerAddress(new NodeAddress("http", "localhost", port, ""))
                    .withAWSRegion(LocalEnvironment.REGION)
                    .withAWSAccountId(LocalEnvironment.ACCOUNT_ID)
                    .start();
            try {
                server.waitUntilStarted();
            } catch (RuntimeException e) {
                server.stopAndWait();
                throw e;
            }
            return new ElasticMqServer(server, port);
        });
    }

    public URI endpoint() {
        return URI.create("http://localhost:" + port);
    }

    public int port() {
        return port;
    }

    @Override
    public void close() {
        server.stopAndWait();
    }
}
