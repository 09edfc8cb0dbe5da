package com.backhaulexchange.adapter.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.backhaulexchange.deal.booking.BookingId;
import com.backhaulexchange.kernel.money.Money;
import com.backhaulexchange.kernel.persistence.StaleWriteException;
import com.backhaulexchange.notification.Notification;
import com.backhaulexchange.notification.NotificationType;
import com.backhaulexchange.partner.PartnerId;
import com.backhaulexchange.testing.DynamoDbLocalServer;
import com.backhaulexchange.testing.TemplateTables;
import com.backhaulexchange.tracking.Detention;
import com.backhaulexchange.tracking.DetentionClaim;
import com.backhaulexchange.tracking.StopKind;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

@DisplayName("DynamoDbDetentionClaimStore on DynamoDB Local")
class DynamoDbDetentionClaimStoreTest {
    private static final Instant T0 = Instant.parse("2026-11-24T15:00:00Z");
    private static final BookingId BOOKING = new BookingId("01JDBKNG000000000000000001");

    private final DynamoDbClient dynamoDb = DynamoDbLocalServer.shared().client();
    private final String table = TemplateTables.createFresh(dynamoDb, "NegotiationsTable");
    private final DynamoDbDetentionClaimStore store = new DynamoDbDetentionClaimStore(dynamoDb, table);

    private static Detention detention(StopKind stop) {
        return new Detention(stop, T0, T0.plusSeconds(4 * 3600 + 60), T0.plusSeconds(600), 231, 2, 120,
                Money.of(4_999, "USD"), Money.of(9_998, "USD"));
    }

    private static DetentionClaim claimed(StopKind stop) {
        return new DetentionClaim(BOOKING, detention(stop), DetentionClaim.Status.CLAIMED, T0.plusSeconds(5000),
                null, null);
    }

    @Test
    void aClaimReadsBackAsWrittenThroughItsAnswerWithItsOutbox() {
        assertThat(store.claims(BOOKING)).isEmpty();
        var notification = new Notification("01JDNTFY000000000000000001", NotificationType.DETENTION_CLAIMED,
                new PartnerId("01JDSHPR000000000000000001"), T0, "{\"bookingId\":\"x\"}");
        store.save(claimed(StopKind.DELIVERY), null, List.of(notification));
        store.save(claimed(StopKind.PICKUP), null, List.of());

        assertThat(store.claims(BOOKING)).containsExactly(claimed(StopKind.PICKUP), claimed(StopKind.DELIVERY));
        assertThat(dynamoDb.getItem(r -> r.tableName(table).key(Map.of("pk",
                AttributeValue.fromS("NOTIFY#01JDNTFY000000000000000001"), "sk", AttributeValue.fromS("NOTIFY"))))
                .hasItem()).isTrue();

        var disputed = new DetentionClaim(BOOKING, detention(StopKind.DELIVERY), DetentionClaim.Status.DISPUTED,
                T0.plusSeconds(5000), T0.plusSeconds(9000), "The gate log says 11:02.");
        store.save(disputed, DetentionClaim.Status.CLAIMED, List.of());
        assertThat(store.find(BOOKING, StopKind.DELIVERY)).contains(disputed);
        assertThat(store.claims(new BookingId("01JDBKNG000000000000000002"))).isEmpty();
    }

    @Test
    void aClaimAnsweredMeanwhileOrClaimedTwiceIsAStaleWriteAndWritesNothing() {
        store.save(claimed(StopKind.PICKUP), null, List.of());
        var confirmed = new DetentionClaim(BOOKING, detention(StopKind.PICKUP), DetentionClaim.Status.CONFIRMED,
                T0.plusSeconds(5000), T0.plusSeconds(6000), null);
        store.save(confirmed, DetentionClaim.Status.CLAIMED, List.of());
        var notification = new Notification("01JDNTFY000000000000000002", NotificationType.DETENTION_DISPUTED,
                new PartnerId("01JDSHPR000000000000000001"), T0, "{}");

        assertThatThrownBy(() -> store.save(claimed(StopKind.PICKUP), null, List.of()))
                .isInstanceOf(StaleWriteException.class);
        var disputed = new DetentionClaim(BOOKING, detention(StopKind.PICKUP), DetentionClaim.Status.DISPUTED,
                T0.plusSeconds(5000), T0.plusSeconds(7000), "late");
        assertThatThrownBy(() -> store.save(disputed, DetentionClaim.Status.CLAIMED, List.of(notification)))
                .isInstanceOf(StaleWriteException.class);

        assertThat(store.find(BOOKING, StopKind.PICKUP)).contains(confirmed);
        assertThat(dynamoDb.getItem(r -> r.tableName(table).key(Map.of("pk",
                AttributeValue.fromS("NOTIFY#01JDNTFY000000000000000002"), "sk", AttributeValue.fromS("NOTIFY"))))
                .hasItem()).isFalse();
    }
}
