package com.backhaulexchange.function.negotiationbooking;

import com.backhaulexchange.partner.access.Principal.PartnerPrincipal;
import com.backhaulexchange.deal.negotiation.Delegation;
import com.backhaulexchange.deal.negotiation.DelegationRepository;
import com.backhaulexchange.partner.PartnerId;
import com.backhaulexchange.partner.PartnerRepository;
import com.backhaulexchange.partner.PartnerRole;
import com.backhaulexchange.adapter.http.problem.ProblemException;
import com.backhaulexchange.adapter.http.problem.ProblemType;
import java.time.Clock;
import java.util.List;

/**
 * A partner lets a broker negotiate for it, and takes that back. Granting an active delegation again changes
 * nothing; revoking is immediate (the negotiation function reads delegations consistently on every command).
 */
final class DelegationService {
    private final DelegationRepository delegations;
    private final PartnerRepository partners;
    private final Clock clock;

    DelegationService(DelegationRepository delegations, PartnerRepository partners, Clock clock) {
        this.delegations = delegations;
        this.partners = partners;
        this.clock = clock;
    }

    Delegation grant(PartnerPrincipal caller, PartnerId broker) {
        if (broker.equals(caller.partnerId())) {
            throw ProblemException.invalidField("#/path/brokerId", "A partner does not delegate to itself.");
        }
        // A partner that is no (active) broker is answered as an unknown id: partner ids are private, and a
        // 422 for a shipper's id would tell anyone that the id exists and what roles it has.
        partners.findById(broker).filter(partner -> !partner.isSuspended())
                .filter(partner -> partner.profile().roles().contains(PartnerRole.BROKER))
                .orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND, "No such broker."));
        var now = clock.instant();
        var current = delegations.find(caller.partnerId(), broker);
        if (current.isPresent() && current.get().isActiveAt(now)) {
            return current.get();
        }
        Delegation granted = Delegation.granted(caller.partnerId(), broker, now);
        delegations.save(granted);
        return granted;
    }

    Delegation revoke(PartnerPrincipal caller, PartnerId broker) {
        var current = delegations.find(caller.partnerId(), broker)
                .orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND, "No delegation to that broker."));
        Delegation revoked = current.revoked(clock.instant());
        if (!revoked.equals(current)) {
            delegations.save(revoked);
        }
        return revoked;
    }

    /** What the caller granted, and what it holds as a broker. */
    record Delegations(List<Delegation> granted, List<Delegation> held) {
    }

    Delegations list(PartnerPrincipal caller) {
        return new Delegations(delegations.grantedBy(caller.partnerId()),
                caller.hasRole(PartnerRole.BROKER) ? delegations.heldBy(caller.partnerId()) : List.of());
    }
}
