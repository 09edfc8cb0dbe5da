package com.backhaulexchange.deal.negotiation;

import com.backhaulexchange.partner.PartnerId;
import java.util.List;
import java.util.Optional;

/** Delegations of negotiation rights, one current record per (principal, broker) pair. */
public interface DelegationRepository {

    /** Stores a delegation, replacing the pair's previous record (a revoked one, or the same one again). */
    void save(Delegation delegation);

    /** The pair's current record, read consistently: a revocation is seen at once. */
    Optional<Delegation> find(PartnerId principal, PartnerId broker);

    /** What a principal granted (current records, revoked included). */
    List<Delegation> grantedBy(PartnerId principal);

    /** What a broker holds (current records, revoked included; read from an index, so a moment late). */
    List<Delegation> heldBy(PartnerId broker);
}
