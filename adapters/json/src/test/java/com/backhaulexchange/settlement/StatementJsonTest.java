package com.backhaulexchange.settlement;

import static com.backhaulexchange.settlement.SettlementExamples.B;
import static com.backhaulexchange.settlement.StatementTest.INPUTS;
import static com.backhaulexchange.settlement.StatementTest.RESULT;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The statement as the API and the stored settlement carry it (the domain's fixtures, Jackson's mapping). */
class StatementJsonTest {

    @Test
    void theStatementSerialisesToJsonWithIsoInstantsAndMinorUnits() throws Exception {
        var json = com.backhaulexchange.adapter.json.Json.newMapper()
                .readTree(com.backhaulexchange.adapter.json.Json.newMapper().writeValueAsString(Statement.of(RESULT, INPUTS, B)));

        assertThat(json.get("member").asText()).isEqualTo(B.value());
        assertThat(json.get("startsAt").asText()).isEqualTo("2026-01-07T00:00:00Z");
        assertThat(json.get("finalResult").asLong()).isEqualTo(250);
        assertThat(json.get("bookings").get(0).get("role").asText()).isEqualTo("SHIPPER");
        assertThat(json.get("totals").get("finalTotal").asLong()).isEqualTo(750);
    }
}
