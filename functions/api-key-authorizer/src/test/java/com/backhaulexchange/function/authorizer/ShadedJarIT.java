package com.backhaulexchange.function.authorizer;

import static org.assertj.core.api.Assertions.assertThat;

import com.backhaulexchange.function.authorizer.jar.InvokeFromShadedJar;
import com.backhaulexchange.partner.PartnerRole;
import com.backhaulexchange.testing.DynamoDbLocalServer;
import com.sun.net.httpserver.HttpServer;
import java.io.File;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The deployment jar is shrunk to the classes the handler can reach (ADR 7: minimizeJar, and the SDK's
 * per-service region metadata left out), so a class the SDK loads by name on some path could be missing from it
 * while every unit test, which runs on the full classpath, still passes. This runs the real jar in a JVM of its own,
 * with nothing else on the classpath but {@link InvokeFromShadedJar}, on Lambda's SnapStart credential path (the
 * container credentials endpoint with its authorization token, served here on loopback) against DynamoDB Local,
 * and checks a real partner key is allowed.
 */
class ShadedJarIT {
    private static final Path JAR = Path.of("target", "api-key-authorizer.jar");
    private static final String CONTAINER_TOKEN = "container-authorization-token";

    private HttpServer credentialsEndpoint;
    private final AtomicInteger credentialRequests = new AtomicInteger();

    @BeforeEach
    void startContainerCredentialsEndpoint() throws Exception {
        credentialsEndpoint = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        credentialsEndpoint.createContext("/2021-04-23/credentials", exchange -> {
            boolean authorized = CONTAINER_TOKEN.equals(exchange.getRequestHeaders().getFirst("Authorization"));
            byte[] body = (authorized ? """
                    {"AccessKeyId":"local","SecretAccessKey":"local","Token":"session","Expiration":"%s"}"""
                    .formatted(Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS))
                    : "{}").getBytes(StandardCharsets.UTF_8);
            if (authorized) {
                credentialRequests.incrementAndGet();
            }
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(authorized ? 200 : 403, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        credentialsEndpoint.start();
    }

    @AfterEach
    void stop() {
        credentialsEndpoint.stop(0);
    }

    /** A directory holding InvokeFromShadedJar's class files and nothing else of the test classes. */
    private static Path invokerClassesOnly() throws Exception {
        Path testClasses = Path.of(InvokeFromShadedJar.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        String packagePath = InvokeFromShadedJar.class.getPackageName().replace('.', '/');
        Path target = Files.createTempDirectory("shaded-jar-invoker");
        Files.createDirectories(target.resolve(packagePath));
        try (var files = Files.list(testClasses.resolve(packagePath))) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith(InvokeFromShadedJar.class.getSimpleName())).toList()) {
                Files.copy(file, target.resolve(packagePath).resolve(file.getFileName()));
            }
        }
        return target;
    }

    @Test
    void theDeploymentJarAloneAuthenticatesAPartnerKeyWithContainerCredentials() throws Exception {
        assertThat(JAR).as("the shaded jar, built in the package phase").exists();
        var credentials = new CredentialFixture();
        var carrier = credentials.registerPartner(PartnerRole.CARRIER);

        var environment = new HashMap<String, String>();
        environment.put("AWS_REGION", "us-east-1");
        environment.put("AWS_ENDPOINT_URL_DYNAMODB", DynamoDbLocalServer.shared().endpoint().toString());
        environment.put("AWS_CONTAINER_CREDENTIALS_FULL_URI",
                "http://127.0.0.1:" + credentialsEndpoint.getAddress().getPort() + "/2021-04-23/credentials");
        environment.put("AWS_CONTAINER_AUTHORIZATION_TOKEN", CONTAINER_TOKEN);
        environment.put("PARTNERS_TABLE_NAME", credentials.tableName);
        Path invoker = invokerClassesOnly();
        Path stderr = Files.createTempFile("shaded-jar", ".log");
        var process = new ProcessBuilder(List.of(
                ProcessHandle.current().info().command().orElseThrow(), "-cp",
                JAR.toAbsolutePath() + File.pathSeparator + invoker,
                InvokeFromShadedJar.class.getName(), carrier.token()))
                .redirectError(stderr.toFile());
        process.environment().clear();
        process.environment().putAll(environment);
        Process running = process.start();
        boolean exited = running.waitFor(60, TimeUnit.SECONDS);
        String output = new String(running.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String errors = Files.readString(stderr);
        if (!exited) {
            running.destroyForcibly();
        }

        assertThat(errors).doesNotContain("NoClassDefFoundError", "ClassNotFoundException", "LinkageError");
        assertThat(running.exitValue()).as("exit status; stderr:%n%s", errors).isZero();
        assertThat(output.strip()).isEqualTo("POLICY Allow " + carrier.partnerId().value());
        assertThat(credentialRequests).as("credentials came from the container endpoint").hasPositiveValue();
    }
}
