package com.backhaulexchange.function.notifier;

import static org.assertj.core.api.Assertions.assertThat;

import com.backhaulexchange.adapter.sqs.NotificationMessages;
import com.backhaulexchange.testing.TableContents;
import org.junit.jupiter.api.Test;

/** ADR 7: priming before SnapStart's checkpoint decodes, signs and reads, and writes, sends and delivers nothing. */
class SnapStartPrimingTest {
    private final NotifierFixture fixture = new NotifierFixture();

    @Test
    void primingWritesNothingSendsNothingAndCallsNoWebhook() throws Exception {
        try (var receiver = new Receiver()) {
            fixture.subscribe(NotifierFixture.partner(), receiver);
            var before = TableContents.of(fixture.dynamoDb, fixture.partnersTable);

            fixture.handler.priming().beforeCheckpoint(null);

            assertThat(TableContents.of(fixture.dynamoDb, fixture.partnersTable)).isEqualTo(before);
            assertThat(before.itemCount()).isPositive();
            assertThat(fixture.queueIsEmpty()).isTrue();
            assertThat(receiver.requests()).isEmpty();
        }
    }

    @Test
    void thePrimingNotificationIsAMessageTheNotifierCanRead() {
        var primed = WebhookNotifierHandler.PRIMING_NOTIFICATION;
        assertThat(NotificationMessages.decode(NotificationMessages.encode(primed, null)).notification())
                .isEqualTo(primed);
    }
}
