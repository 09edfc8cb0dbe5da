package com.backhaulexchange.adapter.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import com.backhaulexchange.kernel.money.Money;
import com.backhaulexchange.partner.PartnerId;
import com.backhaulexchange.testing.DynamoDbLocalServer;
import com.backhaulexchange.partner.PartnerExamples;
import com.backhaulexchange.testing.TemplateTables;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DynamoDbTradingPartnersTest {
    private final software.amazon.awssdk.services.dynamodb.DynamoDbClient dynamoDb =
            DynamoDbLocalServer.shared().client();
    private final String table = TemplateTables.createFresh(dynamoDb, "PartnersTable");
    private final DynamoDbPartnerRepository partners = new DynamoDbPartnerRepository(dynamoDb, table);
    private final DynamoDbTradingPartners costs = new DynamoDbTradingPartners(dynamoDb, table);

    @Test
    void eachCarriersCostPerMileComesFromItsProfileAndPartnersWithoutOneAreLeftOut() {
        var carrier = PartnerExamples.registeredCarrier();
        var shipper = PartnerExamples.registeredShipper();
        partners.register(carrier, PartnerExamples.activeKey(carrier.id()), null);
        partners.register(shipper, PartnerExamples.activeKey(shipper.id()), null);

        var found = costs.costsPerMile(Set.of(carrier.id(), shipper.id(), PartnerExamples.newPartnerId()));

        assertThat(found).isEqualTo(Map.of(carrier.id(), carrier.profile().operatingCostPerMile()));
    }

    @Test
    void moreCarriersThanOneBatchHoldsAreAllRead() {
        Set<PartnerId> carriers = new HashSet<>();
        for (int i = 0; i < 130; i++) {
            var carrier = PartnerExamples.registeredCarrier();
            partners.register(carrier, PartnerExamples.activeKey(carrier.id()), null);
            carriers.add(carrier.id());
        }

        Map<PartnerId, Money> found = costs.costsPerMile(carriers);

        assertThat(found.keySet()).isEqualTo(carriers);
    }

    @Test
    void aSuspendedPartnerIsNeitherActiveNorPricedUntilReinstated() {
        var carrier = PartnerExamples.registeredCarrier();
        var shipper = PartnerExamples.registeredShipper();
        partners.register(carrier, PartnerExamples.activeKey(carrier.id()), null);
        partners.register(shipper, PartnerExamples.activeKey(shipper.id()), null);
        var now = carrier.updatedAt().plusSeconds(60);
        var suspendedCarrier = carrier.suspended("unpaid invoices", now);
        partners.save(suspendedCarrier, carrier.version());
        partners.save(shipper.suspended("fraud review", now), shipper.version());

        assertThat(costs.activeAmong(Set.of(carrier.id(), shipper.id()))).isEmpty();
        assertThat(costs.costsPerMile(Set.of(carrier.id()))).isEmpty();

        partners.save(suspendedCarrier.reinstated(now.plusSeconds(60)), suspendedCarrier.version());

        assertThat(costs.activeAmong(Set.of(carrier.id(), shipper.id()))).containsExactly(carrier.id());
        assertThat(costs.costsPerMile(Set.of(carrier.id()))).containsOnlyKeys(carrier.id());
    }
}
