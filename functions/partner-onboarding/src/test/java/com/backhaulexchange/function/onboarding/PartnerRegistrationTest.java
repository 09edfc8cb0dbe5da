package com.backhaulexchange.function.onboarding;

import com.backhaulexchange.testing.Reply;
import static org.assertj.core.api.Assertions.assertThat;

import com.backhaulexchange.kernel.id.SecretHashing;
import com.backhaulexchange.adapter.http.IdempotencyVault;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PartnerRegistrationTest {
    private static final String PROBLEMS = "https://backhaul.exchange/problems/";
    private OnboardingFixture onboarding;

    @BeforeEach
    void freshTable() {
        onboarding = OnboardingFixture.fresh();
    }

    @Test
    void registeringACarrierAnswers201WithLocationETagThePartnerAndItsFirstKey() {
        Reply reply = onboarding.send("register-carrier.json");

        assertThat(reply.status()).isEqualTo(201);
        var partner = reply.json().path("partner");
        String partnerId = partner.path("partnerId").asText();
        assertThat(reply.header("Location")).isEqualTo("/partners/" + partnerId);
        assertThat(reply.header("ETag")).isEqualTo("\"v1\"");
        assertThat(reply.header("Content-Type")).isEqualTo("application/json");
        assertThat(reply.header("Idempotent-Replayed")).isNull();
        assertThat(partner.path("status").asText()).isEqualTo("ACTIVE");
        assertThat(partner.path("legalName").asText()).isEqualTo("Prairie Line Freight LLC");
        assertThat(partner.path("roles").toString()).isEqualTo("[\"CARRIER\"]");
        assertThat(partner.path("contact").path("phone").asText()).isEqualTo("+13125550142");
        assertThat(partner.path("operatingCostPerMile").toString())
                .isEqualTo("{\"amountMinorUnits\":212,\"currency\":\"USD\"}");
        assertThat(partner.path("fleetEquipment").toString()).isEqualTo("[\"DRY_VAN\",\"REEFER\"]");
        assertThat(partner.path("dotNumber").asText()).isEqualTo("3141592");
        assertThat(partner.path("mcNumber").asText()).isEqualTo("MC-1234567");
        assertThat(partner.path("createdAt").asText()).isEqualTo(OnboardingFixture.START.toString());
        var apiKey = reply.json().path("apiKey");
        assertThat(apiKey.path("status").asText()).isEqualTo("ACTIVE");
        assertThat(apiKey.path("token").asText())
                .matches("bhx_" + partnerId + "_" + apiKey.path("keyId").asText() + "_[0-9A-Za-z]{43}");
        assertThat(onboarding.activePartners()).isEqualTo(1);
    }

    @Test
    void theTokenIsShownOnlyOnceAndOnlyItsSha256IsStored() {
        var carrier = onboarding.registerCarrier();
        var shipper = RegisteredPartner.from(onboarding.send("register-shipper-with-idempotency-key.json",
                java.util.Map.of("IDEMPOTENCY_KEY", UUID.randomUUID().toString())));

        Reply own = onboarding.send("get-own-partner.json", carrier.asCaller());
        assertThat(own.status()).isEqualTo(200);
        assertThat(own.body()).doesNotContain(carrier.secret()).doesNotContain("token")
                .doesNotContain(SecretHashing.sha256Hex(carrier.secret()));
        Reply keys = onboarding.send("list-own-api-keys.json", carrier.asCaller());
        assertThat(keys.body()).doesNotContain(carrier.secret()).doesNotContain("token")
                .doesNotContain(SecretHashing.sha256Hex(carrier.secret()));

        var storedKey = onboarding.item("PARTNER#" + carrier.partnerId(), "APIKEY#" + carrier.keyId());
        assertThat(storedKey.get("secretSha256").s()).isEqualTo(SecretHashing.sha256Hex(carrier.secret()));
        // Not the secret, not the token, anywhere: the idempotency record of the shipper is sealed too.
        assertThat(onboarding.allItems()).hasSize(5).allSatisfy(item -> assertThat(item.toString())
                .doesNotContain(carrier.secret()).doesNotContain(shipper.secret()));
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyAndBodyReplaysTheFirstResponseAndRegistersOnce() {
        var key = java.util.Map.of("IDEMPOTENCY_KEY", UUID.randomUUID().toString());
        Reply first = onboarding.send("register-carrier-with-idempotency-key.json", key);
        onboarding.clock.advance(java.time.Duration.ofMinutes(3));
        Reply retry = onboarding.send("register-carrier-with-idempotency-key.json", key);
        Reply reformatted = onboarding.send("register-carrier-reformatted-with-idempotency-key.json", key);

        assertThat(first.status()).isEqualTo(201);
        assertThat(first.header("Idempotent-Replayed")).isNull();
        for (Reply replay : java.util.List.of(retry, reformatted)) {
            assertThat(replay.status()).isEqualTo(201);
            assertThat(replay.body()).isEqualTo(first.body());
            assertThat(replay.header("Idempotent-Replayed")).isEqualTo("true");
            assertThat(replay.header("Location")).isEqualTo(first.header("Location"));
            assertThat(replay.header("ETag")).isEqualTo(first.header("ETag"));
        }
        Reply listing = onboarding.send("operator-list-partners.json", OnboardingFixture.asOperator());
        assertThat(listing.json().path("items")).singleElement()
                .satisfies(partner -> assertThat(partner.path("partnerId").asText())
                        .isEqualTo(RegisteredPartner.from(first).partnerId()));
        var record = onboarding.allItems().stream()
                .filter(item -> item.get("pk").s().startsWith("IDEMPOTENCY#")).toList();
        assertThat(record).singleElement().satisfies(item -> assertThat(item.get("expiresAtEpochSeconds").n())
                .isEqualTo(Long.toString(OnboardingFixture.START.plus(IdempotencyVault.RETENTION).getEpochSecond())));
    }

    @Test
    void theSameIdempotencyKeyWithAnotherBodyIs422AndWritesNothing() {
        var key = java.util.Map.of("IDEMPOTENCY_KEY", UUID.randomUUID().toString());
        onboarding.send("register-carrier-with-idempotency-key.json", key);
        int items = onboarding.allItems().size();

        Reply reused = onboarding.send("register-shipper-with-idempotency-key.json", key);

        assertThat(reused.status()).isEqualTo(422);
        assertThat(reused.json().path("type").asText()).isEqualTo(PROBLEMS + "idempotency-key-reused");
        assertThat(onboarding.activePartners()).isEqualTo(1);
        assertThat(onboarding.allItems()).hasSize(items);
    }

    @Test
    void anInvalidIdempotencyKeyIs400PointingAtTheHeaderAndWritesNothing() {
        Reply reply = onboarding.send("register-with-invalid-idempotency-key.json");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.errorPointers()).containsExactly("#/header/Idempotency-Key");
        assertThat(onboarding.allItems()).isEmpty();
    }

    @ParameterizedTest(name = "{0} -> {1} {2}")
    @CsvSource({
            "register-with-unknown-field.json,              400, validation-failed,      /website",
            "register-malformed-json.json,                  400, malformed-json,         ''",
            "register-wrong-content-type.json,              415, unsupported-media-type, ",
            "register-carrier-without-operating-cost.json,  400, validation-failed,      /operatingCostPerMile",
            "register-shipper-with-fleet-equipment.json,    400, validation-failed,      /fleetEquipment"})
    void aRejectedRegistrationAnswersAProblemAndWritesNothing(String sample, int status, String type, String pointer) {
        onboarding.registerShipper();
        int activeBefore = onboarding.activePartners();
        int itemsBefore = onboarding.allItems().size();

        Reply reply = onboarding.send(sample);

        assertThat(reply.status()).isEqualTo(status);
        assertThat(reply.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(reply.json().path("type").asText()).isEqualTo(PROBLEMS + type);
        assertThat(reply.json().path("requestId").asText()).isEqualTo("4b6e0c1e-8a8f-4f4e-9a63-2f0c3d9b7a51");
        if (pointer != null) {
            assertThat(reply.errorPointers()).contains(pointer);
        }
        assertThat(onboarding.activePartners()).isEqualTo(activeBefore).isEqualTo(1);
        assertThat(onboarding.allItems()).hasSize(itemsBefore);
    }

    @Test
    void anOversizedRegistrationIs413AndWritesNothing() {
        var event = SampleEvents.load("register-shipper.json");
        event.setBody(event.getBody().replace("\"legalName\"", "\"padding\": \"" + "x".repeat(70_000) + "\", \"legalName\""));

        Reply reply = onboarding.send(event);

        assertThat(reply.status()).isEqualTo(413);
        assertThat(reply.json().path("type").asText()).isEqualTo(PROBLEMS + "payload-too-large");
        assertThat(onboarding.activePartners()).isZero();
        assertThat(onboarding.allItems()).isEmpty();
    }

    @Test
    void aShipperNeedsNoOperatingCostOrFleet() {
        var shipper = onboarding.registerShipper();

        assertThat(shipper.registration().path("partner").has("operatingCostPerMile")).isFalse();
        assertThat(shipper.registration().path("partner").has("fleetEquipment")).isFalse();
        assertThat(shipper.roles()).isEqualTo("SHIPPER");
    }
}
