package com.backhaulexchange.function.negotiationbooking;

import com.backhaulexchange.adapter.http.problem.ProblemException;
import com.backhaulexchange.adapter.http.problem.ProblemType;
import com.backhaulexchange.deal.negotiation.DelegationRepository;
import com.backhaulexchange.deal.outcome.OutcomeLedger;
import com.backhaulexchange.deal.outcome.OutcomeQuery;
import com.backhaulexchange.deal.outcome.OutcomeReport;
import com.backhaulexchange.partner.PartnerId;
import com.backhaulexchange.partner.access.Principal.PartnerPrincipal;
import java.time.Clock;
import java.util.Optional;

/**
 * A partner's outcomes (ADR 26): its own, or — for a broker — a principal's through a delegation in force at the
 * time of the request. Whose figures the caller may not read are answered as for a partner that does not exist.
 * Reads one ledger item per day of the range and one small item per day and lane pair with deliveries (ADR 45),
 * never the bookings.
 */
final class OutcomeService {
    private final OutcomeLedger ledger;
    private final DelegationRepository delegations;
    private final Clock clock;

    OutcomeService(OutcomeLedger ledger, DelegationRepository delegations, Clock clock) {
        this.ledger = ledger;
        this.delegations = delegations;
        this.clock = clock;
    }

    OutcomeReport report(PartnerPrincipal caller, Optional<PartnerId> of, OutcomeQuery query) {
        PartnerId partner = of.orElse(caller.partnerId());
        if (!partner.equals(caller.partnerId()) && delegations.find(partner, caller.partnerId())
                .filter(delegation -> delegation.isActiveAt(clock.instant())).isEmpty()) {
            throw new ProblemException(ProblemType.NOT_FOUND, "No such partner.");
        }
        return OutcomeReport.of(partner, query, ledger.days(partner, query.from(), query.to()),
                ledger.lanePairDays(partner, query.from(), query.to()));
    }
}
