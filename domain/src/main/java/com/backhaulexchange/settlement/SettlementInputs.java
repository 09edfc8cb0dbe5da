package com.backhaulexchange.settlement;

import com.backhaulexchange.settlement.allocation.AssignmentMarket;
import com.backhaulexchange.settlement.collaboration.SettlementPeriod;
import com.backhaulexchange.partner.PartnerId;
import java.util.List;
import java.util.Objects;

/**
 * Everything one collaboration's period settles over: the period's active members (in ascending partner id
 * order, which settlement checks, as does every ordering of the ledger; player i of the market is
 * members.get(i)), the delivered bookings and risk events whose pickup fell in the
 * period — or in an earlier, closed period (late events, settled here as adjustments) — and the members' lanes
 * of the period as an assignment market, so v(S) = the best matching over S's own lanes.
 */
public record SettlementInputs(String collaborationId, SettlementPeriod period, List<PartnerId> members,
        List<RealisedBooking> bookings, List<RiskEvent> riskEvents, AssignmentMarket market) {

    public SettlementInputs {
        Objects.requireNonNull(collaborationId, "collaborationId");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(market, "market");
        members = List.copyOf(members);
        bookings = List.copyOf(bookings);
        riskEvents = List.copyOf(riskEvents);
    }

    public int indexOf(PartnerId partner) {
        return members.indexOf(partner);
    }
}
