package com.backhaulexchange.function.settlement;

import static org.assertj.core.api.Assertions.assertThat;

import com.backhaulexchange.adapter.dynamodb.DynamoDbDealStore;
import com.backhaulexchange.adapter.dynamodb.DynamoDbPackageRepository;
import com.backhaulexchange.deal.booking.Booking;
import com.backhaulexchange.deal.negotiation.ActingPartner;
import com.backhaulexchange.deal.negotiation.NegotiationExamples;
import com.backhaulexchange.deal.negotiation.NegotiationRules;
import com.backhaulexchange.deal.packagedeal.OfferedLoad;
import com.backhaulexchange.deal.packagedeal.OfferedPackage;
import com.backhaulexchange.deal.packagedeal.PackageDeal;
import com.backhaulexchange.deal.packagedeal.PackageDealId;
import com.backhaulexchange.kernel.money.Money;
import com.backhaulexchange.lane.PostedLane;
import com.backhaulexchange.matching.MatchingConfig;
import com.backhaulexchange.matching.chain.ChainSearch;
import com.backhaulexchange.matching.chain.PackageMatch;
import com.backhaulexchange.partner.PartnerId;
import com.backhaulexchange.partner.PartnerRole;
import com.backhaulexchange.settlement.RealisedBooking;
import com.backhaulexchange.testing.Postings;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Settlement counts the bookings of a booked reload package (ADR 39): Ames's truck at home in Indianapolis carries
 * the triangle, Brook's first and third loads and Cedar's second, booked as one package deal and delivered in
 * period 0. Each booking realises its load's share of the package (not a single match's figures, which no stored
 * match has), and each leg is a pairing of the period's coalition market.
 */
class PackageBookingSettlementTest {
    private static final Money CARRIER_COST = Money.of(226, "USD");

    private final PeriodFixture fixture = new PeriodFixture();
    private final CollaborationFixture.Caller ames = CollaborationFixture.partner();
    private final CollaborationFixture.Caller brook = CollaborationFixture.partner();
    private final CollaborationFixture.Caller cedar = CollaborationFixture.partner();
    private String id;
    private PackageMatch triangle;
    private List<Booking> legs;

    @BeforeEach
    void aTriangleBookedAsOnePackageAndDelivered() {
        var created = fixture.api.create(ames, "MEMBER", "2026-11-16", brook, cedar);
        assertThat(created.status()).isEqualTo(201);
        id = created.json().path("collaborationId").asText();
        assertThat(fixture.api.act("accept-collaboration-invitation.json", brook, id).status()).isEqualTo(200);
        assertThat(fixture.api.act("accept-collaboration-invitation.json", cedar, id).status()).isEqualTo(200);

        Instant now = fixture.api.clock.instant();
        var truck = fixture.postings.post(Postings.roundTrip(ames.id(), Postings.INDIANAPOLIS));
        List<PartnerId> shippers = List.of(brook.id(), cedar.id(), brook.id());
        List<PostedLane.Load> loads = Postings.triangleFromIndianapolis(shippers.get(0), shippers.get(1),
                shippers.get(2)).stream().map(fixture.postings::post).toList();
        var chain = new ChainSearch(MatchingConfig.DEFAULT).search(truck.lane(), CARRIER_COST,
                loads.stream().map(PostedLane.Load::lane).toList(), 1).best().getFirst();
        triangle = PackageMatch.proposed(truck, loads, chain, now);
        assertThat(new DynamoDbPackageRepository(fixture.api.dynamoDb, fixture.lanesTable).save(triangle, now))
                .isTrue();

        var miles = triangle.explanation().miles();
        List<OfferedLoad> offered = new ArrayList<>();
        for (int i = 0; i < loads.size(); i++) {
            offered.add(new OfferedLoad(i, loads.get(i).lane().id(), shippers.get(i),
                    miles.loads().get(i).loadedMiles(), 10));
        }
        var dealId = new PackageDealId(fixture.ids.next());
        PackageDeal deal = NegotiationExamples.changed(PackageDeal.open(dealId, new OfferedPackage(triangle.id(),
                truck.lane().id(), ames.id(), Currency.getInstance("USD"), now.plus(Duration.ofHours(20)), offered),
                ActingPartner.party(ames.id(), PartnerRole.CARRIER),
                List.of(NegotiationExamples.terms(95_000, now.plus(Duration.ofHours(3))),
                        NegotiationExamples.terms(105_000, now.plus(Duration.ofHours(3))),
                        NegotiationExamples.terms(105_000, now.plus(Duration.ofHours(3)))),
                NegotiationRules.DEFAULT, now));
        new DynamoDbDealStore(fixture.api.dynamoDb, fixture.negotiationsTable, fixture.lanesTable)
                .open(deal, List.of(), null);

        legs = new ArrayList<>();
        long[] agreed = {95_000, 105_000, 105_000};
        for (int i = 0; i < loads.size(); i++) {
            legs.add(fixture.deliveredPackageLeg(dealId, truck.lane().id(), loads.get(i).lane().id(), ames.id(),
                    shippers.get(i), agreed[i], Instant.parse("2026-11-18T14:00:00Z").plus(Duration.ofDays(i))));
        }
    }

    @Test
    void eachPackageBookingRealisesItsLoadsShareOfThePackageAndIsAPairingOfTheMarket() {
        var collaboration = fixture.store.find(id).orElseThrow().collaboration();
        var closer = new PeriodCloser(fixture.store, new SettlementSources(fixture.api.dynamoDb,
                fixture.negotiationsTable, fixture.lanesTable), 25_000, MatchingConfig.DEFAULT, fixture.api.clock);
        List<PartnerId> members = collaboration.activeMembers(0);

        var inputs = closer.inputs(collaboration, collaboration.schedule().period(0), members,
                collaboration.agreementFor(0));

        assertThat(inputs.considered()).containsExactlyInAnyOrderElementsOf(
                legs.stream().map(booking -> booking.id().value()).toList());
        var economics = triangle.explanation().economics();
        long shareSurpluses = 0;
        for (int i = 0; i < legs.size(); i++) {
            var share = economics.perLoad().get(i);
            String bookingId = legs.get(i).id().value();
            RealisedBooking realised = inputs.settlement().bookings().stream()
                    .filter(booking -> booking.bookingId().value().equals(bookingId)).findFirst().orElseThrow();
            assertThat(realised).isEqualTo(RealisedBooking.of(legs.get(i), share.shipperPrice(),
                    share.carrierCostShare()));
            shareSurpluses += Math.max(0, share.shipperPrice().amountMinorUnits()
                    - share.carrierCostShare().amountMinorUnits());
        }
        var market = inputs.settlement().market();
        assertThat(market.capacityLanes()).as("one slot of Ames's truck per leg").isEqualTo(3);
        assertThat(market.loadLanes()).isEqualTo(3);
        BitSet all = new BitSet();
        all.set(0, members.size());
        assertThat(market.valueMinorUnits(all)).isEqualTo(shareSurpluses).isPositive();
        BitSet shippersAlone = new BitSet();
        shippersAlone.set(members.indexOf(brook.id()));
        shippersAlone.set(members.indexOf(cedar.id()));
        assertThat(market.valueMinorUnits(shippersAlone)).as("no truck without Ames").isZero();
    }

    @Test
    void thePeriodSettlesWithThePackageBookingsInItsLedger() {
        fixture.api.clock.set(PeriodCloseTest.AFTER_CLOSE_0);

        assertThat(fixture.settle(fixture.settler(), id, 0)).isEmpty();

        assertThat(fixture.store.settledAmong(id, legs.stream().map(booking -> booking.id().value())
                .collect(java.util.stream.Collectors.toSet()))).hasSize(3);
    }
}
