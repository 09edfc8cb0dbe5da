package com.backhaulexchange.deal.packagedeal;

import com.backhaulexchange.deal.negotiation.ActingPartner;
import com.backhaulexchange.deal.negotiation.MayActOnNegotiation;
import com.backhaulexchange.deal.negotiation.ReasonCode;
import com.backhaulexchange.deal.negotiation.Side;
import com.backhaulexchange.kernel.policy.Decision;
import com.backhaulexchange.partner.PartnerId;
import java.time.Instant;
import java.util.List;

/**
 * Who may act on a package deal. On one leg, exactly who may act on a single-load negotiation between the
 * carrier and that leg's shipper ({@link MayActOnNegotiation}): so the shipper of another leg, or its broker, is
 * answered as a stranger is (NOT_A_PARTY, the 404 of an unknown id) and learns nothing of the other loads. On the
 * whole package (withdrawing it) only the carrier's side may act; a shipper of any leg, who already knows the
 * deal, is told it is not its side.
 */
public final class MayActOnPackage {

    public static final String NO_SUCH_PACKAGE_DEAL = "No such package deal.";

    private MayActOnPackage() {
    }

    /** {@code shippers}: the shipper of each leg, in chain order. */
    public static Decision onLeg(PartnerId carrier, List<PartnerId> shippers, int legIndex, Side side,
            ActingPartner acting, Instant now) {
        if (legIndex < 0 || legIndex >= shippers.size()) {
            return Decision.rejected(ReasonCode.NOT_A_PARTY.code(), NO_SUCH_PACKAGE_DEAL, null);
        }
        var decision = MayActOnNegotiation.decide(carrier, shippers.get(legIndex), side, acting, now);
        if (decision instanceof Decision.Rejected rejected
                && ReasonCode.NOT_A_PARTY.code().equals(rejected.reasonCode())) {
            return Decision.rejected(ReasonCode.NOT_A_PARTY.code(), NO_SUCH_PACKAGE_DEAL, null);
        }
        return decision;
    }

    public static Decision forCarrier(PartnerId carrier, List<PartnerId> shippers, ActingPartner acting,
            Instant now) {
        Decision.Rejected strongest = null;
        for (int legIndex = 0; legIndex < shippers.size(); legIndex++) {
            var decision = onLeg(carrier, shippers, legIndex, Side.CARRIER, acting, now);
            if (decision instanceof Decision.Rejected rejected) {
                if (strongest == null || ReasonCode.NOT_A_PARTY.code().equals(strongest.reasonCode())) {
                    strongest = rejected;
                }
            } else {
                return decision;
            }
        }
        return strongest;
    }
}
