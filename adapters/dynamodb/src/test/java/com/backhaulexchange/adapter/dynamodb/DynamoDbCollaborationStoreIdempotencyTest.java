package com.backhaulexchange.adapter.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.backhaulexchange.kernel.idempotency.IdempotencyConflictException;
import com.backhaulexchange.kernel.idempotency.IdempotencyRecord;
import com.backhaulexchange.kernel.money.Money;
import com.backhaulexchange.partner.PartnerId;
import com.backhaulexchange.settlement.collaboration.Agreement;
import com.backhaulexchange.settlement.collaboration.AllocationRuleName;
import com.backhaulexchange.settlement.collaboration.Collaboration;
import com.backhaulexchange.settlement.collaboration.CreatorRole;
import com.backhaulexchange.settlement.collaboration.PeriodKind;
import com.backhaulexchange.settlement.collaboration.RiskTerms;
import com.backhaulexchange.testing.DynamoDbLocalServer;
import com.backhaulexchange.testing.TemplateTables;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** A collaboration created with an Idempotency-Key is written with its record, once: a second is refused whole. */
class DynamoDbCollaborationStoreIdempotencyTest {
    private static final Instant NOW = Instant.parse("2026-01-05T09:00:00Z");
    private static final PartnerId ORGANISER = new PartnerId("01JDPRTA000000000000000001");
    private static final PartnerId INVITEE = new PartnerId("01JDPRTB000000000000000002");
    private static final Agreement AGREEMENT = new Agreement(1, AllocationRuleName.SHAPLEY, 10_000,
            new RiskTerms.AtFaultCapped(Money.of(50_000, "USD")), PeriodKind.WEEKLY, Currency.getInstance("USD"),
            LocalDate.of(2026, 1, 7));

    private final DynamoDbClient dynamoDb = DynamoDbLocalServer.shared().client();
    private final DynamoDbCollaborationStore store = new DynamoDbCollaborationStore(dynamoDb,
            TemplateTables.createFresh(dynamoDb, "CollaborationsTable"));

    private static Collaboration collaboration(String id) {
        return Collaboration.create(id, "Midwest backhauls", ORGANISER, CreatorRole.MEMBER, AGREEMENT,
                List.of(INVITEE), NOW).orElseThrow();
    }

    @Test
    void theRecordIsStoredWithTheCollaborationAndASecondCreationUnderItWritesNothing() {
        var record = new IdempotencyRecord("record-1", "fingerprint", "sealed", NOW, NOW.plus(Duration.ofHours(24)));
        var first = collaboration("01JDCOLA000000000000000001");
        store.create(first, NOW.plus(Duration.ofDays(9)), record);

        assertThat(store.idempotencyRecord("record-1")).contains(record);
        assertThat(store.find(first.id())).isPresent();

        var second = collaboration("01JDCOLB000000000000000002");
        var conflict = catchThrowableOfType(IdempotencyConflictException.class,
                () -> store.create(second, NOW.plus(Duration.ofDays(9)), record));
        assertThat(conflict).isNotNull();
        assertThat(store.find(second.id())).isEmpty();
        assertThat(store.listFor(ORGANISER)).extracting(Collaboration::id).containsExactly(first.id());
        assertThat(store.idempotencyRecord("no-such-record")).isEmpty();
    }
}
