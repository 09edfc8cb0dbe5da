package com.backhaulexchange.function.authorizer;

import com.backhaulexchange.kernel.equipment.EquipmentType;

import com.backhaulexchange.testing.MutableClock;
import com.backhaulexchange.partner.apikey.ApiKey;
import com.backhaulexchange.partner.apikey.ApiKeyIssuer;
import com.backhaulexchange.partner.apikey.ApiKeyStatus;
import com.backhaulexchange.partner.apikey.IssuedApiKey;
import com.backhaulexchange.kernel.geo.Coordinates;
import com.backhaulexchange.kernel.geo.Place;
import com.backhaulexchange.kernel.id.RandomTokens;
import com.backhaulexchange.kernel.id.Ulid;
import com.backhaulexchange.kernel.money.Money;
import com.backhaulexchange.partner.Contact;
import com.backhaulexchange.partner.Partner;
import com.backhaulexchange.partner.PartnerId;
import com.backhaulexchange.partner.PartnerProfile;
import com.backhaulexchange.partner.PartnerRole;
import com.backhaulexchange.adapter.dynamodb.DynamoDbPartnerRepository;
import com.backhaulexchange.testing.DynamoDbLocalServer;
import com.backhaulexchange.testing.TemplateTables;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Partners and keys written through the shared DynamoDbPartnerRepository into a fresh PartnersTable:
 * the same items the onboarding function writes, so the authorizer reads real credentials.
 */
final class CredentialFixture {
    static final Instant START = Instant.parse("2026-11-20T14:00:00Z");

    final DynamoDbClient dynamoDb = DynamoDbLocalServer.shared().client();
    final String tableName = TemplateTables.createFresh(dynamoDb, "PartnersTable");
    final MutableClock clock = new MutableClock(START);
    final DynamoDbPartnerRepository repository = new DynamoDbPartnerRepository(dynamoDb, tableName);
    private final SecureRandom random = new SecureRandom();
    private final ApiKeyIssuer issuer = new ApiKeyIssuer(new RandomTokens(random), clock);
    private final Ulid ids = new Ulid(clock, random);

    record Credential(PartnerId partnerId, IssuedApiKey issued) {
        String token() {
            return issued.token().asString();
        }

        String secret() {
            return issued.token().secret();
        }

        String keyId() {
            return issued.key().keyId().value();
        }

        ApiKey key() {
            return issued.key();
        }
    }

    Credential registerPartner(PartnerRole... roles) {
        Set<PartnerRole> roleSet = EnumSet.of(roles[0], roles);
        boolean carrier = roleSet.contains(PartnerRole.CARRIER);
        var profile = new PartnerProfile("Prairie Line Freight LLC", roleSet,
                new Contact("Dana Whitfield", "dispatch@prairieline.example", null),
                new Place(new Coordinates(41.8781, -87.6298), "Chicago, IL"),
                carrier ? Money.of(212, "USD") : null,
                carrier ? EnumSet.of(com.backhaulexchange.kernel.equipment.EquipmentType.DRY_VAN) : Set.of(), null, null);
        var partnerId = new PartnerId(ids.next());
        var issued = issuer.issueFor(partnerId);
        repository.register(Partner.registered(partnerId, profile, clock.instant()), issued.key(), null);
        return new Credential(partnerId, issued);
    }

    Credential addKey(PartnerId partnerId) {
        var issued = issuer.issueFor(partnerId);
        repository.addKey(issued.key(), partner(partnerId).activeApiKeyCount());
        return new Credential(partnerId, issued);
    }

    /** Rotates {@code old}: it turns EXPIRING until now + grace; returns the successor. */
    Credential rotate(Credential old, Duration grace) {
        var successor = issuer.issueFor(old.partnerId());
        repository.rotateKey(old.key().rotatedTo(successor.key().keyId(), clock.instant().plus(grace)), successor.key());
        return new Credential(old.partnerId(), successor);
    }

    void revoke(Credential credential) {
        repository.revokeKey(credential.key().revokedAt(clock.instant()), ApiKeyStatus.ACTIVE,
                partner(credential.partnerId()).activeApiKeyCount());
    }

    void suspend(PartnerId partnerId) {
        var partner = partner(partnerId);
        repository.save(partner.suspended("Insurance certificate expired", clock.instant()), partner.version());
    }

    void reinstate(PartnerId partnerId) {
        var partner = partner(partnerId);
        repository.save(partner.reinstated(clock.instant()), partner.version());
    }

    Partner partner(PartnerId partnerId) {
        return repository.findById(partnerId).orElseThrow();
    }
}
