package com.backhaulexchange.adapter.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.backhaulexchange.compliance.AuthorityStatus;
import com.backhaulexchange.compliance.CarrierCompliance;
import com.backhaulexchange.compliance.CarrierRequirements;
import com.backhaulexchange.compliance.CertificateFile;
import com.backhaulexchange.compliance.CertificateId;
import com.backhaulexchange.compliance.ComplianceRepository.NoticeDue;
import com.backhaulexchange.compliance.InsuranceCertificate;
import com.backhaulexchange.compliance.OperatingAuthority;
import com.backhaulexchange.deal.document.DocumentContentType;
import com.backhaulexchange.kernel.money.Money;
import com.backhaulexchange.kernel.persistence.InvalidCursorException;
import com.backhaulexchange.kernel.persistence.StaleWriteException;
import com.backhaulexchange.notification.Notification;
import com.backhaulexchange.notification.NotificationType;
import com.backhaulexchange.partner.PartnerId;
import com.backhaulexchange.testing.DynamoDbLocalServer;
import com.backhaulexchange.testing.TemplateTables;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

@DisplayName("DynamoDbComplianceStore on DynamoDB Local")
class DynamoDbComplianceStoreTest {
    private static final Instant T0 = Instant.parse("2026-11-20T15:00:00Z");
    private static final LocalDate TODAY = LocalDate.parse("2026-11-20");

    private final DynamoDbClient dynamoDb = DynamoDbLocalServer.shared().client();
    private final String table = TemplateTables.createFresh(dynamoDb, "NegotiationsTable");
    private final DynamoDbComplianceStore store = new DynamoDbComplianceStore(dynamoDb, table);

    private static PartnerId carrier(int n) {
        return new PartnerId(String.format("01JDCARR%018d", n));
    }

    private static InsuranceCertificate certificate(PartnerId carrier, int n, LocalDate expiresOn, boolean uploaded) {
        return new InsuranceCertificate(new CertificateId(String.format("01JDCERT%018d", n)), carrier,
                "Prairie Mutual", "CA-" + n, Money.of(100_000_000, "USD"), Money.of(10_000_000, "USD"),
                expiresOn.minusYears(1), expiresOn, new CertificateFile(DocumentContentType.PDF, 4_096, T0,
                        uploaded ? T0.plusSeconds(30) : null), T0);
    }

    @Test
    void aRecordReadsBackAsWrittenAndWritesAreOptimistic() {
        PartnerId carrier = carrier(1);
        assertThat(store.find(carrier)).isEmpty();
        var first = store.save(CarrierCompliance.none(carrier)
                .withAuthority(OperatingAuthority.declared("1234567", "765432")), false, null);
        assertThat(first.version()).isEqualTo(1);
        assertThat(store.find(carrier)).contains(first);

        var revoked = first.withAuthority(first.authority().withStatus(AuthorityStatus.REVOKED, "out of service", T0))
                .withInsurance(certificate(carrier, 1, TODAY.plusDays(200), true));
        var second = store.save(revoked, true, null);
        assertThat(store.find(carrier)).contains(second);
        assertThatThrownBy(() -> store.save(first.withInsurance(null), false, null))
                .isInstanceOf(StaleWriteException.class);
        assertThat(store.find(carrier)).contains(second);
    }

    @Test
    void requirementsAreAShippersOwnAndReplaceable() {
        PartnerId shipper = carrier(9);
        assertThat(store.requirementsOf(shipper)).isEmpty();
        var strict = new CarrierRequirements(Money.of(100_000_000, "USD"), Money.of(25_000_000, "USD"));
        store.saveRequirements(shipper, strict);
        store.saveRequirements(shipper, CarrierRequirements.DEFAULT);
        assertThat(store.requirementsOf(shipper)).contains(CarrierRequirements.DEFAULT);
        assertThat(store.requirementsOf(carrier(10))).isEmpty();
    }

    @Test
    void expiringCertificatesAreReadFromTheIndexSoonestFirstInPages() {
        for (int n = 1; n <= 5; n++) {
            store.save(CarrierCompliance.none(carrier(n)).withInsurance(certificate(carrier(n), n,
                    TODAY.plusDays(n * 10L), true)), true, null);
        }
        store.save(CarrierCompliance.none(carrier(6)).withAuthority(OperatingAuthority.declared("1", "2")), false,
                null);
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var page = store.expiring(TODAY, TODAY.plusDays(30), 2, cursor);
            page.items().forEach(record -> seen.add(record.carrier().value()));
            cursor = page.nextCursor();
            pages++;
        } while (cursor != null && pages < 10);
        assertThat(seen).containsExactly(carrier(1).value(), carrier(2).value(), carrier(3).value());
        assertThatThrownBy(() -> store.expiring(TODAY, TODAY.plusDays(30), 2, "bm90LWEtY3Vyc29y"))
                .isInstanceOf(InvalidCursorException.class);
    }

    @Test
    void eachNoticeIsRecordedOnceAndTheScheduleMovesOnToTheNextThreshold() {
        PartnerId carrier = carrier(1);
        var certificate = certificate(carrier, 1, TODAY.plusDays(20), true);
        store.save(CarrierCompliance.none(carrier).withInsurance(certificate), true, null);
        store.save(CarrierCompliance.none(carrier(2)).withInsurance(certificate(carrier(2), 2, TODAY.plusDays(90),
                true)), true, null);

        var due = store.noticesDue(TODAY, 10);
        assertThat(due).containsExactly(new NoticeDue(carrier, certificate.id(), TODAY.minusDays(10)));
        var notification = new Notification("01JDNTFY000000000000000001", NotificationType.COMPLIANCE_EXPIRING,
                carrier, T0, "{}");
        assertThat(store.recordNotice(due.getFirst(), 30, TODAY.plusDays(13), List.of(notification))).isTrue();
        assertThat(store.recordNotice(due.getFirst(), 30, TODAY.plusDays(13), List.of(notification))).isFalse();
        assertThat(store.noticesDue(TODAY, 10)).isEmpty();
        assertThat(new DynamoDbDealStore(dynamoDb, table, "unused").pending(T0.plusSeconds(1), 10))
                .extracting(Notification::eventId).containsExactly(notification.eventId());

        var last = store.noticesDue(TODAY.plusDays(13), 10);
        assertThat(last).containsExactly(new NoticeDue(carrier, certificate.id(), TODAY.plusDays(13)));
        assertThat(store.recordNotice(last.getFirst(), 7, null, List.of(new Notification(
                "01JDNTFY000000000000000002", NotificationType.COMPLIANCE_EXPIRING, carrier, T0, "{}")))).isTrue();
        assertThat(store.noticesDue(TODAY.plusDays(400), 10)).extracting(NoticeDue::carrier)
                .containsExactly(carrier(2));
    }
}
