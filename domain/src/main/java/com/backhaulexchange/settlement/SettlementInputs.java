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
 * of the period as an assignment market, so v(S) = the best matching over S's own lanes. {@code emissions},
 * when given (null otherwise), is the same market weighed in CO₂e avoided and each booking's CO₂e (ADR 35).
 */
public record SettlementInputs(String collaborationId, SettlementPeriod period, List<PartnerId> members,
        List<RealisedBooking> bookings, List<RiskEvent> riskEvents, AssignmentMarket market,
        EmissionsInputs emissions) {

    /** Without emissions: the money alone is settled. */
    public SettlementInputs(String collaborationId, SettlementPeriod period, List<PartnerId> members,
            List<RealisedBooking> bookings, List<RiskEvent> riskEvents, AssignmentMarket market) {
        this(collaborationId, period, members, bookings, riskEvents, market, null);
    }

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
