package com.backhaulexchange.function.settlement;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.backhaulexchange.contract.OpenApiResponseValidator;
import com.backhaulexchange.adapter.lambda.FunctionEnvironment;
import com.backhaulexchange.partner.PartnerExamples;
import com.backhaulexchange.testing.RecordingContext;
import com.backhaulexchange.testing.Reply;
import com.backhaulexchange.testing.SampleEventFiles;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/**
 * The settlement function as template.yaml starts it, for the preview (which reads no table and no queue). Every response passes
 * through the OpenAPI response validator, so each handler test is also a contract test of the responses it
 * provokes.
 */
final class SettlementFixture {
    static final Path EVENTS = Path.of("../../events/settlement");

    final RecordingContext context = new RecordingContext();
    /** The preview touches no table; the collaboration routes' table exists for SnapStart's priming read. */
    final SettlementApiHandler handler = new SettlementApiHandler(new FunctionEnvironment(
            com.backhaulexchange.testing.DynamoDbLocalServer.shared().functionEnvironment(Map.of(
                    "COLLABORATIONS_TABLE_NAME", com.backhaulexchange.testing.TemplateTables.createFresh(
                            com.backhaulexchange.testing.DynamoDbLocalServer.shared().client(), "CollaborationsTable"),
                    "SETTLEMENT_QUEUE_URL", "http://127.0.0.1:9/unused-by-the-preview",
                    "NEGOTIATIONS_TABLE_NAME", "unused-by-the-preview"))), Clock.systemUTC());

    /** The placeholder values of a sample sent by a partner (or, for operator samples, the operator). */
    static Map<String, String> partnerValues() {
        Map<String, String> values = new HashMap<>();
        String partnerId = PartnerExamples.newPartnerId().value();
        String keyId = PartnerExamples.newKeyId().value();
        values.put("PARTNER_ID", partnerId);
        values.put("KEY_ID", keyId);
        values.put("ROLES", "BROKER");
        values.put("API_KEY", "bhx_" + partnerId + "_" + keyId + "_" + "s".repeat(43));
        values.put("OPERATOR_KEY", "bhxop_" + "0".repeat(43));
        return values;
    }

    static APIGatewayProxyRequestEvent sample(String fileName) {
        return SampleEventFiles.load(EVENTS.resolve(fileName), APIGatewayProxyRequestEvent.class, partnerValues());
    }

    Reply send(String sample) {
        return send(sample(sample));
    }

    Reply send(APIGatewayProxyRequestEvent event) {
        var response = handler.handleRequest(event, context);
        OpenApiResponseValidator.shared().assertConforms(event, response);
        return Reply.of(response);
    }

    /** The sample with its body replaced. */
    Reply sendWithBody(String sample, String body) {
        var event = sample(sample);
        event.setBody(body);
        return send(event);
    }
}
