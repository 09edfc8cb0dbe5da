package com.backhaulexchange.deal.negotiation;

import com.backhaulexchange.lane.LaneExamples;
import com.backhaulexchange.lane.PostedLane;
import com.backhaulexchange.matching.Match;
import com.backhaulexchange.matching.MatchEvaluation;
import com.backhaulexchange.matching.MatchEvaluator;
import com.backhaulexchange.matching.MatchingConfig;
import com.backhaulexchange.kernel.money.Money;
import com.backhaulexchange.partner.PartnerId;
import com.backhaulexchange.partner.PartnerRole;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * A match of {@link LaneExamples#capacity()} and {@link LaneExamples#load()} (600 loaded miles, 200
 * out-of-route, pickup window closing Monday 12:00, budget USD 1,500) and the partners around it: the two
 * parties, a broker for each, and the ones who may not act.
 */
public final class NegotiationExamples {

    public static final Instant NOW = LaneExamples.NOW;
    public static final PartnerId CARRIER = LaneExamples.CARRIER;
    public static final PartnerId SHIPPER = LaneExamples.SHIPPER;
    public static final PartnerId CARRIER_BROKER_ID = new PartnerId("01JDBRKC000000000000000001");
    public static final PartnerId SHIPPER_BROKER_ID = new PartnerId("01JDBRKS000000000000000001");
    public static final PartnerId OTHER_BROKER_ID = new PartnerId("01JDBRKX000000000000000001");
    public static final PartnerId STRANGER_ID = new PartnerId("01JDSTRN000000000000000001");
    public static final NegotiationId NEGOTIATION_ID = new NegotiationId("01JDNEG0000000000000000001");
    public static final NegotiationId OTHER_NEGOTIATION_ID = new NegotiationId("01JDNEG0000000000000000002");
    public static final Instant YEAR_AGO = NOW.minus(Duration.ofDays(365));

    public static final ActingPartner CARRIER_PARTY = ActingPartner.party(CARRIER, PartnerRole.CARRIER);
    public static final ActingPartner SHIPPER_PARTY = ActingPartner.party(SHIPPER, PartnerRole.SHIPPER);
    public static final ActingPartner CARRIER_BROKER = ActingPartner.broker(CARRIER_BROKER_ID,
            List.of(Delegation.granted(CARRIER, CARRIER_BROKER_ID, YEAR_AGO)));
    public static final ActingPartner SHIPPER_BROKER = ActingPartner.broker(SHIPPER_BROKER_ID,
            List.of(Delegation.granted(SHIPPER, SHIPPER_BROKER_ID, YEAR_AGO)));
    public static final ActingPartner UNDELEGATED_BROKER = ActingPartner.broker(OTHER_BROKER_ID, List.of());
    public static final ActingPartner REVOKED_BROKER = ActingPartner.broker(OTHER_BROKER_ID, List.of(
            Delegation.granted(SHIPPER, OTHER_BROKER_ID, YEAR_AGO).revoked(NOW.minus(Duration.ofDays(1))),
            Delegation.granted(CARRIER, OTHER_BROKER_ID, YEAR_AGO).revoked(NOW.minus(Duration.ofDays(1)))));
    /** Holds delegations from both parties but lost (or never had) the BROKER role. */
    public static final ActingPartner DELEGATE_WITHOUT_BROKER_ROLE = new ActingPartner(OTHER_BROKER_ID,
            Set.of(PartnerRole.SHIPPER), List.of(Delegation.granted(SHIPPER, OTHER_BROKER_ID, YEAR_AGO),
                    Delegation.granted(CARRIER, OTHER_BROKER_ID, YEAR_AGO)));
    public static final ActingPartner STRANGER = ActingPartner.party(STRANGER_ID, PartnerRole.CARRIER);

    private NegotiationExamples() {
    }

    public static Match match() {
        var evaluation = new MatchEvaluator(MatchingConfig.DEFAULT)
                .evaluate(LaneExamples.capacity(), Money.of(215, "USD"), LaneExamples.load());
        return Match.proposed(new PostedLane.Capacity(LaneExamples.capacity(), NOW, NOW),
                new PostedLane.Load(LaneExamples.load(), NOW, NOW), (MatchEvaluation.Feasible) evaluation, NOW);
    }

    public static Money usd(long cents) {
        return Money.of(cents, "USD");
    }

    /** USD {@code cents} all-in with the usual accessorials, expiring {@code expiresAt}. */
    public static OfferTerms terms(long cents, Instant expiresAt) {
        return new OfferTerms(usd(cents), AccessorialTerms.usualUsd(), expiresAt, "can load early");
    }

    public static OfferTerms terms(long cents) {
        return terms(cents, NOW.plus(Duration.ofHours(3)));
    }

    public static ActingPartner party(Side side) {
        return side == Side.CARRIER ? CARRIER_PARTY : SHIPPER_PARTY;
    }

    public static ActingPartner broker(Side side) {
        return side == Side.CARRIER ? CARRIER_BROKER : SHIPPER_BROKER;
    }

    /** Opened at {@link #NOW} by the shipper at USD 1,200, expiring 3 hours later. */
    public static Negotiation openedByShipper(NegotiationRules rules) {
        return changed(Negotiation.open(NEGOTIATION_ID, match(), Side.SHIPPER, SHIPPER_PARTY, terms(120_000),
                AutoAcceptPrices.NONE, rules, NOW));
    }

    public static Negotiation openedByShipper() {
        return openedByShipper(NegotiationRules.DEFAULT);
    }

    @SuppressWarnings("unchecked")
    public static <S> S changed(Outcome<S, ?> outcome) {
        if (outcome instanceof Outcome.Changed<?, ?> changed) {
            return (S) changed.state();
        }
        throw new AssertionError("expected a change, was " + outcome);
    }
}
