package com.backhaulexchange.partner;

import com.backhaulexchange.partner.apikey.ApiKey;
import com.backhaulexchange.partner.apikey.ApiKeyId;
import com.backhaulexchange.partner.apikey.ApiKeyStatus;
import com.backhaulexchange.kernel.id.SecretHashing;
import com.backhaulexchange.kernel.equipment.EquipmentType;
import com.backhaulexchange.kernel.geo.Coordinates;
import com.backhaulexchange.kernel.geo.Place;
import com.backhaulexchange.kernel.id.RandomTokens;
import com.backhaulexchange.kernel.id.Ulid;
import com.backhaulexchange.kernel.money.Money;
import com.backhaulexchange.partner.Contact;
import com.backhaulexchange.partner.Partner;
import com.backhaulexchange.partner.PartnerId;
import com.backhaulexchange.partner.PartnerRepository;
import com.backhaulexchange.partner.PartnerProfile;
import com.backhaulexchange.partner.PartnerRole;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.Set;

/** Example partners, profiles and keys for tests: valid unless a test changes them on purpose. */
public final class PartnerExamples {
    /** The fixed "now" of the examples. */
    public static final Instant NOW = Instant.parse("2026-11-21T10:15:30.123Z");

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final RandomTokens TOKENS = new RandomTokens(RANDOM);
    private static final Ulid IDS = new Ulid(Clock.fixed(NOW, ZoneOffset.UTC), RANDOM);

    private PartnerExamples() {
    }

    /** A carrier that declares every optional field. */
    public static PartnerProfile carrierProfile() {
        return new PartnerProfile(
                "Lakeshore Freight LLC",
                EnumSet.of(PartnerRole.CARRIER, PartnerRole.BROKER),
                new Contact("Dana Kowalski", "dispatch@lakeshore.example", "+13125550123"),
                new Place(new Coordinates(41.8781, -87.6298), "Chicago, IL"),
                Money.of(215, "USD"),
                EnumSet.of(EquipmentType.DRY_VAN, EquipmentType.REEFER),
                "1234567",
                "MC-765432");
    }

    /** A shipper with only the required fields: no phone, no label, no cost, no fleet, no DOT/MC. */
    public static PartnerProfile minimalShipperProfile() {
        return new PartnerProfile(
                "Prairie Grain Co",
                Set.of(PartnerRole.SHIPPER),
                new Contact("Sam Ortiz", "logistics@prairie.example", null),
                new Place(new Coordinates(40.0, -95.5), null),
                null,
                Set.of(),
                null,
                null);
    }

    public static PartnerId newPartnerId() {
        return new PartnerId(IDS.next());
    }

    public static ApiKeyId newKeyId() {
        return new ApiKeyId(TOKENS.base62(ApiKeyId.LENGTH));
    }

    public static String newSecret() {
        return TOKENS.base62(43);
    }

    public static Partner registeredCarrier() {
        return Partner.registered(newPartnerId(), carrierProfile(), NOW);
    }

    public static Partner registeredShipper() {
        return Partner.registered(newPartnerId(), minimalShipperProfile(), NOW);
    }

    /** An ACTIVE key of {@code partnerId} whose secret is {@code secret}. */
    public static ApiKey activeKey(PartnerId partnerId, String secret) {
        return new ApiKey(newKeyId(), partnerId, SecretHashing.sha256Hex(secret), ApiKeyStatus.ACTIVE, NOW, null,
                null, null);
    }

    public static ApiKey activeKey(PartnerId partnerId) {
        return activeKey(partnerId, newSecret());
    }

    /** Stores {@code partner} with one active key, as registration does, and returns it. */
    public static Partner registerIn(PartnerRepository partners, Partner partner) {
        partners.register(partner, activeKey(partner.id()), null);
        return partner;
    }
}
