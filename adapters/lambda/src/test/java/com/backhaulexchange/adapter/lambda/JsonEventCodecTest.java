package com.backhaulexchange.adapter.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.backhaulexchange.testing.RecordingContext;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The recorded events of {@code events/}, read as the Lambda runtime reads them, and answers as it writes them. */
class JsonEventCodecTest {
    private static final Path EVENTS = Path.of("../../events");

    @Test
    void anSqsEventIsReadWithItsCapitalisedNames() throws IOException {
        SQSEvent event = JsonEventCodec.of(SQSEvent.class).read(sample("match-engine/match-request.json"));

        assertThat(event.getRecords()).hasSize(1);
        SQSEvent.SQSMessage message = event.getRecords().get(0);
        assertThat(message.getMessageId()).isEqualTo("placeholder");
        assertThat(message.getBody()).contains("\"laneKind\"");
        assertThat(message.getAttributes()).containsEntry("ApproximateReceiveCount", "1");
        assertThat(message.getEventSourceArn()).as("eventSourceARN").startsWith("arn:aws:sqs:");
    }

    @Test
    void anApiGatewayProxyEventIsReadWithItsHeadersAndAuthorizerContext() throws IOException {
        APIGatewayProxyRequestEvent event = JsonEventCodec.of(APIGatewayProxyRequestEvent.class)
                .read(sample("partner-onboarding/get-own-partner.json"));

        assertThat(event.getHttpMethod()).isEqualTo("GET");
        assertThat(event.getPath()).isEqualTo("/partners/me");
        assertThat(event.getHeaders()).containsEntry("Authorization", "Bearer placeholder");
        assertThat(event.getMultiValueHeaders().get("Accept")).containsExactly("application/json");
        assertThat(event.getRequestContext().getAuthorizer()).isNotEmpty();
        assertThat(event.getIsBase64Encoded()).isFalse();
    }

    @Test
    void aScheduledEventIsReadAsTheJsonObjectItIs() throws IOException {
        Map<String, Object> event = JsonEventCodec.ofJsonObject().read(new ByteArrayInputStream(
                "{\"source\": \"aws.scheduler\", \"detail\": {}}".getBytes(StandardCharsets.UTF_8)));

        assertThat(event).containsEntry("source", "aws.scheduler").containsEntry("detail", Map.of());
    }

    @Test
    void answersLeaveOutNullFields() throws IOException {
        var output = new ByteArrayOutputStream();
        JsonEventCodec.of(APIGatewayProxyRequestEvent.class).write(new APIGatewayProxyResponseEvent()
                .withStatusCode(201).withHeaders(Map.of("Location", "/lanes/1")).withBody("{}"), output);

        assertThat(output.toString(StandardCharsets.UTF_8))
                .isEqualTo("{\"statusCode\":201,\"headers\":{\"Location\":\"/lanes/1\"},\"body\":\"{}\"}");

        output.reset();
        JsonEventCodec.of(SQSEvent.class).write(new SQSBatchResponse(List.of(
                new SQSBatchResponse.BatchItemFailure("m-1"))), output);
        assertThat(output.toString(StandardCharsets.UTF_8))
                .isEqualTo("{\"batchItemFailures\":[{\"itemIdentifier\":\"m-1\"}]}");
    }

    @Test
    void theStreamEntryHandsTheReadEventToTheTypedEntryAndWritesItsAnswer() throws IOException {
        var output = new ByteArrayOutputStream();
        JsonEventCodec.of(SQSEvent.class).answer(sample("match-engine/match-request.json"), output,
                new RecordingContext(), (event, context) -> new SQSBatchResponse(List.of(
                        new SQSBatchResponse.BatchItemFailure(event.getRecords().get(0).getMessageId()))));

        assertThat(output.toString(StandardCharsets.UTF_8))
                .isEqualTo("{\"batchItemFailures\":[{\"itemIdentifier\":\"placeholder\"}]}");
    }

    /** A recorded event with its ${PLACEHOLDERS} filled in. */
    private static ByteArrayInputStream sample(String file) throws IOException {
        String text = Files.readString(EVENTS.resolve(file)).replaceAll("\\$\\{[A-Z0-9_]+}", "placeholder");
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
