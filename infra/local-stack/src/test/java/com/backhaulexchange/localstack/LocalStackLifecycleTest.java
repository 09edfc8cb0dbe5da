package com.backhaulexchange.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.backhaulexchange.localstack.aws.AwsClients;
import com.backhaulexchange.localstack.aws.TableProvisioner;
import com.backhaulexchange.localstack.lambda.FunctionInitializationException;
import com.backhaulexchange.localstack.template.TemplateException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class LocalStackLifecycleTest {

    @Test
    void aRestartWithTheSameDataDirectoryKeepsTheTablesAndTheirData(@TempDir Path dataDirectory) {
        try (LocalStack first = FixtureStack.options().dataDirectory(dataDirectory).start();
             DynamoDbClient dynamoDb = AwsClients.dynamoDb(first.dynamoDbEndpoint())) {
            assertThat(first.tables()).allSatisfy(table -> assertThat(table.created()).isTrue());
            dynamoDb.putItem(request -> request.tableName(first.tableName("OrdersTable")).item(Map.of(
                    "pk", AttributeValue.fromS("order#1"), "sk", AttributeValue.fromS("v1"),
                    "status", AttributeValue.fromS("kept"))));
        }
        assertThat(dataDirectory.resolve("dynamodb")).isDirectoryContaining(path -> path.toString().endsWith(".db"));

        try (LocalStack second = FixtureStack.options().dataDirectory(dataDirectory).start();
             DynamoDbClient dynamoDb = AwsClients.dynamoDb(second.dynamoDbEndpoint())) {
            assertThat(second.tables()).extracting(TableProvisioner.Outcome::created).containsOnly(false);
            assertThat(second.tables()).allSatisfy(table -> assertThat(table.warnings()).isEmpty());
            Map<String, AttributeValue> item = dynamoDb.getItem(request -> request.tableName("OrdersTable").key(Map.of(
                    "pk", AttributeValue.fromS("order#1"), "sk", AttributeValue.fromS("v1")))).item();
            assertThat(item.get("status").s()).isEqualTo("kept");
        }
    }

    @Test
    void closeStopsEverythingAndReleasesThePorts() throws InterruptedException {
        boolean metadataFileExisted = Files.exists(Path.of("dynamodb-local-metadata.json"));
        Set<Thread> threadsBefore = Thread.getAllStackTraces().keySet();
        LocalStack stack = FixtureStack.start();
        List<URI> endpoints = List.of(stack.httpBaseUrl(), stack.dynamoDbEndpoint(), stack.sqsEndpoint());
        endpoints.forEach(endpoint -> assertThat(accepts(endpoint)).as("%s listens", endpoint).isTrue());

        stack.close();
        stack.close();

        endpoints.forEach(endpoint -> assertThat(accepts(endpoint)).as("%s is closed", endpoint).isFalse());
        List<Thread> stackThreads = Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> !threadsBefore.contains(thread))
                .filter(thread -> thread.getName().startsWith("sqs-") || thread.getName().startsWith("local-api-")
                        || thread.getName().startsWith("lambda-"))
                .toList();
        for (Thread thread : stackThreads) {
            thread.join(2_000);
        }
        assertThat(stackThreads).noneMatch(Thread::isAlive);
        if (!metadataFileExisted) {
            assertThat(Path.of("dynamodb-local-metadata.json")).doesNotExist();
        }
    }

    @Test
    void aFixedPortIsUsedAndAPortInUseIsAClearError() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertThatThrownBy(() -> FixtureStack.options().httpPort(taken.getLocalPort()).start())
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("Port " + taken.getLocalPort() + " is already in use");
        }
    }

    @Test
    void aMissingParameterFailsBeforeAnythingStarts() {
        assertThatThrownBy(() -> LocalStack.builder().templatePath(FixtureStack.TEMPLATE).start())
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("Secret");
    }

    @Test
    void aHandlerThatCannotBeLoadedFailsTheStart(@TempDir Path directory) throws IOException {
        Path template = Files.writeString(directory.resolve("template.yaml"), """
                Resources:
                  Missing:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: com.example.DoesNotExist::handleRequest
                """);

        assertThatThrownBy(() -> LocalStack.builder().templatePath(template).start())
                .isInstanceOf(FunctionInitializationException.class)
                .hasMessageContaining("Missing").hasMessageContaining("com.example.DoesNotExist");
    }

    @Test
    void aHandlerOfTheWrongEventTypeFailsTheStart(@TempDir Path directory) throws IOException {
        Path template = Files.writeString(directory.resolve("template.yaml"), """
                Resources:
                  Queue:
                    Type: AWS::SQS::Queue
                  Consumer:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: com.backhaulexchange.localstack.fixture.ScheduledHandler::handleRequest
                      Events:
                        Work:
                          Type: SQS
                          Properties:
                            Queue: !GetAtt Queue.Arn
                """);

        assertThatThrownBy(() -> LocalStack.builder().templatePath(template).start())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Consumer must take SQSEvent")
                .hasMessageContaining("ScheduledEvent");
    }

    @Test
    void aConsoleDirectoryIsServedAtConsoleBesideTheApiAndTheBannerSaysWhere(@TempDir Path console) throws IOException {
        Files.writeString(console.resolve("index.html"), "<!doctype html><title>partner console</title>");
        try (LocalStack stack = FixtureStack.options().consoleDirectory(console).start()) {
            assertThat(stack.consoleUrl()).contains(stack.httpBaseUrl().resolve("/console/"));
            assertThat(StartupBanner.render(stack)).contains("Console   " + stack.httpBaseUrl() + "/console/");

            var page = FixtureStack.send(stack, "GET", "/console/", null);
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("<title>partner console</title>");
            assertThat(FixtureStack.send(stack, "GET", "/console/lanes", null).body()).contains("partner console");
            assertThat(FixtureStack.send(stack, "GET", "/_local/health", null).body()).contains("\"status\":\"UP\"");
            var beside = FixtureStack.send(stack, "GET", "/consoles", null);
            var unknown = FixtureStack.send(stack, "GET", "/no-such-route", null);
            assertThat(beside.statusCode()).as("a path beside the console goes to the API").isEqualTo(unknown.statusCode());
            assertThat(beside.headers().firstValue("Content-Type")).isEqualTo(unknown.headers().firstValue("Content-Type"));
        }
        try (LocalStack withoutConsole = FixtureStack.start()) {
            assertThat(withoutConsole.consoleUrl()).isEmpty();
            assertThat(StartupBanner.render(withoutConsole)).doesNotContain("Console");
            assertThat(FixtureStack.send(withoutConsole, "GET", "/console/", null).body()).doesNotContain("partner console");
        }
    }

    @Test
    void theCommandLineIsParsedIntoOptions() {
        LocalStackMain.Arguments arguments = LocalStackMain.parse(new String[] {
                "--template", "t.yaml", "--port", "3100", "--data-dir", ".local-data", "--parameter", "A=1",
                "--parameter", "B=x=y", "--run-schedules", "--demo", "--console-dir", "console/dist"});

        assertThat(arguments.options().templatePath()).isEqualTo(Path.of("t.yaml"));
        assertThat(arguments.options().httpPort()).isEqualTo(3100);
        assertThat(arguments.options().dataDirectory()).isEqualTo(Path.of(".local-data"));
        assertThat(arguments.options().parameterOverrides()).containsExactlyInAnyOrderEntriesOf(Map.of("A", "1", "B", "x=y"));
        assertThat(arguments.options().runSchedules()).isTrue();
        assertThat(arguments.demo()).isTrue();
        assertThat(arguments.options().consoleDirectory()).isEqualTo(Path.of("console/dist"));

        LocalStackMain.Arguments defaults = LocalStackMain.parse(new String[0]);
        assertThat(defaults.options().templatePath()).isEqualTo(Path.of("template.yaml"));
        assertThat(defaults.options().httpPort()).isEqualTo(3000);
        assertThat(defaults.options().dataDirectory()).isNull();
        assertThat(defaults.demo()).isFalse();
        assertThat(defaults.options().consoleDirectory()).isNull();

        assertThatThrownBy(() -> LocalStackMain.parse(new String[] {"--port"})).hasMessageContaining("--port needs a value");
        assertThatThrownBy(() -> LocalStackMain.parse(new String[] {"--parameter", "novalue"})).hasMessageContaining("Key=Value");
        assertThatThrownBy(() -> LocalStackMain.parse(new String[] {"--bogus"})).hasMessageContaining("--bogus");
    }

    private static boolean accepts(URI endpoint) {
        try (Socket socket = new Socket("127.0.0.1", endpoint.getPort())) {
            return socket.isConnected();
        } catch (ConnectException refused) {
            return false;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
