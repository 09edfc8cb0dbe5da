package com.backhaulexchange.localstack.aws;

import com.backhaulexchange.localstack.support.ConsoleLog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import software.amazon.dynamodb.services.local.main.CommandLineInput;
import software.amazon.dynamodb.services.local.main.ServerRunner;
import software.amazon.dynamodb.services.local.server.DynamoDBProxyServer;

/**
 * DynamoDB Local in server mode, in this JVM, on a free loopback port: in memory, or in
 * {@code <dataDirectory>/dynamodb} so that data survives a restart.
 *
 * <p>{@code -sharedDb} makes every client see the same tables whatever access key and region it signs with
 * (handlers may build their clients from credentials other than the dummy ones given to them).
 * {@code -disableTelemetry} keeps it from phoning home; and unlike {@code ServerRunner.main} this path never
 * writes {@code dynamodb-local-metadata.json} into the working directory.
 */
public final class DynamoDbLocalServer implements AutoCloseable {

    private final DynamoDBProxyServer server;
    private final int port;

    private DynamoDbLocalServer(DynamoDBProxyServer server, int port) {
        this.server = server;
        this.port = port;
    }

    public static DynamoDbLocalServer start(Optional<Path> dataDirectory) {
        Optional<Path> databaseDirectory = dataDirectory.map(DynamoDbLocalServer::databaseDirectory);
        return LoopbackPorts.withRetries("DynamoDB Local", port -> {
            List<String> arguments = new ArrayList<>(List.of(
                    "-port", Integer.toString(port), "-sharedDb", "-disableTelemetry"));
            if (databaseDirectory.isPresent()) {
                arguments.addAll(List.of("-dbPath", databaseDirectory.get().toString()));
            } else {
                arguments.add("-inMemory");
            }
            CommandLineInput input = new CommandLineInput(arguments.toArray(String[]::new));
            if (!input.init()) {
                throw new IllegalStateException("DynamoDB Local rejected its arguments " + arguments);
            }
            // createServer rather than createServerFromCommandLineArgs: the latter prints its configuration.
            DynamoDBProxyServer server = ServerRunner.createServer(input);
            bindToLoopback(server);
            server.start();
            return new DynamoDbLocalServer(server, port);
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
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("DynamoDB Local did not stop cleanly", e);
        }
    }

    private static Path databaseDirectory(Path dataDirectory) {
        Path directory = dataDirectory.resolve("dynamodb").toAbsolutePath();
        try {
            return Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + directory, e);
        }
    }

    /**
     * DynamoDB Local has no option for the listen address and binds every interface; its Jetty connector is
     * switched to loopback before start so the database is not exposed to the network.
     */
    private static void bindToLoopback(DynamoDBProxyServer proxyServer) {
        try {
            Field serverField = DynamoDBProxyServer.class.getDeclaredField("server");
            serverField.setAccessible(true);
            Server jetty = (Server) serverField.get(proxyServer);
            for (var connector : jetty.getConnectors()) {
                if (connector instanceof ServerConnector serverConnector) {
                    serverConnector.setHost(LoopbackPorts.LOOPBACK_HOST);
                }
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            ConsoleLog.warn("DynamoDB Local listens on all interfaces (could not restrict it to loopback: " + e + ")");
        }
    }
}
