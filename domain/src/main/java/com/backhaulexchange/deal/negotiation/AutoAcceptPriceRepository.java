package com.backhaulexchange.deal.negotiation;

import com.backhaulexchange.kernel.money.Money;
import java.util.Optional;

/** A lane's private auto-accept price, readable only through its owner's lane (never part of a negotiation). */
public interface AutoAcceptPriceRepository {

    void set(String laneId, Money price);

    void clear(String laneId);

    Optional<Money> find(String laneId);
}
