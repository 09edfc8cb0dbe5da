package com.backhaulexchange.adapter.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.backhaulexchange.adapter.dynamodb.document.SettlementDocument;
import com.backhaulexchange.adapter.dynamodb.document.UnsupportedSchemaVersionException;
import com.backhaulexchange.settlement.collaboration.SettledPeriod;
import com.backhaulexchange.testing.DynamoDbLocalServer;
import com.backhaulexchange.testing.TemplateTables;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Settled periods in the CollaborationsTable on DynamoDB Local: a period committed by the code before the
 * settlement had its own type (header without a schema version, the frozen document gzipped in one chunk) reads
 * into the same settlement, and committing that settlement writes the same header (plus its version) and the same
 * document; a version this code does not know is refused; a period commits once; a period with emission shares
 * (version 2) reads back with them.
 */
@DisplayName("DynamoDbCollaborationStore: settled periods on DynamoDB Local")
class DynamoDbCollaborationStorePeriodsTest {
    private static final String COLLABORATION = "01M72N8MG0Z651AJE0BK0DK5TC";
    private static final Instant SETTLED_AT = Instant.parse("2026-11-23T07:00:00Z");
    private final DynamoDbClient dynamoDb = DynamoDbLocalServer.shared().client();

    /** The header period 0 of the frozen run had (its figures), without the version it now carries. */
    private static Map<String, AttributeValue> previousHeader() {
        Map<String, AttributeValue> header = new HashMap<>();
        header.put("pk", s("COLLAB#" + COLLABORATION));
        header.put("sk", s("PERIOD#0000000000"));
        header.put("entityType", s("PERIOD"));
        header.put("collaborationId", s(COLLABORATION));
        header.put("periodIndex", n(0));
        header.put("outcome", s("SETTLED"));
        header.put("chunkCount", n(1));
        header.put("settledAt", s(SETTLED_AT.toString()));
        header.put("realisedTotal", n(477_042));
        header.put("riskCostTotal", n(20_000));
        header.put("finalTotal", n(457_042));
        header.put("postingCount", n(4));
        header.put("settledBookingCount", n(3));
        return header;
    }

    @Test
    void aPeriodCommittedByThePreviousCodeReadsAndIsCommittedAgainIdentically() throws Exception {
        byte[] stored = fixture("settled-with-risk-event.json");
        String previousTable = TemplateTables.createFresh(dynamoDb, "CollaborationsTable");
        putPreviousPeriod(previousTable, previousHeader(), stored);

        SettledPeriod read = new DynamoDbCollaborationStore(dynamoDb, previousTable).period(COLLABORATION, 0)
                .orElseThrow();
        assertThat(read).isEqualTo(SettlementDocument.fromJsonBytes(stored).toSettledPeriod());

        String table = TemplateTables.createFresh(dynamoDb, "CollaborationsTable");
        var store = new DynamoDbCollaborationStore(dynamoDb, table);
        assertThat(store.commitPeriod(read, SETTLED_AT)).isTrue();

        Map<String, AttributeValue> header = item(table, "PERIOD#0000000000");
        Map<String, AttributeValue> expected = new HashMap<>(previousHeader());
        // No DETENTION risk entry: written as version 2, which the release before ADR 38 reads too.
        expected.put("settlementSchemaVersion", n(2));
        assertThat(header).isEqualTo(expected);
        byte[] written = Gzip.decompress(item(table, "PERIOD#0000000000#CHUNK#000").get("data").b().asByteArray());
        assertThat(new String(written, StandardCharsets.UTF_8)).isEqualTo(new String(stored, StandardCharsets.UTF_8));
        assertThat(store.period(COLLABORATION, 0)).contains(read);
    }

    @Test
    void aPeriodCommitsOnceAndTheSecondCommitWritesNothing() throws Exception {
        byte[] stored = fixture("settled-with-adjustment.json");
        SettledPeriod settled = SettlementDocument.fromJsonBytes(stored).toSettledPeriod();
        String table = TemplateTables.createFresh(dynamoDb, "CollaborationsTable");
        var store = new DynamoDbCollaborationStore(dynamoDb, table);

        assertThat(store.commitPeriod(settled, SETTLED_AT)).isTrue();
        assertThat(store.commitPeriod(settled, SETTLED_AT.plusSeconds(60))).isFalse();

        assertThat(item(table, "PERIOD#0000000001").get("settledAt")).isEqualTo(s(SETTLED_AT.toString()));
        assertThat(store.period(COLLABORATION, 1)).contains(settled);
    }

    @Test
    void aPeriodWithADetentionRiskEventIsWrittenAsVersionThreeAndReadsBack() throws Exception {
        SettledPeriod settled = SettlementDocument.fromJsonBytes(fixture("settled-with-detention.json"))
                .toSettledPeriod();
        String table = TemplateTables.createFresh(dynamoDb, "CollaborationsTable");
        var store = new DynamoDbCollaborationStore(dynamoDb, table);

        assertThat(store.commitPeriod(settled, SETTLED_AT)).isTrue();

        var header = dynamoDb.getItem(request -> request.tableName(table).consistentRead(true).key(Map.of(
                "pk", s("COLLAB#" + settled.collaborationId()), "sk", s("PERIOD#0000000000")))).item();
        assertThat(header.get("settlementSchemaVersion")).isEqualTo(n(3));
        assertThat(store.period(settled.collaborationId(), 0)).contains(settled);
    }

    @Test
    void aSettlementOfAVersionThisCodeDoesNotKnowIsRefused() throws Exception {
        byte[] stored = fixture("settled-with-risk-event.json");
        String table = TemplateTables.createFresh(dynamoDb, "CollaborationsTable");
        Map<String, AttributeValue> header = previousHeader();
        header.put("settlementSchemaVersion", n(SettlementDocument.SCHEMA_VERSION + 1));
        putPreviousPeriod(table, header, stored);

        assertThatThrownBy(() -> new DynamoDbCollaborationStore(dynamoDb, table).period(COLLABORATION, 0))
                .isInstanceOf(UnsupportedSchemaVersionException.class)
                .hasMessageContaining("settlement document of item COLLAB#" + COLLABORATION + " / PERIOD#0000000000")
                .hasMessageContaining("schema version " + (SettlementDocument.SCHEMA_VERSION + 1));
    }

    @Test
    void aPeriodWithEmissionSharesCommitsAndReadsBackWithEveryStatementsShareAndCoreCheck() {
        SettledPeriod settled = com.backhaulexchange.settlement.EmissionsStatements.settledPeriodWithEmissionsCoreEmpty();
        String table = TemplateTables.createFresh(dynamoDb, "CollaborationsTable");
        var store = new DynamoDbCollaborationStore(dynamoDb, table);

        assertThat(store.commitPeriod(settled, SETTLED_AT)).isTrue();

        SettledPeriod read = store.period(settled.collaborationId(), settled.periodIndex()).orElseThrow();
        assertThat(read).isEqualTo(settled);
        var emissions = read.statementOf(settled.members().get(2)).orElseThrow().emissions();
        assertThat(emissions.rule()).isEqualTo("shapley");
        assertThat(emissions.realisedTotalKgCo2e()).isEqualTo(10.0);
        assertThat(emissions.lanesOptimumKgCo2e()).isEqualTo(50.0);
        assertThat(emissions.coreCheck().stable()).isFalse();
        assertThat(emissions.coreCheck().blockingCount()).isEqualTo(4);
        assertThat(emissions.memberShares()).extracting(share -> share.shareKgCo2e())
                .containsExactly(13.333, -11.666, 8.333);
    }

    private static byte[] fixture(String name) throws java.io.IOException {
        return Files.readAllBytes(Path.of("src/test/resources/settlement-documents", name));
    }

    private void putPreviousPeriod(String table, Map<String, AttributeValue> header, byte[] document) {
        Map<String, AttributeValue> chunk = new HashMap<>();
        chunk.put("pk", s("COLLAB#" + COLLABORATION));
        chunk.put("sk", s("PERIOD#0000000000#CHUNK#000"));
        chunk.put("entityType", s("PERIOD_CHUNK"));
        chunk.put("data", AttributeValue.fromB(SdkBytes.fromByteArray(Gzip.compress(document))));
        for (var item : List.of(header, chunk)) {
            dynamoDb.putItem(request -> request.tableName(table).item(item));
        }
    }

    private Map<String, AttributeValue> item(String table, String sk) {
        return dynamoDb.getItem(request -> request.tableName(table).consistentRead(true)
                .key(Map.of("pk", s("COLLAB#" + COLLABORATION), "sk", s(sk)))).item();
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
