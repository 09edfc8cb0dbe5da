package com.backhaulexchange.adapter.dynamodb;

import static com.backhaulexchange.partner.PartnerExamples.NOW;
import static com.backhaulexchange.partner.PartnerExamples.activeKey;
import static com.backhaulexchange.partner.PartnerExamples.minimalShipperProfile;
import static com.backhaulexchange.partner.PartnerExamples.newKeyId;
import static com.backhaulexchange.partner.PartnerExamples.newPartnerId;
import static com.backhaulexchange.partner.PartnerExamples.registeredCarrier;
import static com.backhaulexchange.partner.PartnerExamples.registeredShipper;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.backhaulexchange.partner.access.CredentialStore;
import com.backhaulexchange.partner.access.CredentialStore.StoredCredential;
import com.backhaulexchange.partner.apikey.ApiKey;
import com.backhaulexchange.partner.apikey.ApiKeyStatus;
import com.backhaulexchange.kernel.idempotency.IdempotencyConflictException;
import com.backhaulexchange.kernel.idempotency.IdempotencyKey;
import com.backhaulexchange.kernel.idempotency.IdempotencyRecord;
import com.backhaulexchange.adapter.dynamodb.document.UnsupportedSchemaVersionException;
import com.backhaulexchange.adapter.http.IdempotencyVault;
import com.backhaulexchange.kernel.idempotency.StoredResponse;
import com.backhaulexchange.adapter.json.Json;
import com.backhaulexchange.kernel.pagination.Page;
import com.backhaulexchange.emissions.FleetFuelEconomy;
import com.backhaulexchange.emissions.Fuel;
import com.backhaulexchange.partner.Partner;
import com.backhaulexchange.partner.PartnerId;
import com.backhaulexchange.partner.PartnerStatus;
import com.backhaulexchange.kernel.persistence.InvalidCursorException;
import com.backhaulexchange.kernel.persistence.StaleWriteException;
import com.backhaulexchange.testing.TemplateTables;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * What {@link DynamoDbPartnerRepository} promises, whatever DynamoDB it talks to. Each concrete
 * subclass supplies a client and a way to create PartnersTable exactly as template.yaml declares it:
 * DynamoDB Local (always), LocalStack (where Docker runs), real AWS (on request).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class PartnerRepositoryContract {
    private static final int CONCURRENT_WRITERS = 8;
    private static final Duration KEY_RETENTION_AFTER_DEATH = Duration.ofDays(90);
    private static final String TTL_ATTRIBUTE = timeToLiveAttributeOfTheTemplate();

    /** A client of the DynamoDB under test; called once per test class. */
    protected abstract DynamoDbClient dynamoDb();

    /** Creates an empty, ready-to-use PartnersTable as template.yaml declares it and returns its name. */
    protected abstract String createPartnersTable(DynamoDbClient dynamoDb);

    /** Deletes a table this class created; nothing to do where the whole database is thrown away. */
    protected void deleteTable(DynamoDbClient dynamoDb, String tableName) {
    }

    private final List<String> createdTables = new ArrayList<>();
    private DynamoDbClient client;
    private String table;
    DynamoDbPartnerRepository repository;

    @BeforeAll
    void aFreshPartnersTable() {
        client = dynamoDb();
        table = newTable();
        repository = new DynamoDbPartnerRepository(client, table);
    }

    @AfterAll
    void dropTheTables() {
        if (client != null) {
            createdTables.forEach(name -> deleteTable(client, name));
            client.close();
        }
    }

    private String newTable() {
        String name = createPartnersTable(client);
        createdTables.add(name);
        return name;
    }

    private static String timeToLiveAttributeOfTheTemplate() {
        try {
            return new ObjectMapper(new YAMLFactory()).readTree(TemplateTables.templatePath().toFile())
                    .path("Resources").path("PartnersTable").path("Properties")
                    .path("TimeToLiveSpecification").path("AttributeName").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Map<String, AttributeValue> storedItem(String pk, String sk) {
        return client.getItem(request -> request.tableName(table).consistentRead(true)
                .key(Map.of("pk", AttributeValue.fromS(pk), "sk", AttributeValue.fromS(sk)))).item();
    }

    private Map<String, AttributeValue> storedKeyItem(ApiKey key) {
        return storedItem("PARTNER#" + key.partnerId().value(), "APIKEY#" + key.keyId().value());
    }

    private Partner registered(Partner partner) {
        repository.register(partner, activeKey(partner.id()), null);
        return partner;
    }

    private ApiKey firstKeyOf(Partner partner) {
        return repository.listKeys(partner.id()).get(0);
    }

    private int storedActiveKeyCount(PartnerId partnerId) {
        return repository.findById(partnerId).orElseThrow().activeApiKeyCount();
    }

    private static Partner withKeyCount(Partner p, int count) {
        return new Partner(p.id(), p.profile(), p.status(), p.suspension(), count, p.version(), p.createdAt(),
                p.updatedAt());
    }

    private IdempotencyRecord idempotencyRecord(String fingerprint) {
        var vault = new IdempotencyVault(Json.newMapper(), new SecureRandom(), Clock.fixed(NOW, ZoneOffset.UTC));
        var key = new IdempotencyKey(UUID.randomUUID().toString());
        return vault.seal("POST /partners", key, fingerprint,
                new StoredResponse(201, Map.of("Content-Type", "application/json"), "{\"ok\":true}"));
    }

    private static IdempotencyRecord withRecordId(IdempotencyRecord record, String recordId) {
        return new IdempotencyRecord(recordId, record.requestFingerprint(), record.sealedResponse(),
                record.createdAt(), record.expiresAt());
    }

    @Nested
    @DisplayName("registering a partner")
    class Registering {

        @Test
        void storesThePartnerAndItsFirstKeyWithEveryField() {
            var partner = registeredCarrier();
            var key = activeKey(partner.id());

            repository.register(partner, key, null);

            assertThat(repository.findById(partner.id())).contains(partner);
            assertThat(repository.findKey(partner.id(), key.keyId())).contains(key);
            assertThat(repository.listKeys(partner.id())).containsExactly(key);
        }

        @Test
        void storesACarriersFleetFuelEconomyWhichLanePostingThenReadsByKey() {
            var carrier = registeredCarrier();
            var fleet = FleetFuelEconomy.byLoad(Fuel.DIESEL, 8.4, 5.9);
            var partner = new Partner(carrier.id(), carrier.profile().withFleetFuelEconomy(fleet), carrier.status(),
                    carrier.suspension(), carrier.activeApiKeyCount(), carrier.version(), carrier.createdAt(),
                    carrier.updatedAt());
            var shipper = registered(registeredShipper());

            repository.register(partner, activeKey(partner.id()), null);

            assertThat(repository.findById(partner.id())).contains(partner);
            assertThat(storedItem("PARTNER#" + partner.id().value(), "PROFILE").get("profile").m()
                    .get("fleetFuelEconomy").m()).containsOnlyKeys("fuel", "emptyMpg", "fullMpg");
            var fleets = new DynamoDbCarrierFleets(client, table);
            assertThat(fleets.fuelEconomyOf(partner.id())).contains(fleet);
            assertThat(fleets.fuelEconomyOf(shipper.id())).isEmpty();
            assertThat(fleets.fuelEconomyOf(newPartnerId())).isEmpty();
        }

        @Test
        void storesAProfileWithoutItsOptionalFieldsAsAbsent() {
            var partner = registeredShipper();

            repository.register(partner, activeKey(partner.id()), null);

            var stored = repository.findById(partner.id()).orElseThrow();
            assertThat(stored).isEqualTo(partner);
            assertThat(stored.profile().operatingCostPerMile()).isNull();
            assertThat(stored.profile().fleetEquipment()).isEmpty();
            assertThat(stored.profile().dotNumber()).isNull();
            assertThat(stored.profile().mcNumber()).isNull();
            assertThat(stored.profile().contact().phone()).isNull();
            assertThat(stored.profile().homeBase().label()).isNull();
            assertThat(stored.suspension()).isNull();
            var profile = storedItem("PARTNER#" + partner.id().value(), "PROFILE").get("profile").m();
            assertThat(profile).doesNotContainKeys("operatingCostPerMile", "fleetEquipment", "dotNumber", "mcNumber",
                    "fleetFuelEconomy");
        }

        @Test
        void storesNothingSecret() {
            var partner = registeredCarrier();
            String secret = com.backhaulexchange.partner.PartnerExamples.newSecret();
            var key = activeKey(partner.id(), secret);

            repository.register(partner, key, null);

            assertThat(storedKeyItem(key).toString()).doesNotContain(secret);
        }

        @Test
        void storesItsIdempotencyRecordInTheSameWriteWithAnExpiry() {
            var partner = registeredCarrier();
            var record = idempotencyRecord("fingerprint-1");

            repository.register(partner, activeKey(partner.id()), record);

            var stored = repository.find(record.recordId()).orElseThrow();
            assertThat(stored.recordId()).isEqualTo(record.recordId());
            assertThat(stored.requestFingerprint()).isEqualTo("fingerprint-1");
            assertThat(stored.sealedResponse()).isEqualTo(record.sealedResponse());
            assertThat(stored.createdAt()).isEqualTo(record.createdAt());
            assertThat(stored.expiresAt()).isEqualTo(record.expiresAt().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
            var item = storedItem("IDEMPOTENCY#" + record.recordId(), "IDEMPOTENCY");
            assertThat(item.get(TTL_ATTRIBUTE).n()).isEqualTo(Long.toString(record.expiresAt().getEpochSecond()));
        }

        @Test
        void aSecondRegistrationUnderTheSameIdempotencyRecordConflictsAndWritesNothing() {
            var first = registeredCarrier();
            var firstRecord = idempotencyRecord("fingerprint-first");
            repository.register(first, activeKey(first.id()), firstRecord);

            var second = registeredShipper();
            var secondKey = activeKey(second.id());
            var secondRecord = withRecordId(idempotencyRecord("fingerprint-second"), firstRecord.recordId());

            var conflict = catchThrowableOfType(IdempotencyConflictException.class,
                    () -> repository.register(second, secondKey, secondRecord));

            assertThat(conflict).isNotNull();
            assertThat(conflict.recordId()).isEqualTo(firstRecord.recordId());
            assertThat(repository.findById(second.id())).isEmpty();
            assertThat(repository.findKey(second.id(), secondKey.keyId())).isEmpty();
            assertThat(repository.listKeys(second.id())).isEmpty();
            assertThat(repository.find(firstRecord.recordId()).orElseThrow().requestFingerprint())
                    .isEqualTo("fingerprint-first");
            assertThat(repository.findById(first.id())).contains(first);
        }

        @Test
        void theSamePartnerCannotBeRegisteredTwice() {
            var partner = registered(registeredCarrier());
            var otherKey = activeKey(partner.id());

            assertThatThrownBy(() -> repository.register(partner.withProfile(minimalShipperProfile(), NOW),
                    otherKey, null)).isInstanceOf(StaleWriteException.class);

            assertThat(repository.findById(partner.id())).contains(partner);
            assertThat(repository.findKey(partner.id(), otherKey.keyId())).isEmpty();
        }

        @Test
        void anUnknownPartnerIsNotFound() {
            assertThat(repository.findById(newPartnerId())).isEmpty();
            assertThat(repository.findKey(newPartnerId(), newKeyId())).isEmpty();
            assertThat(repository.listKeys(newPartnerId())).isEmpty();
            assertThat(repository.find("0".repeat(64))).isEmpty();
        }
    }

    @Nested
    @DisplayName("saving a partner")
    class Saving {

        @Test
        void atTheStoredVersionReplacesIt() {
            var partner = registered(registeredCarrier());

            var suspended = partner.suspended("unpaid invoices", NOW.plusSeconds(60));
            repository.save(suspended, partner.version());

            assertThat(repository.findById(partner.id())).contains(suspended);
        }

        @Test
        void aReinstatedPartnerComesBackWithoutItsSuspension() {
            var partner = registered(registeredCarrier());
            var suspended = partner.suspended("fraud check", NOW.plusSeconds(60));
            repository.save(suspended, partner.version());

            var reinstated = suspended.reinstated(NOW.plusSeconds(120));
            repository.save(reinstated, suspended.version());

            assertThat(repository.findById(partner.id())).contains(reinstated);
            assertThat(storedItem("PARTNER#" + partner.id().value(), "PROFILE"))
                    .doesNotContainKeys("suspensionReason", "suspendedAt");
        }

        @Test
        void atAnotherVersionIsAStaleWriteAndChangesNothing() {
            var partner = registered(registeredCarrier());
            var current = partner.withProfile(minimalShipperProfile(), NOW.plusSeconds(1));
            repository.save(current, partner.version());

            var basedOnTheOldVersion = partner.suspended("late", NOW.plusSeconds(2));
            assertThatThrownBy(() -> repository.save(basedOnTheOldVersion, partner.version()))
                    .isInstanceOf(StaleWriteException.class);

            assertThat(repository.findById(partner.id())).contains(current);
        }

        @Test
        void ofAPartnerThatWasNeverRegisteredIsAStaleWriteAndCreatesNothing() {
            var stranger = registeredCarrier();

            assertThatThrownBy(() -> repository.save(stranger, stranger.version()))
                    .isInstanceOf(StaleWriteException.class);

            assertThat(repository.findById(stranger.id())).isEmpty();
        }

        @Test
        void doesNotUndoAKeyAddedSinceThePartnerWasRead() {
            var partner = registered(registeredCarrier());
            var read = repository.findById(partner.id()).orElseThrow();
            repository.addKey(activeKey(partner.id()), read.activeApiKeyCount());

            var updated = read.withProfile(minimalShipperProfile(), NOW.plusSeconds(5));
            repository.save(updated, read.version());

            var stored = repository.findById(partner.id()).orElseThrow();
            assertThat(stored.profile()).isEqualTo(minimalShipperProfile());
            assertThat(stored.version()).isEqualTo(updated.version());
            assertThat(stored.activeApiKeyCount())
                    .as("active keys counted after a profile update raced a key creation")
                    .isEqualTo(2)
                    .isEqualTo(activeKeysListed(partner.id()));
        }

        @Test
        void doesNotUndoAKeyRevokedSinceThePartnerWasRead() {
            var partner = registered(registeredCarrier());
            var second = activeKey(partner.id());
            repository.addKey(second, 1);
            var read = repository.findById(partner.id()).orElseThrow();
            repository.revokeKey(second.revokedAt(NOW.plusSeconds(1)), ApiKeyStatus.ACTIVE, 2);

            repository.save(read.suspended("audit", NOW.plusSeconds(2)), read.version());

            assertThat(storedActiveKeyCount(partner.id())).isEqualTo(1).isEqualTo(activeKeysListed(partner.id()));
        }

        private long activeKeysListed(PartnerId partnerId) {
            return repository.listKeys(partnerId).stream().filter(k -> k.status() == ApiKeyStatus.ACTIVE).count();
        }
    }

    @Nested
    @DisplayName("listing partners by status")
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class Listing {
        private static final int ACTIVE = 23;
        private static final int SUSPENDED = 7;
        private static final int PAGE = 5;

        private DynamoDbPartnerRepository partners;
        private final List<PartnerId> activeIds = new ArrayList<>();
        private final List<PartnerId> suspendedIds = new ArrayList<>();

        @BeforeAll
        void partnersOfBothStatusesInTheirOwnTable() {
            partners = new DynamoDbPartnerRepository(client, newTable());
            for (int i = 0; i < ACTIVE + SUSPENDED; i++) {
                var partner = i % 2 == 0 ? registeredCarrier() : registeredShipper();
                partners.register(partner, activeKey(partner.id()), null);
                if (i < SUSPENDED) {
                    partners.save(partner.suspended("suspended #" + i, NOW.plusSeconds(i)), partner.version());
                    suspendedIds.add(partner.id());
                } else {
                    activeIds.add(partner.id());
                }
            }
            activeIds.sort(Comparator.comparing(PartnerId::value));
            suspendedIds.sort(Comparator.comparing(PartnerId::value));
            // The index is eventually consistent on AWS; locally this holds at once.
            eventually(() -> everything(PartnerStatus.ACTIVE).size() == ACTIVE
                    && everything(PartnerStatus.SUSPENDED).size() == SUSPENDED);
        }

        private List<PartnerId> everything(PartnerStatus status) {
            return partners.listByStatus(status, 100, null).items().stream().map(Partner::id).toList();
        }

        @Test
        void pagesThroughEveryActivePartnerInIdOrderFollowingTheCursor() {
            List<PartnerId> seen = new ArrayList<>();
            String cursor = null;
            int pages = 0;
            do {
                Page<Partner> page = partners.listByStatus(PartnerStatus.ACTIVE, PAGE, cursor);
                assertThat(page.items()).hasSizeLessThanOrEqualTo(PAGE);
                assertThat(page.items()).allSatisfy(p -> assertThat(p.status()).isEqualTo(PartnerStatus.ACTIVE));
                page.items().forEach(p -> seen.add(p.id()));
                cursor = page.nextCursor();
                pages++;
            } while (cursor != null && pages < 100);

            assertThat(seen).containsExactlyElementsOf(activeIds);
            assertThat(pages).isGreaterThanOrEqualTo(ACTIVE / PAGE + 1);
        }

        @Test
        void suspendedPartnersAreListedOnlyAsSuspended() {
            var suspended = partners.listByStatus(PartnerStatus.SUSPENDED, 100, null);

            assertThat(suspended.items()).extracting(Partner::id).containsExactlyElementsOf(suspendedIds);
            assertThat(suspended.items()).allSatisfy(p -> {
                assertThat(p.isSuspended()).isTrue();
                assertThat(p.suspension()).isNotNull();
            });
            assertThat(everything(PartnerStatus.ACTIVE)).doesNotContainAnyElementsOf(suspendedIds);
        }

        @Test
        void aPageThatReachesTheEndHasNoCursor() {
            var all = partners.listByStatus(PartnerStatus.SUSPENDED, 100, null);
            assertThat(all.items()).hasSize(SUSPENDED);
            assertThat(all.nextCursor()).isNull();
        }

        @Test
        void aCursorFromTheSuspendedListingIsRefusedByTheActiveListing() {
            String suspendedCursor = partners.listByStatus(PartnerStatus.SUSPENDED, 2, null).nextCursor();
            assertThat(suspendedCursor).isNotNull();

            assertThatThrownBy(() -> partners.listByStatus(PartnerStatus.ACTIVE, 2, suspendedCursor))
                    .isInstanceOf(InvalidCursorException.class);
        }

        @Test
        void aCursorIsOpaqueUrlSafeText() {
            String cursor = partners.listByStatus(PartnerStatus.ACTIVE, 2, null).nextCursor();
            assertThat(cursor).matches("[A-Za-z0-9_-]+");
            assertThat(cursor).doesNotContain("PARTNER");
        }

        @ParameterizedTest(name = "[{index}] \"{0}\"")
        @ValueSource(strings = {"not a cursor!", "%%%", "aGVsbG8", "e30", "Z3NpMXBr"})
        void aGarbageCursorIsRefused(String cursor) {
            assertThatThrownBy(() -> partners.listByStatus(PartnerStatus.ACTIVE, 2, cursor))
                    .isInstanceOf(InvalidCursorException.class);
        }

        @ParameterizedTest(name = "[{index}] {0}")
        @ValueSource(strings = {
            "only the partition",
            "the partition and an empty key",
            "a full key and one more attribute"})
        void aForgedCursorForTheRightPartitionIsRefused(String forgery) {
            String text = switch (forgery) {
                case "only the partition" -> "gsi1pk\u001fPARTNERS#ACTIVE\u001f";
                case "the partition and an empty key" ->
                        "gsi1pk\u001fPARTNERS#ACTIVE\u001fgsi1sk\u001f\u001fpk\u001f\u001fsk\u001f\u001f";
                default -> "gsi1pk\u001fPARTNERS#ACTIVE\u001fgsi1sk\u001f" + activeIds.get(0).value()
                        + "\u001fpk\u001fPARTNER#" + activeIds.get(0).value() + "\u001fsk\u001fPROFILE\u001fx\u001fy\u001f";
            };
            String forged = Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));

            assertThatThrownBy(() -> partners.listByStatus(PartnerStatus.ACTIVE, 2, forged))
                    .isInstanceOf(InvalidCursorException.class);
        }

        @Test
        void aCursorRebuiltFromAFullKeyOfThePartitionStartsAfterThatPartner() {
            var first = activeIds.get(0).value();
            String text = "gsi1pk\u001fPARTNERS#ACTIVE\u001fgsi1sk\u001f" + first + "\u001fpk\u001fPARTNER#" + first
                    + "\u001fsk\u001fPROFILE\u001f";
            String cursor = Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));

            assertThat(partners.listByStatus(PartnerStatus.ACTIVE, 1, cursor).items())
                    .extracting(Partner::id).containsExactly(activeIds.get(1));
        }
    }

    @Nested
    @DisplayName("a partner's keys")
    class Keys {
        private Partner partner;
        private ApiKey first;

        @BeforeEach
        void aPartnerWithOneActiveKey() {
            partner = registered(registeredCarrier());
            first = firstKeyOf(partner);
        }

        @Test
        void anotherKeyIsAddedWhileTheActiveCountIsAsExpected() {
            var second = activeKey(partner.id());

            repository.addKey(second, 1);

            assertThat(repository.findKey(partner.id(), second.keyId())).contains(second);
            assertThat(repository.listKeys(partner.id())).containsExactlyInAnyOrder(first, second);
            assertThat(storedActiveKeyCount(partner.id())).isEqualTo(2);
        }

        @Test
        void aKeyAddedWithAnIdempotencyRecordStoresItAndASecondAdditionUnderItWritesNothing() {
            var record = idempotencyRecord("fingerprint-key");
            var second = activeKey(partner.id());
            repository.addKey(second, 1, record);

            var third = activeKey(partner.id());
            var conflict = catchThrowableOfType(IdempotencyConflictException.class,
                    () -> repository.addKey(third, 2, record));

            assertThat(conflict).isNotNull();
            assertThat(repository.find(record.recordId())).isPresent();
            assertThat(repository.findKey(partner.id(), third.keyId())).isEmpty();
            assertThat(storedActiveKeyCount(partner.id())).isEqualTo(2);
        }

        @Test
        void aRotationWithAnIdempotencyRecordStoresItAndASecondRotationUnderItWritesNothing() {
            var record = idempotencyRecord("fingerprint-rotation");
            var successor = activeKey(partner.id());
            repository.rotateKey(first.rotatedTo(successor.keyId(), NOW.plus(Duration.ofHours(1))), successor, record);
            var other = activeKey(partner.id());
            repository.addKey(other, 1);

            var otherSuccessor = activeKey(partner.id());

            var conflict = catchThrowableOfType(IdempotencyConflictException.class, () -> repository.rotateKey(
                    other.rotatedTo(otherSuccessor.keyId(), NOW.plus(Duration.ofHours(1))), otherSuccessor, record));

            assertThat(conflict).isNotNull();
            assertThat(repository.findKey(partner.id(), otherSuccessor.keyId())).isEmpty();
            assertThat(repository.findKey(partner.id(), other.keyId()).orElseThrow().status())
                    .isEqualTo(ApiKeyStatus.ACTIVE);
        }

        @Test
        void aKeyAddedAgainstAStaleCountIsAStaleWriteAndWritesNothing() {
            repository.addKey(activeKey(partner.id()), 1);
            var late = activeKey(partner.id());

            assertThatThrownBy(() -> repository.addKey(late, 1)).isInstanceOf(StaleWriteException.class);

            assertThat(repository.findKey(partner.id(), late.keyId())).isEmpty();
            assertThat(storedActiveKeyCount(partner.id())).isEqualTo(2);
        }

        @Test
        void aKeyOfAPartnerThatDoesNotExistIsAStaleWriteAndWritesNothing() {
            var stray = activeKey(newPartnerId());

            assertThatThrownBy(() -> repository.addKey(stray, 1)).isInstanceOf(StaleWriteException.class);

            assertThat(repository.findKey(stray.partnerId(), stray.keyId())).isEmpty();
            assertThat(repository.findById(stray.partnerId())).isEmpty();
        }

        @Test
        void anActiveKeyRotatesIntoAnExpiringKeyAndItsSuccessor() {
            var successor = activeKey(partner.id());
            var replaced = first.rotatedTo(successor.keyId(), NOW.plus(Duration.ofHours(1)));

            repository.rotateKey(replaced, successor);

            assertThat(repository.findKey(partner.id(), first.keyId())).contains(replaced);
            assertThat(repository.findKey(partner.id(), successor.keyId())).contains(successor);
            assertThat(storedActiveKeyCount(partner.id())).isEqualTo(1);
        }

        @Test
        void anExpiringKeyCannotBeRotatedAgain() {
            var successor = activeKey(partner.id());
            var replaced = first.rotatedTo(successor.keyId(), NOW.plus(Duration.ofHours(1)));
            repository.rotateKey(replaced, successor);
            var secondSuccessor = activeKey(partner.id());

            assertThatThrownBy(() -> repository.rotateKey(
                    replaced.rotatedTo(secondSuccessor.keyId(), NOW.plus(Duration.ofHours(2))), secondSuccessor))
                    .isInstanceOf(StaleWriteException.class);

            assertThat(repository.findKey(partner.id(), first.keyId())).contains(replaced);
            assertThat(repository.findKey(partner.id(), secondSuccessor.keyId())).isEmpty();
        }

        @Test
        void aRevokedKeyCannotBeRotated() {
            repository.addKey(activeKey(partner.id()), 1);
            var revoked = first.revokedAt(NOW.plusSeconds(1));
            repository.revokeKey(revoked, ApiKeyStatus.ACTIVE, 2);
            var successor = activeKey(partner.id());

            assertThatThrownBy(() -> repository.rotateKey(first.rotatedTo(successor.keyId(), NOW.plusSeconds(60)),
                    successor)).isInstanceOf(StaleWriteException.class);

            assertThat(repository.findKey(partner.id(), first.keyId())).contains(revoked);
            assertThat(repository.findKey(partner.id(), successor.keyId())).isEmpty();
        }

        @Test
        void aKeyThatDoesNotExistCannotBeRotated() {
            var ghost = activeKey(partner.id());
            var successor = activeKey(partner.id());

            assertThatThrownBy(() -> repository.rotateKey(ghost.rotatedTo(successor.keyId(), NOW), successor))
                    .isInstanceOf(StaleWriteException.class);

            assertThat(repository.findKey(partner.id(), ghost.keyId())).isEmpty();
            assertThat(repository.findKey(partner.id(), successor.keyId())).isEmpty();
        }

        @Test
        void revokingAnActiveKeyLowersTheActiveCountAndSchedulesItsDeletion() {
            var second = activeKey(partner.id());
            repository.addKey(second, 1);
            var revoked = second.revokedAt(NOW.plusSeconds(30));

            repository.revokeKey(revoked, ApiKeyStatus.ACTIVE, 2);

            assertThat(repository.findKey(partner.id(), second.keyId())).contains(revoked);
            assertThat(storedActiveKeyCount(partner.id())).isEqualTo(1);
            assertThat(storedKeyItem(revoked).get(TTL_ATTRIBUTE).n()).isEqualTo(
                    Long.toString(revoked.revokedAt().plus(KEY_RETENTION_AFTER_DEATH).getEpochSecond()));
        }

        @Test
        void revokingAnExpiringKeyLeavesTheActiveCountAlone() {
            var successor = activeKey(partner.id());
            var replaced = first.rotatedTo(successor.keyId(), NOW.plus(Duration.ofHours(1)));
            repository.rotateKey(replaced, successor);

            repository.revokeKey(replaced.revokedAt(NOW.plusSeconds(5)), ApiKeyStatus.EXPIRING, 1);

            assertThat(repository.findKey(partner.id(), first.keyId()).orElseThrow().status())
                    .isEqualTo(ApiKeyStatus.REVOKED);
            assertThat(storedActiveKeyCount(partner.id())).isEqualTo(1);
        }

        @Test
        void revokingWithTheWrongPreviousStatusIsAStaleWriteAndChangesNothing() {
            repository.addKey(activeKey(partner.id()), 1);

            assertThatThrownBy(() -> repository.revokeKey(first.revokedAt(NOW), ApiKeyStatus.EXPIRING, 2))
                    .isInstanceOf(StaleWriteException.class);

            assertThat(repository.findKey(partner.id(), first.keyId())).contains(first);
            assertThat(storedActiveKeyCount(partner.id())).isEqualTo(2);
        }

        @Test
        void revokingAnActiveKeyAgainstAStaleCountIsAStaleWriteAndChangesNothing() {
            repository.addKey(activeKey(partner.id()), 1);

            assertThatThrownBy(() -> repository.revokeKey(first.revokedAt(NOW), ApiKeyStatus.ACTIVE, 1))
                    .isInstanceOf(StaleWriteException.class);

            assertThat(repository.findKey(partner.id(), first.keyId())).contains(first);
            assertThat(storedActiveKeyCount(partner.id())).isEqualTo(2);
        }

        @Test
        void anActiveKeyHasNoExpiryAndAnExpiringKeyExpiresAfterItsGraceAndRetention() {
            assertThat(storedKeyItem(first)).doesNotContainKey(TTL_ATTRIBUTE);
            var successor = activeKey(partner.id());
            var replaced = first.rotatedTo(successor.keyId(), NOW.plus(Duration.ofHours(1)));

            repository.rotateKey(replaced, successor);

            assertThat(storedKeyItem(replaced).get(TTL_ATTRIBUTE).n()).isEqualTo(
                    Long.toString(replaced.expiresAt().plus(KEY_RETENTION_AFTER_DEATH).getEpochSecond()));
            assertThat(storedKeyItem(successor)).doesNotContainKey(TTL_ATTRIBUTE);
        }

        @Test
        void aPartnerItemNeverExpires() {
            assertThat(storedItem("PARTNER#" + partner.id().value(), "PROFILE")).doesNotContainKey(TTL_ATTRIBUTE);
        }
    }

    @Nested
    @DisplayName("reading a credential")
    class Credentials {

        @Test
        void findsTheKeyTogetherWithItsPartner() {
            var partner = registered(registeredCarrier());
            var key = firstKeyOf(partner);

            assertThat(repository.find(partner.id(), key.keyId())).contains(new StoredCredential(key, CredentialStore.PartnerStanding.of(partner)));
        }

        @Test
        void seesTheSuspensionOfThePartner() {
            var partner = registered(registeredCarrier());
            var suspended = partner.suspended("chargebacks", NOW.plusSeconds(1));
            repository.save(suspended, partner.version());

            assertThat(repository.find(partner.id(), firstKeyOf(partner).keyId()).orElseThrow().partner())
                    .isEqualTo(CredentialStore.PartnerStanding.of(suspended));
        }

        @Test
        void findsNothingForAnUnknownKey() {
            var partner = registered(registeredCarrier());

            assertThat(repository.find(partner.id(), newKeyId())).isEmpty();
        }

        @Test
        void findsNothingForAnUnknownPartner() {
            var partner = registered(registeredCarrier());

            assertThat(repository.find(newPartnerId(), firstKeyOf(partner).keyId())).isEmpty();
        }

        @Test
        void refusesAPartnerWhoseProfileIsOfAnUnknownSchemaVersion() {
            var partner = registered(registeredCarrier());
            assertThat(storedItem("PARTNER#" + partner.id().value(), "PROFILE"))
                    .containsEntry("profileSchemaVersion", AttributeValue.fromN("1"));
            client.updateItem(request -> request.tableName(table).key(PartnerItems.partnerKey(partner.id()))
                    .updateExpression("SET profileSchemaVersion = :future")
                    .expressionAttributeValues(Map.of(":future", AttributeValue.fromN("2"))));

            assertThatThrownBy(() -> repository.find(partner.id(), firstKeyOf(partner).keyId()))
                    .isInstanceOf(UnsupportedSchemaVersionException.class)
                    .hasMessageContaining("the profile document of item PARTNER#" + partner.id().value());
        }

        @Test
        void findsNothingForAKeyPresentedUnderAnotherPartner() {
            var owner = registered(registeredCarrier());
            var other = registered(registeredShipper());

            assertThat(repository.find(other.id(), firstKeyOf(owner).keyId())).isEmpty();
        }
    }

    @Nested
    @DisplayName("concurrent writers")
    class Concurrency {

        @Test
        void ofTheSameExpectedKeyCountOnlyOneAddsItsKey() throws Exception {
            var partner = registeredCarrier();
            var first = activeKey(partner.id());
            repository.register(partner, first, null);
            var start = new CountDownLatch(1);
            List<ApiKey> candidates = new ArrayList<>();
            List<Callable<Boolean>> writers = new ArrayList<>();
            for (int i = 0; i < CONCURRENT_WRITERS; i++) {
                var key = activeKey(partner.id());
                candidates.add(key);
                writers.add(() -> {
                    start.await();
                    try {
                        repository.addKey(key, 1);
                        return true;
                    } catch (StaleWriteException e) {
                        return false;
                    }
                });
            }

            ExecutorService pool = Executors.newFixedThreadPool(CONCURRENT_WRITERS);
            List<Boolean> outcomes = new ArrayList<>();
            try {
                List<Future<Boolean>> futures = writers.stream().map(pool::submit).toList();
                start.countDown();
                for (var future : futures) {
                    outcomes.add(future.get(60, TimeUnit.SECONDS));
                }
            } finally {
                pool.shutdownNow();
            }

            assertThat(outcomes).filteredOn(Boolean::booleanValue).hasSize(1);
            var winner = candidates.get(outcomes.indexOf(true));
            assertThat(storedActiveKeyCount(partner.id())).isEqualTo(2);
            assertThat(repository.listKeys(partner.id())).extracting(ApiKey::keyId)
                    .containsExactlyInAnyOrder(first.keyId(), winner.keyId());
        }
    }

    /** Waits for a condition that eventually holds (an index catching up); fails if it never does. */
    private static void eventually(BooleanSupplier condition) {
        for (int attempt = 0; attempt < 60; attempt++) {
            if (condition.getAsBoolean()) {
                return;
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("the condition never held");
    }
}
