package com.backhaulexchange.matching;

import com.backhaulexchange.money.Money;
import com.backhaulexchange.partner.PartnerId;
import java.util.Map;
import java.util.Set;

/** Each carrier's operating cost per mile, from its partner profile; carriers without one are left out. */
public interface CarrierCosts {
    Map<PartnerId, Money> costsPerMile(Set<PartnerId> carriers);
}
