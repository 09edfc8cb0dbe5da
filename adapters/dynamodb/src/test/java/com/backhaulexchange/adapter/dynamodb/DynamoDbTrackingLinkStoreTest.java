package com.backhaulexchange.adapter.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import com.backhaulexchange.deal.booking.BookingId;
import com.backhaulexchange.partner.PartnerId;
import com.backhaulexchange.testing.DynamoDbLocalServer;
import com.backhaulexchange.testing.TemplateTables;
import com.backhaulexchange.tracking.TrackingLink;
import com.backhaulexchange.tracking.TrackingLinkId;
import com.backhaulexchange.tracking.TrackingLinkToken;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

@DisplayName("DynamoDbTrackingLinkStore on DynamoDB Local")
class DynamoDbTrackingLinkStoreTest {
    private static final Instant T0 = Instant.parse("2026-11-23T13:00:00Z");
    private static final BookingId BOOKING = new BookingId("01JDBKNG000000000000000001");
    private static final PartnerId SHIPPER = new PartnerId("01JDSHPR000000000000000001");

    private final DynamoDbClient dynamoDb = DynamoDbLocalServer.shared().client();
    private final String table = TemplateTables.createFresh(dynamoDb, "NegotiationsTable");
    private final DynamoDbTrackingLinkStore store = new DynamoDbTrackingLinkStore(dynamoDb, table);

    private static TrackingLink link(String id, TrackingLinkToken token, Instant createdAt) {
        return new TrackingLink(new TrackingLinkId(id), BOOKING, SHIPPER, token.sha256Hex(), createdAt,
                createdAt.plusSeconds(86_400), null);
    }

    @Test
    void aLinkIsFoundByItsTokensHashListedNewestFirstAndRevokedOnce() {
        var firstToken = TrackingLinkToken.generate(new SecureRandom());
        var secondToken = TrackingLinkToken.generate(new SecureRandom());
        var first = link("01JDTRKN000000000000000001", firstToken, T0);
        var second = link("01JDTRKN000000000000000002", secondToken, T0.plusSeconds(60));
        store.create(first, null);
        store.create(second, null);

        assertThat(store.findByTokenSha256Hex(firstToken.sha256Hex())).contains(first);
        assertThat(store.findByTokenSha256Hex(TrackingLinkToken.generate(new SecureRandom()).sha256Hex())).isEmpty();
        assertThat(store.list(BOOKING)).containsExactly(second, first);
        assertThat(store.list(new BookingId("01JDBKNG000000000000000002"))).isEmpty();

        store.revoke(first.revokedAt(T0.plusSeconds(120)));
        store.revoke(first.revokedAt(T0.plusSeconds(999)));
        assertThat(store.findByTokenSha256Hex(firstToken.sha256Hex()).orElseThrow().revokedAt())
                .isEqualTo(T0.plusSeconds(120));
    }

    @Test
    void theTokenItselfIsStoredNowhere() {
        var token = TrackingLinkToken.generate(new SecureRandom());
        store.create(link("01JDTRKN000000000000000003", token, T0), null);
        var items = dynamoDb.scan(request -> request.tableName(table)).items();
        assertThat(items).hasSize(2);
        for (Map<String, AttributeValue> item : items) {
            assertThat(item.toString()).doesNotContain(token.value().substring(4));
            assertThat(Long.parseLong(item.get("expiresAtEpochSeconds").n()))
                    .isEqualTo(T0.plusSeconds(86_400).plus(DynamoDbTrackingLinkStore.KEPT_AFTER_EXPIRY).getEpochSecond());
        }
    }
}
