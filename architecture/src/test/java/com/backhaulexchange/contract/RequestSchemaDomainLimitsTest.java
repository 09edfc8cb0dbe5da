package com.backhaulexchange.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.backhaulexchange.deal.negotiation.OfferPolicies;
import com.backhaulexchange.lane.CapacityLane;
import com.backhaulexchange.lane.LanePostingPolicies;
import com.backhaulexchange.partner.PartnerProfilePolicies;
import com.backhaulexchange.partner.apikey.ApiKeyPolicies;
import com.backhaulexchange.settlement.collaboration.Agreement;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The request schemas state the domain policies' own limits: a schema looser than its policy answers a value
 * the domain then refuses differently, a stricter one refuses what the domain allows.
 */
class RequestSchemaDomainLimitsTest {
    private static final String SCHEMAS = "/components/schemas/";

    @Test
    void theSchemaBoundsAreTheDomainLimits() throws IOException {
        JsonNode document = new ObjectMapper(new YAMLFactory()).readTree(ProjectFiles.openApi().toFile());
        Map<String, Long> expected = new TreeMap<>(Map.ofEntries(
                Map.entry("CapacityLanePosting/properties/weightCapacityLbs/maximum",
                        (long) LanePostingPolicies.MAX_PAYLOAD_LBS),
                Map.entry("CapacityLanePosting/properties/palletCapacity/maximum", (long) LanePostingPolicies.MAX_PALLETS),
                Map.entry("CapacityLanePosting/properties/maxOriginDeadheadMiles/maximum",
                        (long) LanePostingPolicies.MAX_DEADHEAD_MILES),
                Map.entry("CapacityLanePosting/properties/maxDestinationDeadheadMiles/maximum",
                        (long) LanePostingPolicies.MAX_DEADHEAD_MILES),
                Map.entry("CapacityLanePosting/properties/maxReloadDeadheadMiles/maximum",
                        (long) LanePostingPolicies.MAX_DEADHEAD_MILES),
                Map.entry("CapacityLanePosting/properties/maxReloadDeadheadMiles/default",
                        (long) CapacityLane.DEFAULT_MAX_RELOAD_DEADHEAD_MILES),
                Map.entry("LoadLanePosting/properties/weightLbs/maximum", (long) LanePostingPolicies.MAX_PAYLOAD_LBS),
                Map.entry("LoadLanePosting/properties/pallets/maximum", (long) LanePostingPolicies.MAX_PALLETS),
                Map.entry("LoadLanePosting/properties/commodity/maxLength",
                        (long) LanePostingPolicies.MAX_COMMODITY_LENGTH),
                Map.entry("AccessorialTerms/properties/detentionFreeHours/maximum",
                        (long) OfferPolicies.MAX_DETENTION_FREE_HOURS),
                Map.entry("AccessorialTerms/properties/tonuCancellationWindowHours/maximum",
                        (long) OfferPolicies.MAX_TONU_WINDOW_HOURS),
                Map.entry("RotateApiKeyRequest/properties/gracePeriodSeconds/maximum",
                        ApiKeyPolicies.MAX_ROTATION_GRACE.toSeconds()),
                Map.entry("AgreementTerms/properties/pooledShareBasisPoints/maximum",
                        (long) Agreement.FULL_POOLING_BASIS_POINTS),
                Map.entry("DetentionDispute/properties/reason/maxLength",
                        (long) com.backhaulexchange.tracking.DetentionClaimPolicy.MAX_REASON_LENGTH),
                Map.entry("FleetFuelEconomy/properties/averageMpg/minimum", (long) PartnerProfilePolicies.MIN_FLEET_MPG),
                Map.entry("FleetFuelEconomy/properties/averageMpg/maximum", (long) PartnerProfilePolicies.MAX_FLEET_MPG),
                Map.entry("FleetFuelEconomy/properties/emptyMpg/minimum", (long) PartnerProfilePolicies.MIN_FLEET_MPG),
                Map.entry("FleetFuelEconomy/properties/emptyMpg/maximum", (long) PartnerProfilePolicies.MAX_FLEET_MPG),
                Map.entry("FleetFuelEconomy/properties/fullyLadenMpg/minimum",
                        (long) PartnerProfilePolicies.MIN_FLEET_MPG),
                Map.entry("FleetFuelEconomy/properties/fullyLadenMpg/maximum",
                        (long) PartnerProfilePolicies.MAX_FLEET_MPG),
                Map.entry("FleetFuelEconomyPatch/properties/emptyMpg/maximum",
                        (long) PartnerProfilePolicies.MAX_FLEET_MPG),
                Map.entry("FleetFuelEconomyPatch/properties/fullyLadenMpg/minimum",
                        (long) PartnerProfilePolicies.MIN_FLEET_MPG)));
        Map<String, Long> stated = new TreeMap<>();
        expected.keySet().forEach(path -> stated.put(path, document.at(SCHEMAS + path).asLong(-1)));

        assertThat(stated).isEqualTo(expected);
    }
}
