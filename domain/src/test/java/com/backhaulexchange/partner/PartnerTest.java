package com.backhaulexchange.partner;

import static com.backhaulexchange.partner.PartnerExamples.NOW;
import static com.backhaulexchange.partner.PartnerExamples.carrierProfile;
import static com.backhaulexchange.partner.PartnerExamples.minimalShipperProfile;
import static com.backhaulexchange.partner.PartnerExamples.newPartnerId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashSet;
import org.junit.jupiter.api.Test;

class PartnerTest {
    private static final Instant LATER = NOW.plus(Duration.ofHours(3));
    private static final Instant MUCH_LATER = NOW.plus(Duration.ofDays(2));

    @Test
    void aRegisteredPartnerIsActiveAtVersionOneWithItsFirstKey() {
        var id = newPartnerId();
        var partner = Partner.registered(id, carrierProfile(), NOW);
        assertThat(partner.id()).isEqualTo(id);
        assertThat(partner.status()).isEqualTo(PartnerStatus.ACTIVE);
        assertThat(partner.isSuspended()).isFalse();
        assertThat(partner.suspension()).isNull();
        assertThat(partner.activeApiKeyCount()).isEqualTo(1);
        assertThat(partner.version()).isEqualTo(1);
        assertThat(partner.createdAt()).isEqualTo(NOW);
        assertThat(partner.updatedAt()).isEqualTo(NOW);
    }

    @Test
    void suspendingRecordsWhyAndWhenBumpsTheVersionAndKeepsTheProfile() {
        var partner = Partner.registered(newPartnerId(), carrierProfile(), NOW);

        var suspended = partner.suspended("unpaid invoices", LATER);

        assertThat(suspended.status()).isEqualTo(PartnerStatus.SUSPENDED);
        assertThat(suspended.isSuspended()).isTrue();
        assertThat(suspended.suspension()).isEqualTo(new Suspension("unpaid invoices", LATER));
        assertThat(suspended.version()).isEqualTo(partner.version() + 1);
        assertThat(suspended.profile()).isEqualTo(partner.profile());
        assertThat(suspended.activeApiKeyCount()).isEqualTo(partner.activeApiKeyCount());
        assertThat(suspended.createdAt()).isEqualTo(NOW);
        assertThat(suspended.updatedAt()).isEqualTo(LATER);
    }

    @Test
    void reinstatingLiftsTheSuspensionBumpsTheVersionAndKeepsTheProfile() {
        var suspended = Partner.registered(newPartnerId(), carrierProfile(), NOW).suspended("fraud check", LATER);

        var reinstated = suspended.reinstated(MUCH_LATER);

        assertThat(reinstated.status()).isEqualTo(PartnerStatus.ACTIVE);
        assertThat(reinstated.suspension()).isNull();
        assertThat(reinstated.version()).isEqualTo(suspended.version() + 1);
        assertThat(reinstated.profile()).isEqualTo(suspended.profile());
        assertThat(reinstated.createdAt()).isEqualTo(NOW);
        assertThat(reinstated.updatedAt()).isEqualTo(MUCH_LATER);
    }

    @Test
    void aNewProfileBumpsTheVersionAndKeepsStatusAndKeyCount() {
        var suspended = Partner.registered(newPartnerId(), carrierProfile(), NOW).suspended("audit", LATER);

        var updated = suspended.withProfile(minimalShipperProfile(), MUCH_LATER);

        assertThat(updated.profile()).isEqualTo(minimalShipperProfile());
        assertThat(updated.version()).isEqualTo(suspended.version() + 1);
        assertThat(updated.status()).isEqualTo(PartnerStatus.SUSPENDED);
        assertThat(updated.suspension()).isEqualTo(suspended.suspension());
        assertThat(updated.activeApiKeyCount()).isEqualTo(suspended.activeApiKeyCount());
        assertThat(updated.updatedAt()).isEqualTo(MUCH_LATER);
    }

    @Test
    void aPartnerNeedsAnIdAProfileAndAStatus() {
        assertThatThrownBy(() -> new Partner(null, carrierProfile(), PartnerStatus.ACTIVE, null, 1, 1, NOW, NOW))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new Partner(newPartnerId(), null, PartnerStatus.ACTIVE, null, 1, 1, NOW, NOW))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new Partner(newPartnerId(), carrierProfile(), null, null, 1, 1, NOW, NOW))
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    void aProfileDoesNotShareItsSetsWithTheCaller() {
        var roles = new HashSet<>(EnumSet.of(PartnerRole.CARRIER));
        var base = carrierProfile();
        var profile = new PartnerProfile(base.legalName(), roles, base.contact(), base.homeBase(),
                base.operatingCostPerMile(), base.fleetEquipment(), null, null);

        roles.add(PartnerRole.SHIPPER);

        assertThat(profile.roles()).containsExactly(PartnerRole.CARRIER);
        assertThatThrownBy(() -> profile.roles().add(PartnerRole.BROKER))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aPartnerIdIsAUlid() {
        assertThat(PartnerId.isValid("01JDA1B2C3D4E5F6G7H8J9K0MN")).isTrue();
        assertThatThrownBy(() -> new PartnerId("not-a-ulid")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PartnerId(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
