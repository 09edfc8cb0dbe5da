package com.backhaulexchange.adapter.dynamodb.document;

import com.backhaulexchange.partner.PartnerId;
import com.backhaulexchange.settlement.collaboration.Agreement;
import com.backhaulexchange.settlement.collaboration.AgreementVersion;
import com.backhaulexchange.settlement.collaboration.AllocationRuleName;
import com.backhaulexchange.settlement.collaboration.Collaboration;
import com.backhaulexchange.settlement.collaboration.CreatorRole;
import com.backhaulexchange.settlement.collaboration.Member;
import com.backhaulexchange.settlement.collaboration.MemberStatus;
import com.backhaulexchange.settlement.collaboration.PeriodKind;
import com.backhaulexchange.settlement.collaboration.RiskTerms;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;

/**
 * A collaboration as the CollaborationsTable stores it (the {@code document} attribute, a JSON string): its
 * members and every version of its agreement. Version 1 is the shape the collaborations API wrote before stored
 * documents had their own types, so collaborations stored then read unchanged.
 */
public record CollaborationDocument(String collaborationId, String name, String organiserPartnerId,
        String organiserRole, List<MemberEntry> members, List<AgreementEntry> agreements) {

    public static final int SCHEMA_VERSION = 1;
    static final String AT_FAULT_CAPPED = "AT_FAULT_CAPPED";
    static final String SHARED_FROM_FIRST_CENT = "SHARED_FROM_FIRST_CENT";

    public record MemberEntry(String partnerId, String status, Long joinsAtPeriod, Long leavesAfterPeriod) {
    }

    public record AgreementEntry(long appliesFromPeriod, AgreementBody agreement) {
    }

    public record AgreementBody(Integer version, String rule, int pooledShareBasisPoints, RiskTermsBody riskTerms,
            String periodKind, String currency, String startDate) {
    }

    public record RiskTermsBody(String kind, MoneyDocument perMemberCapPerPeriod) {
    }

    public static CollaborationDocument of(Collaboration collaboration) {
        return new CollaborationDocument(collaboration.id(), collaboration.name(), collaboration.creator().value(),
                collaboration.creatorRole().name(),
                collaboration.members().stream().map(member -> new MemberEntry(member.partner().value(),
                        member.status().name(), member.joinsAtPeriod(), member.leavesAfterPeriod())).toList(),
                collaboration.agreements().stream().map(version -> new AgreementEntry(version.appliesFromPeriod(),
                        body(version.agreement()))).toList());
    }

    private static AgreementBody body(Agreement agreement) {
        RiskTermsBody risk = switch (agreement.riskTerms()) {
            case RiskTerms.AtFaultCapped capped -> new RiskTermsBody(AT_FAULT_CAPPED, MoneyDocument.of(capped.perMemberCapPerPeriod()));
            case RiskTerms.SharedFromFirstCent shared -> new RiskTermsBody(SHARED_FROM_FIRST_CENT, null);
        };
        return new AgreementBody(agreement.version(), agreement.rule().name(), agreement.pooledShareBasisPoints(), risk,
                agreement.periodKind().name(), agreement.currency().getCurrencyCode(), agreement.startDate().toString());
    }

    public Collaboration toCollaboration() {
        return new Collaboration(collaborationId, name, new PartnerId(organiserPartnerId),
                CreatorRole.valueOf(organiserRole),
                members.stream().map(member -> new Member(new PartnerId(member.partnerId()),
                        MemberStatus.valueOf(member.status()), member.joinsAtPeriod(), member.leavesAfterPeriod())).toList(),
                agreements.stream().map(entry -> new AgreementVersion(agreement(entry.agreement()),
                        entry.appliesFromPeriod())).toList());
    }

    private static Agreement agreement(AgreementBody body) {
        RiskTerms terms = AT_FAULT_CAPPED.equals(body.riskTerms().kind())
                ? new RiskTerms.AtFaultCapped(body.riskTerms().perMemberCapPerPeriod().toMoney())
                : new RiskTerms.SharedFromFirstCent();
        return new Agreement(body.version() == null ? 1 : body.version(), AllocationRuleName.valueOf(body.rule()),
                body.pooledShareBasisPoints(), terms, PeriodKind.valueOf(body.periodKind()),
                Currency.getInstance(body.currency()), LocalDate.parse(body.startDate()));
    }

    /** The document as the item's JSON string. */
    public String toJsonString() {
        try {
            return StoredDocument.MAPPER.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a collaboration document always serialises", e);
        }
    }

    public static CollaborationDocument fromJsonString(String json) {
        try {
            return StoredDocument.MAPPER.readValue(json, CollaborationDocument.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the stored collaboration document does not read: " + e.getOriginalMessage(), e);
        }
    }
}
