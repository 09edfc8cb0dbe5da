package com.backhaulexchange.settlement;

import com.backhaulexchange.settlement.collaboration.SettlementPeriod;
import com.backhaulexchange.partner.PartnerId;
import java.util.Currency;
import java.util.List;

/**
 * A settled period: each member's figures, the collaboration's totals (minor units), the rule that was
 * applied (its library name, e.g. "sampled-shapley" above the exact limit), the allocation's remarks, the
 * stability check of the final results and the ledger. Identity guaranteed:
 * Σ finalResult = realisedTotal − riskCostTotal (every risk cost is a loss of a member, made good inside the
 * collaboration, so only the losses themselves leave the members' totals). {@code emissions}: the CO₂e avoided
 * shared by the same rule (ADR 35), null when the inputs had no emissions.
 */
public record SettlementResult(String collaborationId, SettlementPeriod period, int agreementVersion,
        Currency currency, String rule, long realisedTotal, long marketOptimum, long riskCostTotal,
        List<MemberResult> members, List<String> remarks, Stability stability, Ledger ledger,
        EmissionsSettlement emissions) {

    public SettlementResult {
        members = List.copyOf(members);
        remarks = List.copyOf(remarks);
    }

    public MemberResult member(PartnerId partner) {
        return members.stream().filter(result -> result.member().equals(partner)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(partner + " is not a member of this period"));
    }

    public long finalTotal() {
        return members.stream().mapToLong(MemberResult::finalResult).sum();
    }
}
