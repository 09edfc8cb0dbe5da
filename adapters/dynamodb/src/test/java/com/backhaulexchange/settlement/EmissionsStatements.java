package com.backhaulexchange.settlement;

import com.backhaulexchange.partner.PartnerId;
import com.backhaulexchange.settlement.collaboration.AllocationRuleName;
import com.backhaulexchange.settlement.collaboration.RiskTerms;
import com.backhaulexchange.settlement.collaboration.SettledPeriod;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A settled period with emission shares, from the domain's worked example (its package-private fixtures). */
public final class EmissionsStatements {

    private EmissionsStatements() {
    }

    /** The domain's "money beats emissions" period under Shapley: the emissions core is empty. */
    public static SettledPeriod settledPeriodWithEmissionsCoreEmpty() {
        SettlementInputs inputs = EmissionsSettlementTest.moneyBeatsEmissions();
        var agreement = SettlementExamples.agreement(AllocationRuleName.SHAPLEY, 10_000,
                new RiskTerms.SharedFromFirstCent());
        SettlementResult result = PeriodSettlement.settle(inputs, agreement).orElseThrow();
        Map<PartnerId, Statement> statements = new LinkedHashMap<>();
        for (PartnerId member : inputs.members()) {
            statements.put(member, Statement.of(result, inputs, member));
        }
        return SettledPeriod.of(inputs.collaborationId(), inputs.period(), agreement, inputs.members(),
                new SettledPeriod.Settled(SettledPeriod.Figures.of(result), result.ledger(), statements),
                inputs.bookings().stream().map(booking -> booking.bookingId().value()).toList());
    }
}
