package com.backhaulexchange.function.settlement;

import static org.assertj.core.api.Assertions.assertThat;

import com.backhaulexchange.adapter.dynamodb.document.SettlementDocument;
import com.backhaulexchange.adapter.http.ApiResponse;
import com.backhaulexchange.adapter.json.Json;
import com.backhaulexchange.partner.PartnerId;
import com.backhaulexchange.settlement.collaboration.SettledPeriod;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The statements of periods committed before the settlement had its own type are served as they were then:
 * the settlement documents frozen in the DynamoDB adapter's fixtures, read through {@link SettlementDocument},
 * answer each member with the same JSON bytes (rendered by the API's mapper, as {@link PeriodApi} does) and the
 * same CSV the statement route answered when they were committed.
 */
class StoredStatementsTest {
    static final Path FIXTURES = Path.of("../../adapters/dynamodb/src/test/resources/settlement-documents");

    @ParameterizedTest
    @ValueSource(strings = {"settled-with-risk-event", "settled-with-adjustment"})
    void aStoredSettlementServesTheStatementsItServedWhenCommitted(String name) throws IOException {
        SettledPeriod period = SettlementDocument.fromJsonBytes(Files.readAllBytes(FIXTURES.resolve(name + ".json")))
                .toSettledPeriod();
        var mapper = Json.newMapper();
        for (int member = 0; member < 3; member++) {
            String served = Files.readString(FIXTURES.resolve(name + ".statement-" + member + ".json"));
            String partner = mapper.readTree(served).path("member").asText();
            var statement = period.statementOf(new PartnerId(partner)).orElseThrow();

            assertThat(ApiResponse.json(mapper, 200, statement).body()).isEqualTo(served);
            assertThat(statement.toCsv()).isEqualTo(Files.readString(FIXTURES.resolve(name + ".statement-" + member
                    + ".csv"), StandardCharsets.UTF_8));
        }
    }
}
