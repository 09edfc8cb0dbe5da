package com.backhaulexchange.adapter.dynamodb.document;

import static org.assertj.core.api.Assertions.assertThat;

import com.backhaulexchange.partner.PartnerId;
import com.backhaulexchange.settlement.Statement;
import com.backhaulexchange.settlement.collaboration.SettledPeriod;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Settlement documents committed before the settlement had its own type (src/test/resources/settlement-documents)
 * read into the statements the API served then, and are written back byte for byte.
 */
class SettlementDocumentTest {
    static final Path FIXTURES = Path.of("src/test/resources/settlement-documents");
    private static final ObjectMapper STATEMENTS = new ObjectMapper().registerModule(new JavaTimeModule());

    @ParameterizedTest
    @ValueSource(strings = {"settled-with-risk-event", "settled-with-adjustment", "empty", "refused",
            "settled-with-detention"})
    void aStoredDocumentIsWrittenBackByteForByte(String name) {
        byte[] stored = fixture(name + ".json");

        SettledPeriod read = SettlementDocument.fromJsonBytes(stored).toSettledPeriod();

        assertThat(new String(SettlementDocument.of(read).toJsonBytes(), StandardCharsets.UTF_8))
                .isEqualTo(new String(stored, StandardCharsets.UTF_8));
        assertThat(SettlementDocument.fromJsonBytes(SettlementDocument.of(read).toJsonBytes()).toSettledPeriod())
                .isEqualTo(read);
    }

    @ParameterizedTest
    @ValueSource(strings = {"settled-with-risk-event", "settled-with-adjustment", "settled-with-detention"})
    void aStoredDocumentReadsIntoTheStatementsTheApiServed(String name) throws IOException {
        SettledPeriod read = SettlementDocument.fromJsonBytes(fixture(name + ".json")).toSettledPeriod();

        assertThat(read.outcome()).isInstanceOf(SettledPeriod.Settled.class);
        var settled = (SettledPeriod.Settled) read.outcome();
        assertThat(settled.ledger().balance()).isZero();
        assertThat(settled.statements()).hasSize(3);
        for (int member = 0; member < 3; member++) {
            Statement served = STATEMENTS.readValue(fixture(name + ".statement-" + member + ".json"), Statement.class);
            Statement statement = read.statementOf(new PartnerId(served.member())).orElseThrow();
            assertThat(statement).isEqualTo(served);
            assertThat(statement.toCsv()).isEqualTo(new String(fixture(name + ".statement-" + member + ".csv"),
                    StandardCharsets.UTF_8));
            assertThat(statement.finalResult()).isEqualTo(settled.ledger().memberTotal(new PartnerId(served.member())));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"settled-with-risk-event", "settled-with-adjustment", "empty", "refused"})
    void aDocumentWithoutDetentionIsStillVersionTwo(String name) {
        assertThat(SettlementDocument.versionOf(SettlementDocument.fromJsonBytes(fixture(name + ".json")))).isEqualTo(2);
    }

    @org.junit.jupiter.api.Test
    void aDocumentWithAConfirmedDetentionIsVersionThreeAndItsBookingStandsInBothLists() {
        SettlementDocument document = SettlementDocument.fromJsonBytes(fixture("settled-with-detention.json"));

        assertThat(SettlementDocument.versionOf(document)).isEqualTo(3);
        var settled = (SettledPeriod.Settled) document.toSettledPeriod().outcome();
        var carrier = settled.statements().values().stream()
                .filter(statement -> statement.riskEvents().stream().anyMatch(risk -> risk.kind().equals("DETENTION")
                        && risk.role().equals("AFFECTED"))).findFirst().orElseThrow();
        String booking = carrier.riskEvents().stream().filter(risk -> risk.kind().equals("DETENTION")).findFirst()
                .orElseThrow().bookingId();
        assertThat(carrier.bookings()).anyMatch(entry -> entry.bookingId().equals(booking));
    }

    @ParameterizedTest
    @ValueSource(strings = {"empty", "refused"})
    void aPeriodThatSettledNothingHasNoStatements(String name) {
        SettledPeriod read = SettlementDocument.fromJsonBytes(fixture(name + ".json")).toSettledPeriod();

        assertThat(read.outcome().name()).isEqualTo(name.toUpperCase(java.util.Locale.ROOT));
        assertThat(read.settledBookings()).isEmpty();
        read.members().forEach(member -> assertThat(read.statementOf(member)).isEmpty());
        if (read.outcome() instanceof SettledPeriod.Refused refused) {
            assertThat(refused.reasons()).hasSize(2);
            assertThat(refused.reasons().get(0).field()).isEqualTo("/agreement/rule");
            assertThat(refused.reasons().get(1).field()).isNull();
        }
    }

    static byte[] fixture(String file) {
        try {
            return Files.readAllBytes(FIXTURES.resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
