package com.backhaulexchange.adapter.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.backhaulexchange.deal.booking.BookingId;
import com.backhaulexchange.kernel.geo.Coordinates;
import com.backhaulexchange.kernel.pagination.Page;
import com.backhaulexchange.kernel.persistence.InvalidCursorException;
import com.backhaulexchange.kernel.persistence.StaleWriteException;
import com.backhaulexchange.notification.Notification;
import com.backhaulexchange.notification.NotificationType;
import com.backhaulexchange.partner.PartnerId;
import com.backhaulexchange.testing.DynamoDbLocalServer;
import com.backhaulexchange.testing.TemplateTables;
import com.backhaulexchange.tracking.PositionReport;
import com.backhaulexchange.tracking.StopKind;
import com.backhaulexchange.tracking.StopProgress;
import com.backhaulexchange.tracking.TrackingEvent;
import com.backhaulexchange.tracking.TrackingEventType;
import com.backhaulexchange.tracking.TrackingRepository.ConflictingReportException;
import com.backhaulexchange.tracking.TrackingState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

@DisplayName("DynamoDbTrackingStore on DynamoDB Local")
class DynamoDbTrackingStoreTest {
    private static final Instant T0 = Instant.parse("2026-11-23T13:00:00Z");
    private static final BookingId BOOKING = new BookingId("01JDBKNG000000000000000001");

    private final DynamoDbClient dynamoDb = DynamoDbLocalServer.shared().client();
    private final String table = TemplateTables.createFresh(dynamoDb, "NegotiationsTable");
    private final DynamoDbTrackingStore store = new DynamoDbTrackingStore(dynamoDb, table);

    private static PositionReport report(int minute, double latitude) {
        return new PositionReport(T0.plus(Duration.ofMinutes(minute)), Coordinates.quantised(latitude, -96.123456789),
                minute % 2 == 0 ? 55.5 : null, minute % 3 == 0 ? 123456.7 : null);
    }

    @Test
    void aStateReadsBackAsWrittenWithItsEventsAndOutbox() {
        assertThat(store.find(BOOKING)).isEmpty();
        var latest = report(10, 32.5);
        var state = new TrackingState(BOOKING, latest, new StopProgress(T0, T0.plusSeconds(600), T0.minusSeconds(60),
                false), new StopProgress(null, null, T0.plus(Duration.ofHours(9)), true), StopKind.DELIVERY,
                T0.plus(Duration.ofHours(9)), 2, T0.plusSeconds(900));
        var events = List.of(
                new TrackingEvent(1, TrackingEventType.ARRIVED, StopKind.PICKUP, T0, T0.plusSeconds(5), null, null),
                new TrackingEvent(2, TrackingEventType.ETA_CHANGED, StopKind.DELIVERY, latest.reportedAt(),
                        T0.plusSeconds(700), T0.plus(Duration.ofHours(9)), null));
        var notification = new Notification("01JDNTFY000000000000000001", NotificationType.BOOKING_PICKED_UP,
                new PartnerId("01JDSHPR000000000000000001"), T0, "{\"bookingId\":\"x\"}");

        store.update(state, 0, events, List.of(notification));

        var read = store.find(BOOKING).orElseThrow();
        assertThat(read.state()).isEqualTo(state);
        assertThat(read.version()).isEqualTo(1);
        assertThat(store.events(BOOKING, 10, null).items()).containsExactly(events.get(1), events.get(0));
        assertThat(dynamoDb.getItem(r -> r.tableName(table).key(Map.of("pk",
                AttributeValue.fromS("NOTIFY#01JDNTFY000000000000000001"), "sk", AttributeValue.fromS("NOTIFY"))))
                .hasItem()).isTrue();
    }

    @Test
    void aStaleWriteIsRefusedAndWritesNothing() {
        var first = TrackingState.start(BOOKING);
        store.update(first, 0, List.of(), List.of());
        var event = new TrackingEvent(1, TrackingEventType.ARRIVED, StopKind.PICKUP, T0, T0, null, null);

        assertThatThrownBy(() -> store.update(first, 0, List.of(event), List.of()))
                .isInstanceOf(StaleWriteException.class);
        assertThatThrownBy(() -> store.update(first, 7, List.of(event), List.of()))
                .isInstanceOf(StaleWriteException.class);
        assertThat(store.events(BOOKING, 10, null).items()).isEmpty();
        store.update(first, 1, List.of(event), List.of());
        assertThat(store.find(BOOKING).orElseThrow().version()).isEqualTo(2);
    }

    @Test
    void theTrailKeepsEachReportOnceAcrossHoursAndPagesNewestFirst() {
        List<PositionReport> reports = new ArrayList<>();
        for (int minute = 0; minute < 150; minute += 7) {
            reports.add(report(minute, 32 + minute / 1000.0));
        }
        store.keep(BOOKING, reports.subList(0, 12));
        store.keep(BOOKING, reports); // the first twelve again: kept once

        List<PositionReport> read = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Page<PositionReport> page = store.trail(BOOKING, 5, cursor);
            assertThat(page.items()).hasSizeLessThanOrEqualTo(5);
            read.addAll(page.items());
            cursor = page.nextCursor();
            pages++;
        } while (cursor != null);
        assertThat(read).containsExactlyElementsOf(reports.reversed());
        assertThat(pages).isEqualTo(5);
        long hourItems = dynamoDb.query(r -> r.tableName(table).keyConditionExpression("pk = :pk AND begins_with(sk, :t)")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("BOOKING#" + BOOKING.value()), ":t",
                        AttributeValue.fromS("TRAIL#")))).count();
        assertThat(hourItems).as("one item per hour, not per report").isEqualTo(3);
    }

    @Test
    void anotherPlaceAtAKeptTimeIsAConflictAndNothingOfTheRequestIsKept() {
        store.keep(BOOKING, List.of(report(0, 32.0)));

        assertThatThrownBy(() -> store.keep(BOOKING, List.of(report(70, 33.0), report(0, 32.5))))
                .isInstanceOf(ConflictingReportException.class);
        assertThat(store.trail(BOOKING, 10, null).items()).containsExactly(report(0, 32.0));
    }

    @Test
    void aCursorFromElsewhereIsRefused() {
        assertThatThrownBy(() -> store.trail(BOOKING, 10, "not-a-cursor")).isInstanceOf(InvalidCursorException.class);
        assertThatThrownBy(() -> store.events(BOOKING, 10, PageCursors.encode(Map.of("pk",
                AttributeValue.fromS("BOOKING#other"), "sk", AttributeValue.fromS("TRACKING_EVENT#0000000001")))))
                .isInstanceOf(InvalidCursorException.class);
    }
}
