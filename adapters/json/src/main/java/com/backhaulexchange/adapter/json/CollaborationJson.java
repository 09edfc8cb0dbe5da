package com.backhaulexchange.adapter.json;

import com.backhaulexchange.settlement.collaboration.Agreement;
import com.backhaulexchange.settlement.collaboration.AgreementVersion;
import com.backhaulexchange.settlement.collaboration.AllocationRuleName;
import com.backhaulexchange.settlement.collaboration.Collaboration;
import com.backhaulexchange.settlement.collaboration.CreatorRole;
import com.backhaulexchange.settlement.collaboration.Member;
import com.backhaulexchange.settlement.collaboration.MemberStatus;
import com.backhaulexchange.settlement.collaboration.PeriodKind;
import com.backhaulexchange.settlement.collaboration.RiskTerms;
import com.backhaulexchange.kernel.money.Money;
import com.backhaulexchange.partner.PartnerId;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

/**
 * A collaboration as JSON, both the stored document (CollaborationsTable {@code document}) and the core of the
 * API's view: the same field names as the request bodies, so a pointer means the same everywhere.
 */
public final class CollaborationJson {
    public static final String AT_FAULT_CAPPED = "AT_FAULT_CAPPED";
    public static final String SHARED_FROM_FIRST_CENT = "SHARED_FROM_FIRST_CENT";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private CollaborationJson() {
    }

    public static ObjectNode toJson(Collaboration collaboration) {
        ObjectNode json = NODES.objectNode();
        json.put("collaborationId", collaboration.id());
        json.put("name", collaboration.name());
        json.put("organiserPartnerId", collaboration.creator().value());
        json.put("organiserRole", collaboration.creatorRole().name());
        var members = json.putArray("members");
        for (Member member : collaboration.members()) {
            ObjectNode entry = members.addObject();
            entry.put("partnerId", member.partner().value());
            entry.put("status", member.status().name());
            if (member.joinsAtPeriod() != null) {
                entry.put("joinsAtPeriod", member.joinsAtPeriod());
            }
            if (member.leavesAfterPeriod() != null) {
                entry.put("leavesAfterPeriod", member.leavesAfterPeriod());
            }
        }
        var agreements = json.putArray("agreements");
        for (AgreementVersion version : collaboration.agreements()) {
            ObjectNode entry = agreements.addObject();
            entry.put("appliesFromPeriod", version.appliesFromPeriod());
            entry.set("agreement", agreementJson(version.agreement()));
        }
        return json;
    }

    public static ObjectNode agreementJson(Agreement agreement) {
        ObjectNode json = NODES.objectNode();
        json.put("version", agreement.version());
        json.put("rule", agreement.rule().name());
        json.put("pooledShareBasisPoints", agreement.pooledShareBasisPoints());
        ObjectNode risk = json.putObject("riskTerms");
        switch (agreement.riskTerms()) {
            case RiskTerms.AtFaultCapped capped -> {
                risk.put("kind", AT_FAULT_CAPPED);
                risk.set("perMemberCapPerPeriod", money(capped.perMemberCapPerPeriod()));
            }
            case RiskTerms.SharedFromFirstCent shared -> risk.put("kind", SHARED_FROM_FIRST_CENT);
        }
        json.put("periodKind", agreement.periodKind().name());
        json.put("currency", agreement.currency().getCurrencyCode());
        json.put("startDate", agreement.startDate().toString());
        return json;
    }

    public static ObjectNode money(Money money) {
        ObjectNode json = NODES.objectNode();
        json.put("amountMinorUnits", money.amountMinorUnits());
        json.put("currency", money.currency().getCurrencyCode());
        return json;
    }

    public static Collaboration fromJson(JsonNode json) {
        List<Member> members = new ArrayList<>();
        json.path("members").forEach(member -> members.add(new Member(new PartnerId(member.path("partnerId").asText()),
                MemberStatus.valueOf(member.path("status").asText()),
                member.hasNonNull("joinsAtPeriod") ? member.get("joinsAtPeriod").asLong() : null,
                member.hasNonNull("leavesAfterPeriod") ? member.get("leavesAfterPeriod").asLong() : null)));
        List<AgreementVersion> agreements = new ArrayList<>();
        json.path("agreements").forEach(version -> agreements.add(new AgreementVersion(
                agreementFrom(version.path("agreement")), version.path("appliesFromPeriod").asLong())));
        return new Collaboration(json.path("collaborationId").asText(), json.path("name").asText(),
                new PartnerId(json.path("organiserPartnerId").asText()),
                CreatorRole.valueOf(json.path("organiserRole").asText()), members, agreements);
    }

    /**
     * The agreement of a request body (already schema-valid) or of a stored document. The version is 1 for a
     * request (the domain numbers versions).
     */
    public static Agreement agreementFrom(JsonNode json) {
        JsonNode risk = json.path("riskTerms");
        RiskTerms terms = AT_FAULT_CAPPED.equals(risk.path("kind").asText())
                ? new RiskTerms.AtFaultCapped(moneyFrom(risk.path("perMemberCapPerPeriod")))
                : new RiskTerms.SharedFromFirstCent();
        return new Agreement(json.path("version").asInt(1), AllocationRuleName.valueOf(json.path("rule").asText()),
                json.path("pooledShareBasisPoints").asInt(), terms, PeriodKind.valueOf(json.path("periodKind").asText()),
                Currency.getInstance(json.path("currency").asText()), LocalDate.parse(json.path("startDate").asText()));
    }

    public static Money moneyFrom(JsonNode json) {
        return new Money(json.path("amountMinorUnits").asLong(), Currency.getInstance(json.path("currency").asText()));
    }
}
