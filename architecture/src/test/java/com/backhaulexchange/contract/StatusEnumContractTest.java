package com.backhaulexchange.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.backhaulexchange.deal.booking.BookingStatus;
import com.backhaulexchange.deal.negotiation.DelegationScope;
import com.backhaulexchange.deal.negotiation.NegotiationStatus;
import com.backhaulexchange.deal.negotiation.Side;
import com.backhaulexchange.kernel.equipment.EquipmentType;
import com.backhaulexchange.lane.LaneKind;
import com.backhaulexchange.lane.LaneStatus;
import com.backhaulexchange.matching.MatchStatus;
import com.backhaulexchange.matching.chain.ChainExplanation;
import com.backhaulexchange.matching.chain.PackageStatus;
import com.backhaulexchange.notification.NotificationType;
import com.backhaulexchange.notification.WebhookDeliveryAttempt;
import com.backhaulexchange.partner.PartnerRole;
import com.backhaulexchange.partner.PartnerStatus;
import com.backhaulexchange.partner.apikey.ApiKeyStatus;
import com.backhaulexchange.settlement.collaboration.AllocationRuleName;
import com.backhaulexchange.settlement.collaboration.CreatorRole;
import com.backhaulexchange.settlement.collaboration.MemberStatus;
import com.backhaulexchange.settlement.collaboration.PeriodKind;
import com.backhaulexchange.settlement.collaboration.SettledPeriod;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every domain enum the API shows has exactly its values in the OpenAPI enum that describes it: a value the
 * domain gains (MatchStatus.BOOKED once was one) must reach the document, and the document lists nothing the
 * API never sends. Statuses computed at reading time (a lapsed match or key reads EXPIRED) are named here.
 */
class StatusEnumContractTest {
    private static final JsonNode OPEN_API = read();

    static Stream<Arguments> shownEnums() {
        return Stream.of(
                // Match.effectiveStatus: a PROPOSED match past matchableUntil reads EXPIRED.
                shown("/components/schemas/Match/properties/status/enum", values(MatchStatus.class, "EXPIRED")),
                // PackageMatch.effectiveStatus: a PROPOSED package past matchableUntil reads EXPIRED.
                shown("/components/schemas/ReloadPackage/properties/status/enum",
                        values(PackageStatus.class, "EXPIRED")),
                shown("/components/schemas/PackageStop/properties/kind/enum", values(ChainExplanation.StopKind.class)),
                shown("/components/schemas/LaneStatus/enum", values(LaneStatus.class)),
                shown("/components/schemas/NegotiationStatus/enum", values(NegotiationStatus.class)),
                shown("/components/schemas/BookingStatus/enum", values(BookingStatus.class)),
                shown("/components/schemas/PartnerStatus/enum", values(PartnerStatus.class)),
                // ApiKey.effectiveStatusAt: an EXPIRING key past its end reads EXPIRED.
                shown("/components/schemas/ApiKey/properties/status/enum", values(ApiKeyStatus.class, "EXPIRED")),
                shown("/components/schemas/CollaborationMember/properties/status/enum", values(MemberStatus.class)),
                shown("/components/schemas/Collaboration/properties/you/properties/memberStatus/enum",
                        values(MemberStatus.class)),
                // PeriodApi answers QUEUED while the settler works; then the period's outcome.
                shown("/components/schemas/PeriodClose/properties/status/enum", periodOutcomes("QUEUED")),
                shown("/components/schemas/PartnerRole/enum", values(PartnerRole.class)),
                shown("/components/schemas/LaneKind/enum", values(LaneKind.class)),
                shown("/components/schemas/EquipmentType/enum", values(EquipmentType.class)),
                shown("/components/schemas/Side/enum", values(Side.class)),
                shown("/components/schemas/Delegation/properties/scope/enum", values(DelegationScope.class)),
                shown("/components/schemas/CollaborationRuleName/enum", values(AllocationRuleName.class)),
                shown("/components/schemas/Agreement/properties/periodKind/enum", values(PeriodKind.class)),
                shown("/components/schemas/Collaboration/properties/organiserRole/enum", values(CreatorRole.class)),
                shown("/components/schemas/NotificationType/enum", subscribableNotificationTypes()),
                // A delivery attempt lists every type the notifier delivers, the test ping included (ADR 40).
                shown("/components/schemas/WebhookDelivery/properties/type/enum", values(NotificationType.class)),
                shown("/components/schemas/WebhookDelivery/properties/outcome/enum", deliveryOutcomes()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shownEnums")
    void theOpenApiEnumListsExactlyTheValuesTheApiShows(String pointer, Set<String> shown) {
        JsonNode listed = OPEN_API.at(pointer);
        assertThat(listed.isArray()).as("%s is an enum of openapi.yaml", pointer).isTrue();
        Set<String> documented = new TreeSet<>();
        listed.forEach(value -> documented.add(value.asText()));
        assertThat(documented).as("%s vs the domain's values", pointer).isEqualTo(shown);
    }

    private static Arguments shown(String pointer, Set<String> values) {
        return Arguments.of(pointer, values);
    }

    private static Set<String> values(Class<? extends Enum<?>> type, String... computedAtReading) {
        Set<String> values = new TreeSet<>(Arrays.asList(computedAtReading));
        Arrays.stream(type.getEnumConstants()).map(Enum::name).forEach(values::add);
        return values;
    }

    /** SettledPeriod.Outcome's kinds are records named after the status they answer (Empty → EMPTY). */
    private static Set<String> periodOutcomes(String... besides) {
        Set<String> values = new TreeSet<>(Arrays.asList(besides));
        Arrays.stream(SettledPeriod.Outcome.class.getPermittedSubclasses())
                .map(kind -> kind.getSimpleName().toUpperCase(Locale.ROOT)).forEach(values::add);
        return values;
    }

    /** WebhookDeliveryAttempt.DeliveryOutcome's kinds are records named after the outcome (GaveUp → GAVE_UP). */
    private static Set<String> deliveryOutcomes() {
        Set<String> values = new TreeSet<>();
        Arrays.stream(WebhookDeliveryAttempt.DeliveryOutcome.class.getPermittedSubclasses())
                .map(kind -> kind.getSimpleName().replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT))
                .forEach(values::add);
        return values;
    }

    private static Set<String> subscribableNotificationTypes() {
        Set<String> values = new TreeSet<>();
        Arrays.stream(NotificationType.values()).filter(NotificationType::isSubscribable).map(Enum::name)
                .forEach(values::add);
        return values;
    }

    private static JsonNode read() {
        try {
            return new ObjectMapper(new YAMLFactory()).readTree(ProjectFiles.openApi().toFile());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
