package com.backhaulexchange.adapter.dynamodb.document;

import static org.assertj.core.api.Assertions.assertThat;

import com.backhaulexchange.kernel.money.Money;
import com.backhaulexchange.partner.PartnerId;
import com.backhaulexchange.settlement.collaboration.Agreement;
import com.backhaulexchange.settlement.collaboration.AllocationRuleName;
import com.backhaulexchange.settlement.collaboration.Collaboration;
import com.backhaulexchange.settlement.collaboration.CreatorRole;
import com.backhaulexchange.settlement.collaboration.PeriodKind;
import com.backhaulexchange.settlement.collaboration.RiskTerms;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.Test;

class CollaborationDocumentTest {
    private static final PartnerId CREATOR = new PartnerId("01JDPRTA000000000000000001");
    private static final PartnerId INVITEE = new PartnerId("01JDPRTB000000000000000002");

    /**
     * A collaboration's document exactly as the settlement function stored it before stored documents had their own
     * types (it wrote the API's view of the collaboration): a member, an invitee who left, a changed agreement.
     */
    private static final String STORED_BY_THE_API_VIEW = """
            {"collaborationId":"col-1","name":"Midwest backhauls","organiserPartnerId":"01JDPRTA000000000000000001",\
            "organiserRole":"MEMBER","members":[{"partnerId":"01JDPRTA000000000000000001","status":"ACTIVE",\
            "joinsAtPeriod":0},{"partnerId":"01JDPRTB000000000000000002","status":"ACTIVE","joinsAtPeriod":1,\
            "leavesAfterPeriod":3}],"agreements":[{"appliesFromPeriod":0,"agreement":{"version":1,"rule":"SHAPLEY",\
            "pooledShareBasisPoints":10000,"riskTerms":{"kind":"AT_FAULT_CAPPED","perMemberCapPerPeriod":\
            {"amountMinorUnits":50000,"currency":"USD"}},"periodKind":"WEEKLY","currency":"USD","startDate":"2026-01-07"}},\
            {"appliesFromPeriod":2,"agreement":{"version":2,"rule":"EQUAL_SPLIT","pooledShareBasisPoints":5000,\
            "riskTerms":{"kind":"SHARED_FROM_FIRST_CENT"},"periodKind":"WEEKLY","currency":"USD","startDate":"2026-01-07"}}]}""";

    @Test
    void aCollaborationStoredBeforeStoredDocumentsHadTheirOwnTypesReadsUnchanged() {
        Collaboration read = CollaborationDocument.fromJsonString(STORED_BY_THE_API_VIEW).toCollaboration();

        assertThat(read.id()).isEqualTo("col-1");
        assertThat(read.creator()).isEqualTo(CREATOR);
        assertThat(read.creatorRole()).isEqualTo(CreatorRole.MEMBER);
        assertThat(read.members()).hasSize(2);
        assertThat(read.members().get(1).partner()).isEqualTo(INVITEE);
        assertThat(read.members().get(1).leavesAfterPeriod()).isEqualTo(3L);
        assertThat(read.agreements()).hasSize(2);
        assertThat(read.agreements().get(0).agreement()).isEqualTo(new Agreement(1, AllocationRuleName.SHAPLEY, 10_000,
                new RiskTerms.AtFaultCapped(Money.of(50_000, "USD")), PeriodKind.WEEKLY, Currency.getInstance("USD"),
                LocalDate.of(2026, 1, 7)));
        assertThat(read.agreements().get(1).agreement().riskTerms()).isInstanceOf(RiskTerms.SharedFromFirstCent.class);
        assertThat(read.agreements().get(1).appliesFromPeriod()).isEqualTo(2);
    }

    @Test
    void whatIsReadIsWrittenBackByteForByte() {
        var read = CollaborationDocument.fromJsonString(STORED_BY_THE_API_VIEW).toCollaboration();

        assertThat(CollaborationDocument.of(read).toJsonString()).isEqualTo(STORED_BY_THE_API_VIEW);
    }

    @Test
    void aNewCollaborationRoundTrips() {
        Collaboration created = Collaboration.create("col-2", "Broker pool", CREATOR, CreatorRole.BROKER,
                new Agreement(1, AllocationRuleName.NUCLEOLUS, 2_500, new RiskTerms.SharedFromFirstCent(), PeriodKind.MONTHLY,
                        Currency.getInstance("EUR"), LocalDate.of(2026, 2, 1)),
                List.of(INVITEE), Instant.parse("2026-01-20T09:00:00Z")).orElseThrow();

        var again = CollaborationDocument.fromJsonString(CollaborationDocument.of(created).toJsonString()).toCollaboration();

        assertThat(again).usingRecursiveComparison().isEqualTo(created);
    }
}
