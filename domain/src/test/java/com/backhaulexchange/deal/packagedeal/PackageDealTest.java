package com.backhaulexchange.deal.packagedeal;

import static com.backhaulexchange.deal.negotiation.NegotiationExamples.CARRIER;
import static com.backhaulexchange.deal.negotiation.NegotiationExamples.CARRIER_BROKER;
import static com.backhaulexchange.deal.negotiation.NegotiationExamples.CARRIER_PARTY;
import static com.backhaulexchange.deal.negotiation.NegotiationExamples.NOW;
import static com.backhaulexchange.deal.negotiation.NegotiationExamples.STRANGER;
import static com.backhaulexchange.deal.negotiation.NegotiationExamples.changed;
import static com.backhaulexchange.deal.negotiation.NegotiationExamples.terms;
import static org.assertj.core.api.Assertions.assertThat;

import com.backhaulexchange.deal.negotiation.ActingPartner;
import com.backhaulexchange.deal.negotiation.NegotiationRules;
import com.backhaulexchange.deal.negotiation.OfferTerms;
import com.backhaulexchange.deal.negotiation.Outcome;
import com.backhaulexchange.deal.negotiation.ReasonCode;
import com.backhaulexchange.deal.negotiation.Side;
import com.backhaulexchange.deal.packagedeal.PackageDealEvent.LegAccepted;
import com.backhaulexchange.deal.packagedeal.PackageDealEvent.LegOffered;
import com.backhaulexchange.deal.packagedeal.PackageDealEvent.PackageBooked;
import com.backhaulexchange.deal.packagedeal.PackageDealEvent.PackageFailed;
import com.backhaulexchange.lane.CapacityLaneId;
import com.backhaulexchange.lane.LoadLaneId;
import com.backhaulexchange.matching.chain.ReloadPackageId;
import com.backhaulexchange.partner.PartnerId;
import com.backhaulexchange.partner.PartnerRole;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PackageDealTest {
    private static final PackageDealId DEAL_ID = new PackageDealId("01JDPKGD000000000000000001");
    private static final CapacityLaneId TRUCK = new CapacityLaneId("01JDTRCK000000000000000001");
    private static final List<PartnerId> SHIPPERS = List.of(new PartnerId("01JDSHPA000000000000000001"),
            new PartnerId("01JDSHPB000000000000000001"), new PartnerId("01JDSHPC000000000000000001"));
    private static final List<LoadLaneId> LOADS = List.of(new LoadLaneId("01JDQDA0000000000000000001"),
            new LoadLaneId("01JDQDB0000000000000000001"), new LoadLaneId("01JDQDC0000000000000000001"));
    private static final Instant OPEN_UNTIL = NOW.plus(Duration.ofHours(20));

    private static ActingPartner shipper(int leg) {
        return ActingPartner.party(SHIPPERS.get(leg), PartnerRole.SHIPPER);
    }

    private static OfferedPackage triangle() {
        var loads = new ArrayList<OfferedLoad>();
        for (int i = 0; i < 3; i++) {
            loads.add(new OfferedLoad(i, LOADS.get(i), SHIPPERS.get(i), 300 + 50 * i, 20));
        }
        return new OfferedPackage(ReloadPackageId.of(TRUCK, LOADS), TRUCK, CARRIER, Currency.getInstance("USD"),
                OPEN_UNTIL, loads);
    }

    private static List<OfferTerms> offers() {
        return List.of(terms(90_000), terms(100_000), terms(110_000));
    }

    private static PackageDeal opened() {
        return changed(PackageDeal.open(DEAL_ID, triangle(), CARRIER_PARTY, offers(), NegotiationRules.DEFAULT, NOW));
    }

    @Test
    void openingOffersEachShipperItsOwnLoadAndWaitsForAllOfThem() {
        var outcome = PackageDeal.open(DEAL_ID, triangle(), CARRIER_PARTY, offers(), NegotiationRules.DEFAULT, NOW);

        var deal = changed(outcome);
        assertThat(deal.status()).isEqualTo(PackageDealStatus.OPEN);
        assertThat(deal.legs()).extracting(PackageLeg::status).containsOnly(LegStatus.AWAITING_SHIPPER);
        assertThat(deal.legs()).extracting(PackageLeg::shipper).containsExactlyElementsOf(SHIPPERS);
        assertThat(((Outcome.Changed<PackageDeal, PackageDealEvent>) outcome).events())
                .hasSize(3).allSatisfy(event -> assertThat(event).isInstanceOf(LegOffered.class))
                .extracting(PackageDealEvent::sequence).containsExactly(1L, 2L, 3L);
        assertThat(deal.legs().get(1).currentOffer().amount().amountMinorUnits()).isEqualTo(100_000);
    }

    @Test
    void thePackageBooksWithTheLastAcceptanceAndNotBefore() {
        var deal = changed(opened().accept(0, Side.SHIPPER, shipper(0), NOW.plusSeconds(60)));
        deal = changed(deal.accept(2, Side.SHIPPER, shipper(2), NOW.plusSeconds(120)));
        assertThat(deal.status()).isEqualTo(PackageDealStatus.OPEN);

        var last = deal.accept(1, Side.SHIPPER, shipper(1), NOW.plusSeconds(180));

        assertThat(last).isInstanceOfSatisfying(Outcome.Changed.class, change -> assertThat(change.events())
                .hasExactlyElementsOfTypes(LegAccepted.class, PackageBooked.class));
        assertThat(changed(last).status()).isEqualTo(PackageDealStatus.BOOKED);
        assertThat(changed(last).legs()).extracting(PackageLeg::status).containsOnly(LegStatus.ACCEPTED);
    }

    @Test
    void aShipperOfAnotherLoadIsAnsweredAsAStrangerIs() {
        var deal = opened();

        var byOtherShipper = deal.accept(0, Side.SHIPPER, shipper(1), NOW);
        var byStranger = deal.accept(0, Side.SHIPPER, STRANGER, NOW);
        var unknownLeg = deal.accept(7, Side.SHIPPER, shipper(0), NOW);

        for (var outcome : List.of(byOtherShipper, byStranger, unknownLeg)) {
            assertThat(outcome).isInstanceOfSatisfying(Outcome.Refused.class, refused -> {
                assertThat(refused.reason()).isEqualTo(ReasonCode.NOT_A_PARTY);
                assertThat(refused.first().detail()).isEqualTo(MayActOnPackage.NO_SUCH_PACKAGE_DEAL);
            });
        }
    }

    @Test
    void oneShipperDecliningFailsThePackageForEveryone() {
        var deal = changed(opened().accept(0, Side.SHIPPER, shipper(0), NOW.plusSeconds(10)));

        var declined = changed(deal.decline(1, shipper(1), "rate too low", NOW.plusSeconds(20)));

        assertThat(declined.status()).isEqualTo(PackageDealStatus.FAILED);
        assertThat(declined.history().getLast()).isInstanceOfSatisfying(PackageFailed.class, failed -> {
            assertThat(failed.cause()).isEqualTo(FailureCause.DECLINED);
            assertThat(failed.legIndex()).isEqualTo(1);
        });
        assertThat(declined.accept(2, Side.SHIPPER, shipper(2), NOW.plusSeconds(30)))
                .isInstanceOfSatisfying(Outcome.Refused.class,
                        refused -> assertThat(refused.reason()).isEqualTo(ReasonCode.PACKAGE_CLOSED));
    }

    @Test
    void anAcceptedLoadCannotBeTakenBackAlone() {
        var deal = changed(opened().accept(0, Side.SHIPPER, shipper(0), NOW.plusSeconds(10)));

        assertThat(deal.decline(0, shipper(0), "changed my mind", NOW.plusSeconds(20)))
                .isInstanceOfSatisfying(Outcome.Refused.class,
                        refused -> assertThat(refused.reason()).isEqualTo(ReasonCode.ALREADY_AGREED));
    }

    @Test
    void aShipperCountersItsOwnLoadAndTheCarrierAcceptsTheCounter() {
        var countered = changed(opened().counter(1, Side.SHIPPER, shipper(1), terms(95_000), NOW.plusSeconds(10)));
        assertThat(countered.legs().get(1).status()).isEqualTo(LegStatus.AWAITING_CARRIER);
        assertThat(countered.accept(1, Side.SHIPPER, shipper(1), NOW.plusSeconds(20)))
                .isInstanceOfSatisfying(Outcome.Refused.class,
                        refused -> assertThat(refused.reason()).isEqualTo(ReasonCode.NOT_YOUR_TURN));

        var accepted = changed(countered.accept(1, Side.CARRIER, CARRIER_BROKER, NOW.plusSeconds(30)));

        assertThat(accepted.legs().get(1).status()).isEqualTo(LegStatus.ACCEPTED);
        assertThat(accepted.legs().get(1).currentOffer().amount().amountMinorUnits()).isEqualTo(95_000);
        assertThat(accepted.legs().get(0).status()).isEqualTo(LegStatus.AWAITING_SHIPPER);
    }

    @Test
    void anUnansweredOfferLapsingFailsThePackageAtItsExpiryEvenBeforeTheJobRecordsIt() {
        var expiries = List.of(NOW.plus(Duration.ofHours(5)), NOW.plus(Duration.ofHours(2)), NOW.plus(Duration.ofHours(9)));
        var deal = changed(PackageDeal.open(DEAL_ID, triangle(), CARRIER_PARTY, List.of(terms(90_000, expiries.get(0)),
                terms(100_000, expiries.get(1)), terms(110_000, expiries.get(2))), NegotiationRules.DEFAULT, NOW));
        // The load whose offer lapses first is already accepted: its expiry no longer matters.
        deal = changed(deal.accept(1, Side.SHIPPER, shipper(1), NOW.plusSeconds(60)));
        Instant later = NOW.plus(Duration.ofHours(6));

        assertThat(deal.effectiveStatus(NOW.plus(Duration.ofHours(3)))).isEqualTo(PackageDealStatus.OPEN);
        assertThat(deal.effectiveStatus(later)).isEqualTo(PackageDealStatus.FAILED);
        assertThat(deal.accept(2, Side.SHIPPER, shipper(2), later)).isInstanceOfSatisfying(Outcome.Refused.class,
                refused -> assertThat(refused.reason()).isEqualTo(ReasonCode.OFFER_EXPIRED));
        var expired = changed(deal.expire(later));
        assertThat(expired.history().getLast()).isInstanceOfSatisfying(PackageFailed.class, failed -> {
            assertThat(failed.cause()).isEqualTo(FailureCause.LAPSED);
            assertThat(failed.legIndex()).isZero();
            assertThat(failed.at()).isEqualTo(expiries.get(0));
        });
        assertThat(expired.expire(later.plusSeconds(60))).isInstanceOf(Outcome.Unchanged.class);
    }

    @Test
    void noOfferMayOutliveThePackageSoTheEarliestUnansweredOfferDecidesTheLapse() {
        var tooLate = PackageDeal.open(DEAL_ID, triangle(), CARRIER_PARTY, List.of(terms(90_000),
                terms(100_000, OPEN_UNTIL.plusSeconds(1)), terms(110_000)), NegotiationRules.DEFAULT, NOW);
        assertThat(tooLate).isInstanceOfSatisfying(Outcome.Refused.class, refused -> {
            assertThat(refused.reason()).isEqualTo(ReasonCode.EXPIRY_TOO_FAR);
            assertThat(refused.first().field()).isEqualTo("/offers/1/expiresAt");
        });

        var expired = changed(opened().expire(OPEN_UNTIL.plusSeconds(1)));

        assertThat(expired.history().getLast()).isInstanceOfSatisfying(PackageFailed.class, failed -> {
            assertThat(failed.legIndex()).isZero();
            assertThat(failed.at()).isEqualTo(NOW.plus(Duration.ofHours(3)));
        });
    }

    @Test
    void onlyTheCarriersSideWithdrawsThePackage() {
        var deal = opened();

        assertThat(deal.withdraw(shipper(0), "no", NOW)).isInstanceOfSatisfying(Outcome.Refused.class,
                refused -> assertThat(refused.reason()).isEqualTo(ReasonCode.NOT_YOUR_SIDE));
        assertThat(deal.withdraw(STRANGER, "no", NOW)).isInstanceOfSatisfying(Outcome.Refused.class,
                refused -> assertThat(refused.reason()).isEqualTo(ReasonCode.NOT_A_PARTY));
        var withdrawn = changed(deal.withdraw(CARRIER_BROKER, "truck broke down", NOW.plusSeconds(5)));
        assertThat(withdrawn.status()).isEqualTo(PackageDealStatus.FAILED);
        assertThat(withdrawn.history().getLast()).isInstanceOfSatisfying(PackageFailed.class,
                failed -> assertThat(failed.cause()).isEqualTo(FailureCause.WITHDRAWN));
    }

    @Test
    void openingChecksWhoActsThenThePackageThenEveryOfferWithPointersPerLoad() {
        var rules = NegotiationRules.DEFAULT;
        assertThat(PackageDeal.open(DEAL_ID, triangle(), shipper(0), offers(), rules, NOW))
                .isInstanceOfSatisfying(Outcome.Refused.class,
                        refused -> assertThat(refused.reason()).isEqualTo(ReasonCode.NOT_YOUR_SIDE));
        assertThat(PackageDeal.open(DEAL_ID, triangle(), CARRIER_PARTY, offers(), rules, OPEN_UNTIL))
                .isInstanceOfSatisfying(Outcome.Refused.class,
                        refused -> assertThat(refused.reason()).isEqualTo(ReasonCode.PACKAGE_NOT_OPEN));
        assertThat(PackageDeal.open(DEAL_ID, triangle(), CARRIER_PARTY, offers().subList(0, 2), rules, NOW))
                .isInstanceOfSatisfying(Outcome.Refused.class, refused -> {
                    assertThat(refused.reason()).isEqualTo(ReasonCode.ONE_OFFER_PER_LOAD);
                    assertThat(refused.first().field()).isEqualTo("/offers");
                });

        var badSecond = PackageDeal.open(DEAL_ID, triangle(), CARRIER_PARTY,
                List.of(terms(90_000), terms(-5), terms(110_000, NOW.minusSeconds(1))), rules, NOW);

        assertThat(badSecond).isInstanceOf(Outcome.Refused.class);
        assertThat(((Outcome.Refused<PackageDeal, PackageDealEvent>) badSecond).refusals())
                .extracting(refusal -> refusal.reason() + " " + refusal.field())
                .containsExactly("AMOUNT_NOT_POSITIVE /offers/1/amount/amountMinorUnits",
                        "ACCESSORIAL_OUT_OF_RANGE /offers/1/accessorials/tonuFee/amountMinorUnits",
                        "EXPIRY_IN_THE_PAST /offers/2/expiresAt");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2})
    void anotherBookingTakingALoadFailsThePackageAndEachShipperLearnsOnlyWhetherItWasItsOwnLoad(int taken) {
        var deal = changed(opened().supersede(LOADS.get(taken), NOW.plusSeconds(5)));

        assertThat(deal.status()).isEqualTo(PackageDealStatus.FAILED);
        for (int leg = 0; leg < 3; leg++) {
            var view = deal.viewForShipper(leg, NOW.plusSeconds(6));
            assertThat(view.loadsInPackage()).isEqualTo(3);
            assertThat(view.loadLaneId()).isEqualTo(LOADS.get(leg));
            assertThat(view.failureCause()).isEqualTo(FailureCause.SUPERSEDED);
            assertThat(view.failedOnThisLoad()).isEqualTo(leg == taken);
        }
        assertThat(deal.supersede(null, NOW.plusSeconds(7))).isInstanceOf(Outcome.Unchanged.class);
    }

    @Test
    void everyOrderOfAcceptancesBooksExactlyAtTheLastOne() {
        int[][] orders = {{0, 1, 2}, {0, 2, 1}, {1, 0, 2}, {1, 2, 0}, {2, 0, 1}, {2, 1, 0}};
        for (int[] order : orders) {
            var deal = opened();
            for (int step = 0; step < order.length; step++) {
                deal = changed(deal.accept(order[step], Side.SHIPPER, shipper(order[step]), NOW.plusSeconds(step + 1)));
                assertThat(deal.status()).isEqualTo(step == order.length - 1
                        ? PackageDealStatus.BOOKED : PackageDealStatus.OPEN);
            }
            assertThat(deal.history()).extracting(PackageDealEvent::sequence)
                    .containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L);
        }
    }
}
