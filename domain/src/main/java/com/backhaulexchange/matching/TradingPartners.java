package com.backhaulexchange.matching;

import com.backhaulexchange.kernel.money.Money;
import com.backhaulexchange.partner.PartnerId;
import java.util.Map;
import java.util.Set;

/**
 * What matching needs to know of the partners who own lanes: whether they may trade at all (a suspended
 * partner's lanes are neither matched nor recommended, though they stay posted so that a reinstatement
 * finds them again) and each carrier's operating cost per mile, from its profile.
 */
public interface TradingPartners {

    /** Each active carrier's cost per mile; carriers without one, suspended and unknown partners are left out. */
    Map<PartnerId, Money> costsPerMile(Set<PartnerId> carriers);

    /** The partners among these that are active; suspended and unknown ones are left out. */
    Set<PartnerId> activeAmong(Set<PartnerId> partners);
}
