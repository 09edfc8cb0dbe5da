package com.backhaulexchange.deal.negotiation;

import static com.backhaulexchange.deal.negotiation.NegotiationExamples.CARRIER;
import static com.backhaulexchange.deal.negotiation.NegotiationExamples.CARRIER_BROKER;
import static com.backhaulexchange.deal.negotiation.NegotiationExamples.CARRIER_BROKER_ID;
import static com.backhaulexchange.deal.negotiation.NegotiationExamples.CARRIER_PARTY;
import static com.backhaulexchange.deal.negotiation.NegotiationExamples.NEGOTIATION_ID;
import static com.backhaulexchange.deal.negotiation.NegotiationExamples.NOW;
import static com.backhaulexchange.deal.negotiation.NegotiationExamples.SHIPPER_PARTY;
import static com.backhaulexchange.deal.negotiation.NegotiationExamples.STRANGER;
import static com.backhaulexchange.deal.negotiation.NegotiationExamples.changed;
import static com.backhaulexchange.deal.negotiation.NegotiationExamples.match;
import static com.backhaulexchange.deal.negotiation.NegotiationExamples.openedByShipper;
import static com.backhaulexchange.deal.negotiation.NegotiationExamples.terms;
import static com.backhaulexchange.deal.negotiation.NegotiationExamples.usd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.backhaulexchange.matching.Match;
import com.backhaulexchange.kernel.money.Money;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class NegotiationTest {

    private static final Instant IN_3_HOURS = NOW.plus(Duration.ofHours(3));

    private static Outcome<Negotiation, NegotiationEvent> open(Side side, ActingPartner by, OfferTerms terms) {
        return Negotiation.open(NEGOTIATION_ID, match(), side, by, terms, AutoAcceptPrices.NONE,
                NegotiationRules.DEFAULT, NOW);
    }

    private static Outcome.Refused<Negotiation, NegotiationEvent> refused(Outcome<Negotiation, NegotiationEvent> o) {
        assertThat(o).isInstanceOf(Outcome.Refused.class);
        return (Outcome.Refused<Negotiation, NegotiationEvent>) o;
    }

    @Test
    void aBrokerOpensForTheCarrierAndTheHistoryNamesItAsTheActingPartner() {
        var outcome = (Outcome.Changed<Negotiation, NegotiationEvent>) open(Side.CARRIER, CARRIER_BROKER,
                terms(150_000));

        Negotiation negotiation = outcome.state();
        assertThat(negotiation.status()).isEqualTo(NegotiationStatus.OPEN);
        assertThat(negotiation.matchId()).isEqualTo(match().id());
        assertThat(negotiation.carrier()).isEqualTo(CARRIER);
        assertThat(negotiation.currency().getCurrencyCode()).isEqualTo("USD");
        assertThat(negotiation.offerDeadline()).isEqualTo(match().matchableUntil());
        assertThat(negotiation.turn()).isEqualTo(Side.SHIPPER);
        assertThat(negotiation.currentOffer().round()).isEqualTo(1);
        assertThat(negotiation.currentOffer().actingPartner()).isEqualTo(CARRIER_BROKER_ID);
        assertThat(outcome.events()).singleElement().isInstanceOfSatisfying(NegotiationEvent.OfferMade.class,
                made -> {
                    assertThat(made.sequence()).isEqualTo(1);
                    assertThat(made.at()).isEqualTo(NOW);
                    assertThat(made.actor()).isEqualTo(new Actor.Party(Side.CARRIER, CARRIER_BROKER_ID));
                });
        assertThat(negotiation.history()).isEqualTo(outcome.events());
    }

    @Test
    void aStrangerOpeningIsToldTheMatchDoesNotExist() {
        assertThat(refused(open(Side.CARRIER, STRANGER, terms(150_000))).kind()).isEqualTo(RefusalKind.NOT_FOUND);
    }

    @Test
    void aRetractedOrExpiredMatchCannotBeNegotiated() {
        Match retracted = match().retracted(NOW);
        assertThat(refused(Negotiation.open(NEGOTIATION_ID, retracted, Side.CARRIER, CARRIER_PARTY, terms(150_000),
                AutoAcceptPrices.NONE, NegotiationRules.DEFAULT, NOW)).reason()).isEqualTo(ReasonCode.MATCH_NOT_OPEN);

        Instant afterMatch = match().matchableUntil();
        assertThat(refused(Negotiation.open(NEGOTIATION_ID, match(), Side.CARRIER, CARRIER_PARTY,
                terms(150_000, afterMatch.plusSeconds(60)), AutoAcceptPrices.NONE, NegotiationRules.DEFAULT,
                afterMatch)).reason()).isEqualTo(ReasonCode.MATCH_NOT_OPEN);
    }

    @Test
    void anAmountOfZeroOrBelowIsNotPositive() {
        for (long cents : new long[] {0, -1, -150_000}) {
            var refused = refused(open(Side.SHIPPER, SHIPPER_PARTY, terms(cents)));
            assertThat(refused.reason()).isEqualTo(ReasonCode.AMOUNT_NOT_POSITIVE);
            assertThat(refused.kind()).isEqualTo(RefusalKind.INVALID_INPUT);
            assertThat(refused.first().field()).isEqualTo("/amount/amountMinorUnits");
        }
    }

    @Test
    void anAmountOverAHundredTimesTheMarketEstimateOrTheCapIsAbsurd() {
        long marketPrice = openedByShipper().market().marketShipperPrice().amountMinorUnits();
        assertThat(open(Side.CARRIER, CARRIER_PARTY, terms(marketPrice * 100)))
                .isInstanceOf(Outcome.Changed.class);
        assertThat(refused(open(Side.CARRIER, CARRIER_PARTY, terms(marketPrice * 100 + 1))).reason())
                .isEqualTo(ReasonCode.AMOUNT_ABSURD);
        assertThat(OfferPolicies.isAbsurd(usd(100_000_001), usd(10_000_000))).as("over USD 1,000,000").isTrue();
        assertThat(OfferPolicies.isAbsurd(usd(100_000_000), usd(10_000_000))).isFalse();
    }

    @Test
    void anAmountInAnotherCurrencyThanTheLanesIsAMismatch() {
        var terms = new OfferTerms(Money.of(150_000, "EUR"), AccessorialTerms.usualUsd(), IN_3_HOURS, null);
        var refused = refused(open(Side.CARRIER, CARRIER_PARTY, terms));
        assertThat(refused.reason()).isEqualTo(ReasonCode.CURRENCY_MISMATCH);
        assertThat(refused.first().field()).isEqualTo("/amount/currency");
    }

    @Test
    void anExpiryNotInTheFutureIsInThePast() {
        for (Instant expiry : List.of(NOW, NOW.minusSeconds(1))) {
            assertThat(refused(open(Side.CARRIER, CARRIER_PARTY, terms(150_000, expiry))).reason())
                    .isEqualTo(ReasonCode.EXPIRY_IN_THE_PAST);
        }
    }

    @Test
    void anExpiryBeyondTheOfferLifetimeOrTheMatchIsTooFar() {
        var tenHours = new NegotiationRules(6, Duration.ofHours(10),
                NegotiationRules.DEFAULT.marketRatePerLoadedMile(), NegotiationRules.DEFAULT.marketCostPerMile());
        assertThat(refused(Negotiation.open(NEGOTIATION_ID, match(), Side.CARRIER, CARRIER_PARTY,
                terms(150_000, NOW.plus(Duration.ofHours(10)).plusSeconds(1)), AutoAcceptPrices.NONE, tenHours, NOW))
                .reason()).isEqualTo(ReasonCode.EXPIRY_TOO_FAR);
        var beyondMatch = refused(open(Side.CARRIER, CARRIER_PARTY,
                terms(150_000, match().matchableUntil().plusSeconds(1))));
        assertThat(beyondMatch.reason()).isEqualTo(ReasonCode.EXPIRY_TOO_FAR);
        assertThat(beyondMatch.first().detail()).contains("outlive the match");
        assertThat(open(Side.CARRIER, CARRIER_PARTY, terms(150_000, match().matchableUntil())))
                .isInstanceOf(Outcome.Changed.class);
    }

    @Test
    void everyBadFieldIsReportedWithItsPointer() {
        var accessorials = new AccessorialTerms(25, Money.of(50_001, "USD"), Money.of(-1, "USD"), 169);
        var terms = new OfferTerms(usd(0), accessorials, NOW.minusSeconds(1), "x".repeat(1_001));

        var refused = refused(open(Side.CARRIER, CARRIER_PARTY, terms));

        assertThat(refused.refusals()).extracting(Refusal::field).containsExactlyInAnyOrder(
                "/amount/amountMinorUnits", "/expiresAt", "/accessorials/detentionFreeHours",
                "/accessorials/detentionRatePerHour/amountMinorUnits", "/accessorials/tonuFee/amountMinorUnits",
                "/accessorials/tonuCancellationWindowHours", "/note");
        assertThat(refused.refusals()).extracting(Refusal::kind).containsOnly(RefusalKind.INVALID_INPUT);
    }

    @Test
    void accessorialsInAnotherCurrencyAreAMismatch() {
        var accessorials = new AccessorialTerms(2, Money.of(5_000, "CAD"), Money.of(20_000, "EUR"), 24);
        var refused = refused(open(Side.CARRIER, CARRIER_PARTY, new OfferTerms(usd(150_000), accessorials,
                IN_3_HOURS, null)));
        assertThat(refused.refusals()).extracting(Refusal::field).containsExactly(
                "/accessorials/detentionRatePerHour/currency", "/accessorials/tonuFee/currency");
    }

    @Test
    void aTonuFeeAboveTheOfferedAmountIsOutOfRange() {
        var accessorials = new AccessorialTerms(2, usd(5_000), usd(150_001), 24);
        assertThat(refused(open(Side.CARRIER, CARRIER_PARTY, new OfferTerms(usd(150_000), accessorials, IN_3_HOURS,
                null))).reason()).isEqualTo(ReasonCode.ACCESSORIAL_OUT_OF_RANGE);
    }

    @Test
    void shipperCounteringAnExpiredOfferIsRejectedAsExpired() {
        Negotiation negotiation = changed(openedByShipper().counter(Side.CARRIER, CARRIER_PARTY,
                terms(140_000, NOW.plus(Duration.ofHours(2))), AutoAcceptPrices.NONE, NOW.plusSeconds(60)));
        Instant later = NOW.plus(Duration.ofHours(2));

        var refused = refused(negotiation.counter(Side.SHIPPER, SHIPPER_PARTY,
                terms(130_000, later.plus(Duration.ofHours(1))), AutoAcceptPrices.NONE, later));

        assertThat(refused.reason()).isEqualTo(ReasonCode.OFFER_EXPIRED);
        assertThat(refused.kind()).isEqualTo(RefusalKind.CONFLICT);
    }

    @Test
    void anOfferCannotBeAcceptedFromItsExpiryInstantEvenIfNoJobHasExpiredIt() {
        Negotiation negotiation = openedByShipper();
        Instant expiry = negotiation.currentOffer().expiresAt();

        assertThat(negotiation.accept(Side.CARRIER, CARRIER_PARTY, expiry.minusMillis(1)))
                .isInstanceOf(Outcome.Changed.class);
        assertThat(refused(negotiation.accept(Side.CARRIER, CARRIER_PARTY, expiry)).reason())
                .isEqualTo(ReasonCode.OFFER_EXPIRED);
        assertThat(negotiation.status()).isEqualTo(NegotiationStatus.OPEN);
        assertThat(negotiation.effectiveStatus(expiry)).isEqualTo(NegotiationStatus.EXPIRED);
        assertThat(negotiation.effectiveStatus(expiry.minusMillis(1))).isEqualTo(NegotiationStatus.OPEN);
    }

    @Test
    void theExpiryJobStampsTheEventWhenTheOfferLapsed() {
        Negotiation negotiation = openedByShipper();
        Instant expiry = negotiation.currentOffer().expiresAt();

        var outcome = (Outcome.Changed<Negotiation, NegotiationEvent>) negotiation.expire(expiry.plus(Duration.ofHours(5)));

        assertThat(outcome.events()).singleElement().isEqualTo(new NegotiationEvent.OfferExpired(2, expiry, 1));
        assertThat(outcome.state().expire(expiry.plus(Duration.ofDays(1))))
                .isEqualTo(new Outcome.Unchanged<>(outcome.state()));
    }

    @Test
    void aSecondAcceptOfAnAgreedNegotiationIsAConflictNamedAlreadyAgreed() {
        Negotiation agreed = changed(openedByShipper().accept(Side.CARRIER, CARRIER_PARTY, NOW.plusSeconds(5)));

        var again = refused(agreed.accept(Side.CARRIER, CARRIER_PARTY, NOW.plusSeconds(6)));

        assertThat(again.reason()).isEqualTo(ReasonCode.ALREADY_AGREED);
        assertThat(again.kind()).isEqualTo(RefusalKind.CONFLICT);
        assertThat(agreed.agreedOffer()).isEqualTo(agreed.offers().get(0));
    }

    @Test
    void onlyAnAgreedNegotiationHasAnAgreedOffer() {
        assertThatThrownBy(() -> openedByShipper().agreedOffer()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anOfferAtOrAboveTheCarriersAutoAcceptPriceIsAgreedAtOnceWithoutRevealingThePrice() {
        var outcome = (Outcome.Changed<Negotiation, NegotiationEvent>) Negotiation.open(NEGOTIATION_ID, match(),
                Side.SHIPPER, SHIPPER_PARTY, terms(131_313), AutoAcceptPrices.carrierAtOrAbove(usd(131_313)),
                NegotiationRules.DEFAULT, NOW);

        assertThat(outcome.state().status()).isEqualTo(NegotiationStatus.AGREED);
        assertThat(outcome.events()).hasSize(2).last().isEqualTo(
                new NegotiationEvent.OfferAutoAccepted(2, NOW, Side.CARRIER, 1));
        assertThat(outcome.state().history().get(1).toString()).doesNotContain("131313");
    }

    @Test
    void autoAcceptPricesMatchOffersAtOrBetterInTheirOwnCurrencyOnly() {
        assertThat(AutoAcceptPrices.carrierAtOrAbove(usd(100)).acceptsFor(Side.CARRIER, usd(99))).isFalse();
        assertThat(AutoAcceptPrices.carrierAtOrAbove(usd(100)).acceptsFor(Side.CARRIER, usd(100))).isTrue();
        assertThat(AutoAcceptPrices.shipperAtOrBelow(usd(100)).acceptsFor(Side.SHIPPER, usd(101))).isFalse();
        assertThat(AutoAcceptPrices.shipperAtOrBelow(usd(100)).acceptsFor(Side.SHIPPER, usd(100))).isTrue();
        assertThat(AutoAcceptPrices.shipperAtOrBelow(usd(100)).acceptsFor(Side.CARRIER, usd(1))).isFalse();
        assertThat(AutoAcceptPrices.shipperAtOrBelow(Money.of(100, "EUR")).acceptsFor(Side.SHIPPER, usd(1)))
                .as("another currency never matches").isFalse();
    }

    @Test
    void aCounterAtOrBelowTheShippersAutoAcceptPriceIsAgreedAtOnce() {
        var outcome = (Outcome.Changed<Negotiation, NegotiationEvent>) openedByShipper().counter(Side.CARRIER,
                CARRIER_BROKER, terms(135_000), AutoAcceptPrices.shipperAtOrBelow(usd(135_000)), NOW.plusSeconds(1));

        assertThat(outcome.state().status()).isEqualTo(NegotiationStatus.AGREED);
        assertThat(outcome.state().agreedOffer().amount()).isEqualTo(usd(135_000));
        assertThat(outcome.events()).extracting(NegotiationEvent::getClass).containsExactly(
                NegotiationEvent.OfferMade.class, NegotiationEvent.OfferAutoAccepted.class);
    }

    @Test
    void theAuthorsOwnAutoAcceptPriceDoesNotAcceptItsOwnOffer() {
        var outcome = (Outcome.Changed<Negotiation, NegotiationEvent>) Negotiation.open(NEGOTIATION_ID, match(),
                Side.SHIPPER, SHIPPER_PARTY, terms(100_000), AutoAcceptPrices.shipperAtOrBelow(usd(150_000)),
                NegotiationRules.DEFAULT, NOW);
        assertThat(outcome.state().status()).isEqualTo(NegotiationStatus.OPEN);
    }

    @Test
    void theLastRoundCanOnlyBeAcceptedOrRejectedAndRejectingItExhaustsTheRounds() {
        Negotiation lastRound = changed(openedByShipper(NegotiationRules.DEFAULT.withMaxRounds(2)).counter(
                Side.CARRIER, CARRIER_PARTY, terms(140_000), AutoAcceptPrices.NONE, NOW.plusSeconds(1)));

        assertThat(refused(lastRound.counter(Side.SHIPPER, SHIPPER_PARTY, terms(130_000), AutoAcceptPrices.NONE,
                NOW.plusSeconds(2))).reason()).isEqualTo(ReasonCode.ROUNDS_EXHAUSTED);
        var rejected = (Outcome.Changed<Negotiation, NegotiationEvent>) lastRound.reject(Side.SHIPPER, SHIPPER_PARTY,
                NOW.plusSeconds(2));
        assertThat(rejected.state().status()).isEqualTo(NegotiationStatus.ROUNDS_EXHAUSTED);
        assertThat(rejected.events()).singleElement().isInstanceOfSatisfying(NegotiationEvent.OfferRejected.class,
                event -> assertThat(event.lastRound()).isTrue());
    }

    @Test
    void aSingleRoundNegotiationIsTakeItOrLeaveIt() {
        Negotiation single = openedByShipper(NegotiationRules.DEFAULT.withMaxRounds(1));
        assertThat(refused(single.counter(Side.CARRIER, CARRIER_PARTY, terms(140_000), AutoAcceptPrices.NONE,
                NOW.plusSeconds(1))).reason()).isEqualTo(ReasonCode.ROUNDS_EXHAUSTED);
    }

    @Test
    void theRoundsLimitIsBetweenOneAndTwenty() {
        assertThatThrownBy(() -> NegotiationRules.DEFAULT.withMaxRounds(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> NegotiationRules.DEFAULT.withMaxRounds(21)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anEventIsNeverStampedBeforeItsPredecessorWhenTheCallersClockLags() {
        Negotiation negotiation = openedByShipper();
        var outcome = (Outcome.Changed<Negotiation, NegotiationEvent>) negotiation.accept(Side.CARRIER,
                CARRIER_PARTY, NOW.minusSeconds(2));
        assertThat(outcome.events().get(0).at()).isEqualTo(NOW);
    }

    @Test
    void supersedingRecordsTheWinningNegotiation() {
        var winner = NegotiationExamples.OTHER_NEGOTIATION_ID;
        var outcome = (Outcome.Changed<Negotiation, NegotiationEvent>) openedByShipper().supersede(winner,
                NOW.plusSeconds(9));
        assertThat(outcome.events()).singleElement().isEqualTo(
                new NegotiationEvent.Superseded(2, NOW.plusSeconds(9), winner));
        assertThatThrownBy(() -> openedByShipper().supersede(NEGOTIATION_ID, NOW))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void everyReasonCodeHasAKindWithAnHttpStatus() {
        for (ReasonCode reason : ReasonCode.values()) {
            assertThat(reason.kind().httpStatus()).isIn(400, 403, 404, 409);
            assertThat(reason.code()).matches("[A-Z_]+");
            assertThat(Refusal.of(reason, "d").toDecision().reasonCode()).isEqualTo(reason.code());
        }
    }
}
