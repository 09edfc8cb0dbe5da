package com.backhaulexchange.adapter.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.backhaulexchange.emissions.FleetFuelEconomy;
import com.backhaulexchange.emissions.Fuel;
import com.backhaulexchange.deal.negotiation.NegotiationExamples;
import com.backhaulexchange.deal.negotiation.NegotiationRules;
import com.backhaulexchange.kernel.money.Money;
import com.backhaulexchange.kernel.policy.Decision;
import com.backhaulexchange.lane.LaneExamples;
import com.backhaulexchange.lane.LaneKind;
import com.backhaulexchange.lane.PostedLane;
import com.backhaulexchange.matching.FeasibilityPolicies;
import com.backhaulexchange.matching.Match;
import com.backhaulexchange.matching.MatchId;
import com.backhaulexchange.matching.MatchRun;
import com.backhaulexchange.matching.MatchingRegion;
import com.backhaulexchange.matching.OptimisationPlan;
import com.backhaulexchange.partner.Partner;
import com.backhaulexchange.partner.PartnerExamples;
import com.backhaulexchange.partner.PartnerId;
import com.backhaulexchange.partner.PartnerStatus;
import com.backhaulexchange.partner.Suspension;
import com.backhaulexchange.partner.apikey.ApiKey;
import com.backhaulexchange.partner.apikey.ApiKeyId;
import com.backhaulexchange.partner.apikey.ApiKeyStatus;
import com.backhaulexchange.partner.apikey.ApiKeyToken;
import com.backhaulexchange.lane.LaneStatus;
import com.backhaulexchange.lane.TimeWindow;
import com.backhaulexchange.settlement.collaboration.Agreement;
import com.backhaulexchange.settlement.collaboration.AgreementVersion;
import com.backhaulexchange.settlement.collaboration.AllocationRuleName;
import com.backhaulexchange.settlement.collaboration.Collaboration;
import com.backhaulexchange.settlement.collaboration.CreatorRole;
import com.backhaulexchange.settlement.collaboration.Member;
import com.backhaulexchange.settlement.collaboration.MemberStatus;
import com.backhaulexchange.settlement.collaboration.PeriodKind;
import com.backhaulexchange.settlement.collaboration.RiskTerms;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The API views render byte for byte as the frozen responses in src/test/resources/api-views, captured from the
 * views before they were split from the stored documents (record them again with -DapiViews.record=true only
 * when a change of the API is meant). The OpenAPI contract tests of the functions check the shapes; this
 * checks the bytes: field order, number formats, what is left out.
 */
class ApiViewsTest {
    private static final boolean RECORD = Boolean.getBoolean("apiViews.record");
    private static final ObjectMapper MAPPER = Json.newMapper();
    private static final Instant NOW = LaneExamples.NOW;

    /** Each view, as the functions write it. */
    private static Map<String, Object> views() {
        Map<String, Object> views = new LinkedHashMap<>();
        Match match = NegotiationExamples.match();
        views.put("match-seen-by-the-carrier", MatchView.of(match, match.carrier(), NegotiationRules.DEFAULT, NOW));
        views.put("match-seen-by-the-shipper", MatchView.of(match, match.shipper(), NegotiationRules.DEFAULT, NOW));
        views.put("match-retracted-and-recommended", MatchView.of(match.withRecommendation(
                new Match.Recommendation(NOW.plusSeconds(60), MatchingRegion.parse("9v"))).retracted(
                NOW.plusSeconds(120)), match.carrier(), NegotiationRules.DEFAULT, NOW.plusSeconds(180)));
        views.put("match-recommended-after-it-expired", MatchView.of(match.withRecommendation(
                new Match.Recommendation(NOW.plusSeconds(60), MatchingRegion.parse("9v"))), match.shipper(),
                NegotiationRules.DEFAULT, match.matchableUntil()));
        views.put("match-with-the-carriers-fleet-fuel-economy", MatchView.of(withFleet(match,
                FleetFuelEconomy.byLoad(Fuel.DIESEL, 7.2, 5.4)), match.shipper(), NegotiationRules.DEFAULT, NOW));
        views.put("run-with-rejections", MatchRunView.of(new MatchRun(LaneExamples.capacity().id().value(),
                LaneKind.CAPACITY, NOW.plusSeconds(2), 12, 40, false, 38, 3, 3, List.of(
                        new MatchRun.NearestRejection(12.345678, 600.04999, 0.05, List.of(
                                new Decision.Rejected("EQUIPMENT_MISMATCH", "The load needs a REEFER.", null),
                                new Decision.Rejected(FeasibilityPolicies.BUDGET_BELOW_CARRIER_MINIMUM,
                                        "The budget USD 1.20 per mile is below the minimum USD 2.50.",
                                        "/load/budget/amountMinorUnits"))),
                        new MatchRun.NearestRejection(151.0, 1_234.5, 99.99, List.of(
                                new Decision.Rejected("ORIGIN_DEADHEAD_TOO_FAR", "151.0 miles empty", null),
                                new Decision.Rejected(FeasibilityPolicies.NO_SURPLUS, "cost 900 >= price 800",
                                        "/load/budget")))))));
        views.put("load-run-with-rejections", MatchRunView.of(new MatchRun(LaneExamples.load().id().value(),
                LaneKind.LOAD, NOW.plusSeconds(2), 3, 1, true, 1, 0, 0, List.of(
                        new MatchRun.NearestRejection(1.25, 2.35, 3.45, List.of(
                                new Decision.Rejected(FeasibilityPolicies.BUDGET_BELOW_CARRIER_MINIMUM, "private",
                                        "/load/budget/amountMinorUnits"),
                                new Decision.Rejected(FeasibilityPolicies.NO_SURPLUS, "private", "/load/budget")))))));
        views.put("run-without-candidates", MatchRunView.of(new MatchRun(LaneExamples.load().id().value(),
                LaneKind.LOAD, NOW.plusSeconds(3), 4, 0, true, 0, 0, 0, List.of())));
        views.put("plan", OptimisationPlanView.of(new OptimisationPlan(MatchingRegion.parse("9v"), NOW.plusSeconds(4),
                7, 9, 30, 12, List.of(MatchId.of(LaneExamples.capacity().id(), LaneExamples.load().id())),
                List.of(Money.of(123_456, "USD"), Money.of(7_800, "CAD")), List.of(Money.of(100_000, "USD")))));
        views.put("plan-with-packages", OptimisationPlanView.of(new OptimisationPlan(MatchingRegion.parse("dp"),
                NOW.plusSeconds(6), 2, 2, 2, 1, List.of(), List.of(Money.of(79_245, "USD")),
                List.of(Money.of(5_729, "USD")), 1,
                List.of(new com.backhaulexchange.matching.chain.ReloadPackageId("eb70db17e1451935139cfd895e5dbe38")),
                List.of(Money.of(5_729, "USD")), List.of(new OptimisationPlan.Selection(Money.of(79_245, "USD"),
                        Money.of(80_000, "USD"), 755 / 80_000.0,
                        com.backhaulexchange.matching.selection.SelectionMethod.LAGRANGIAN_HEURISTIC)))));
        views.put("empty-plan", OptimisationPlanView.of(new OptimisationPlan(MatchingRegion.parse("dr"),
                NOW.plusSeconds(5), 0, 0, 0, 0, List.of(), List.of(), List.of())));
        views.put("capacity-lane", LaneView.of(new PostedLane.Capacity(LaneExamples.capacityBuilder()
                .minimumRate(Money.of(250, "USD")).build(), NOW, NOW.plusSeconds(1)), NOW));
        views.put("load-lane-expired", LaneView.of(new PostedLane.Load(LaneExamples.load(), NOW, NOW),
                NOW.plus(java.time.Duration.ofDays(30))));
        Partner carrier = new Partner(new PartnerId("01JDPRTC000000000000000001"), PartnerExamples.carrierProfile(),
                PartnerStatus.SUSPENDED, new Suspension("unpaid", NOW), 2, 3, NOW, NOW.plusSeconds(60));
        views.put("suspended-carrier", PartnerView.of(carrier));
        views.put("minimal-shipper", PartnerView.of(Partner.registered(
                new PartnerId("01JDPRTS000000000000000001"), PartnerExamples.minimalShipperProfile(), NOW)));
        views.put("carrier-profile", PartnerProfileView.of(PartnerExamples.carrierProfile()));
        views.put("carrier-with-an-average-fleet-fuel-economy", PartnerView.of(Partner.registered(
                new PartnerId("01JDPRTC000000000000000002"), PartnerExamples.carrierProfile()
                        .withFleetFuelEconomy(FleetFuelEconomy.average(Fuel.DIESEL, 6.9)), NOW)));
        views.put("capacity-lane-with-the-carriers-fleet-fuel-economy", LaneView.of(new PostedLane.Capacity(
                LaneExamples.capacity().withFleetFuelEconomy(FleetFuelEconomy.byLoad(Fuel.DIESEL, 8.4, 5.9)), NOW,
                NOW.plusSeconds(1)), NOW));
        views.put("minimal-shipper-profile", PartnerJson.profileToJson(PartnerExamples.minimalShipperProfile()));
        PartnerId owner = new PartnerId("01JDPRTC000000000000000001");
        ApiKey active = new ApiKey(new ApiKeyId("keyA00000001"), owner, "00", ApiKeyStatus.ACTIVE, NOW,
                null, null, null);
        ApiKey rotated = active.rotatedTo(new ApiKeyId("keyB00000002"), NOW.plusSeconds(3_600));
        views.put("api-key", ApiKeyView.of(active, NOW));
        views.put("issued-api-key", ApiKeyView.issued(active,
                new ApiKeyToken(owner, active.keyId(), "s3cr3t"), NOW));
        views.put("rotated-api-key", ApiKeyView.of(rotated, NOW.plusSeconds(60)));
        views.put("rotated-api-key-expired", ApiKeyView.of(rotated, NOW.plusSeconds(7_200)));
        views.put("revoked-api-key", ApiKeyView.of(active.revokedAt(NOW.plusSeconds(5)), NOW.plusSeconds(6)));
        views.put("capacity-lane-withdrawn-without-minimum-rate", LaneView.of(new PostedLane.Capacity(
                LaneExamples.capacity().withStatus(LaneStatus.WITHDRAWN), NOW, NOW.plusSeconds(2)), NOW));
        views.put("load-lane-without-budget-at-an-offset", LaneView.of(new PostedLane.Load(LaneExamples.loadBuilder()
                .budget(null).windows(
                        new TimeWindow(LaneExamples.at(0, 8, 0), LaneExamples.at(0, 12, 0), ZoneOffset.ofHours(-6)),
                        new TimeWindow(LaneExamples.at(1, 6, 0), LaneExamples.at(1, 14, 0), ZoneOffset.ofHours(-6)))
                .build(), NOW, NOW.plusSeconds(1)), NOW));
        Agreement capped = new Agreement(1, AllocationRuleName.SHAPLEY, 10_000,
                new RiskTerms.AtFaultCapped(Money.of(50_000, "USD")), PeriodKind.WEEKLY, Currency.getInstance("USD"),
                LocalDate.parse("2026-01-05"));
        Agreement shared = new Agreement(2, AllocationRuleName.PROPORTIONAL, 2_500, new RiskTerms.SharedFromFirstCent(),
                PeriodKind.WEEKLY, Currency.getInstance("USD"), LocalDate.parse("2026-01-05"));
        views.put("agreement-capped", CollaborationView.AgreementView.of(capped));
        views.put("agreement-shared", CollaborationView.AgreementView.of(shared));
        Collaboration collaboration = new Collaboration("01JDCOLL000000000000000001",
                "Texas triangle", new PartnerId("01JDPRTA000000000000000001"), CreatorRole.MEMBER, List.of(
                        new Member(new PartnerId("01JDPRTA000000000000000001"), MemberStatus.ACTIVE, null, null),
                        new Member(new PartnerId("01JDPRTB000000000000000002"), MemberStatus.ACTIVE, 2L, 5L),
                        new Member(new PartnerId("01JDPRTC000000000000000003"), MemberStatus.INVITED, null, null)),
                List.of(new AgreementVersion(capped, 0), new AgreementVersion(shared, 3)));
        views.put("collaboration", CollaborationView.of(collaboration));
        // Frozen from the settlement function's CollaborationApi.viewJson, before CollaborationView.seenBy replaced it.
        views.put("collaboration-seen-by-a-member-in-period-4", CollaborationView.seenBy(collaboration,
                new PartnerId("01JDPRTB000000000000000002"), Instant.parse("2026-02-04T09:00:00Z")));
        views.put("collaboration-seen-by-an-outsider-before-the-start", CollaborationView.seenBy(collaboration,
                new PartnerId("01JDPRTD000000000000000004"), Instant.parse("2026-01-01T09:00:00Z")));
        return views;
    }

    /** The match as computed for a truck that carries its carrier's fleet fuel economy (ADR 47). */
    private static Match withFleet(Match match, FleetFuelEconomy fleet) {
        var e = match.explanation();
        var co2e = com.backhaulexchange.emissions.EmissionsCalculator.DEFAULT.avoidedAgainstRunHome(
                e.baselineEmptyMiles(), List.of(e.originDeadheadMiles(), e.destinationDeadheadMiles()),
                java.util.Optional.of(fleet));
        return new Match(match.id(), match.carrier(), match.shipper(), match.status(), match.route(),
                new com.backhaulexchange.matching.MatchExplanation(e.capacityLaneId(), e.loadLaneId(), e.miles(), co2e,
                        e.economics(), e.schedule(), e.drivePlan()),
                match.score(), match.computedAt(), match.matchableUntil(), match.retractedAt(), match.recommendation());
    }

    @Test
    void everyViewRendersAsFrozen() throws IOException {
        Map<String, Object> views = views();
        if (RECORD) {
            Path directory = Path.of("src/test/resources/api-views");
            Files.createDirectories(directory);
            for (var view : views.entrySet()) {
                Files.writeString(directory.resolve(view.getKey() + ".json"),
                        MAPPER.writeValueAsString(view.getValue()) + "\n");
            }
        }
        views.forEach((name, view) -> {
            try {
                assertThat(MAPPER.writeValueAsString(view) + "\n").as(name).isEqualTo(frozen(name));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static String frozen(String name) {
        if (RECORD) {
            try {
                return Files.readString(Path.of("src/test/resources/api-views", name + ".json"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        try (InputStream in = ApiViewsTest.class.getResourceAsStream("/api-views/" + name + ".json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
