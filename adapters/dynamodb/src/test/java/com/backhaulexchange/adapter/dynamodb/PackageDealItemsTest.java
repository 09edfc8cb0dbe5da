package com.backhaulexchange.adapter.dynamodb;

import static com.backhaulexchange.deal.negotiation.NegotiationExamples.CARRIER;
import static com.backhaulexchange.deal.negotiation.NegotiationExamples.CARRIER_PARTY;
import static com.backhaulexchange.deal.negotiation.NegotiationExamples.NOW;
import static com.backhaulexchange.deal.negotiation.NegotiationExamples.changed;
import static com.backhaulexchange.deal.negotiation.NegotiationExamples.terms;
import static org.assertj.core.api.Assertions.assertThat;

import com.backhaulexchange.deal.negotiation.ActingPartner;
import com.backhaulexchange.deal.negotiation.NegotiationRules;
import com.backhaulexchange.deal.negotiation.Side;
import com.backhaulexchange.deal.packagedeal.OfferedLoad;
import com.backhaulexchange.deal.packagedeal.OfferedPackage;
import com.backhaulexchange.deal.packagedeal.PackageDeal;
import com.backhaulexchange.deal.packagedeal.PackageDealId;
import com.backhaulexchange.lane.CapacityLaneId;
import com.backhaulexchange.lane.LoadLaneId;
import com.backhaulexchange.matching.chain.ReloadPackageId;
import com.backhaulexchange.partner.PartnerId;
import com.backhaulexchange.partner.PartnerRole;
import java.time.Duration;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** A package deal's stored document (ADR 32) reads back as written, in every state and with every kind of event. */
class PackageDealItemsTest {
    private static final CapacityLaneId TRUCK = new CapacityLaneId("01JDTRCK000000000000000001");
    private static final PartnerId FIRST = new PartnerId("01JDSHPA000000000000000001");
    private static final PartnerId SECOND = new PartnerId("01JDSHPB000000000000000001");
    private static final List<LoadLaneId> LOADS = List.of(new LoadLaneId("01JDQDA0000000000000000001"),
            new LoadLaneId("01JDQDB0000000000000000001"));

    private static PackageDeal opened() {
        var offered = new OfferedPackage(ReloadPackageId.of(TRUCK, LOADS), TRUCK, CARRIER, Currency.getInstance("USD"),
                NOW.plus(Duration.ofHours(20)), List.of(new OfferedLoad(0, LOADS.get(0), FIRST, 300.5, 10.25),
                        new OfferedLoad(1, LOADS.get(1), SECOND, 250, 30)));
        return changed(PackageDeal.open(new PackageDealId("01JDPKGD000000000000000001"), offered, CARRIER_PARTY,
                List.of(terms(90_000), terms(80_000)), NegotiationRules.DEFAULT, NOW));
    }

    static List<PackageDeal> deals() {
        var first = ActingPartner.party(FIRST, PartnerRole.SHIPPER);
        var second = ActingPartner.party(SECOND, PartnerRole.SHIPPER);
        var countered = changed(opened().counter(1, Side.SHIPPER, second, terms(85_000), NOW.plusSeconds(30)));
        var oneAccepted = changed(countered.accept(0, Side.SHIPPER, first, NOW.plusSeconds(60)));
        return List.of(opened(), countered, oneAccepted,
                changed(oneAccepted.accept(1, Side.CARRIER, CARRIER_PARTY, NOW.plusSeconds(90))),
                changed(opened().decline(1, second, "Dock closed that day", NOW.plusSeconds(10))),
                changed(opened().withdraw(CARRIER_PARTY, null, NOW.plusSeconds(10))),
                changed(opened().supersede(LOADS.get(1), NOW.plusSeconds(10))),
                changed(opened().supersede(null, NOW.plusSeconds(10))),
                changed(opened().expire(NOW.plus(Duration.ofHours(5)))));
    }

    @ParameterizedTest
    @MethodSource("deals")
    void readsBackAsWritten(PackageDeal deal) {
        var item = DealItems.packageDealDocument(deal);

        assertThat(item).containsKey("documentSchemaVersion");
        assertThat(DealItems.packageDealFrom(item)).isEqualTo(deal);
    }
}
