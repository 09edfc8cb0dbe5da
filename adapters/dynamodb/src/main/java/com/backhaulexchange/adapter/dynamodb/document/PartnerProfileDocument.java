package com.backhaulexchange.adapter.dynamodb.document;

import com.backhaulexchange.kernel.equipment.EquipmentType;
import com.backhaulexchange.partner.Contact;
import com.backhaulexchange.partner.PartnerProfile;
import com.backhaulexchange.partner.PartnerRole;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A partner's profile as PartnersTable stores it (the {@code profile} map of its PROFILE item). Roles and
 * equipment are listed by name in declaration order; an empty fleet is left out. The authorizer reads
 * {@code roles} from it directly (DynamoDbCredentialStore).
 */
public record PartnerProfileDocument(
        String legalName,
        List<String> roles,
        ContactDocument contact,
        PlaceDocument homeBase,
        MoneyDocument operatingCostPerMile,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> fleetEquipment,
        String dotNumber,
        String mcNumber,
        FleetFuelEconomyDocument fleetFuelEconomy) {

    /**
     * Version 1: the shape of the API's profile view when the two were split (issue 9); {@code fleetFuelEconomy}
     * was added within it (ADR 21's optional field, ADR 47): a profile stored without it has none.
     */
    public static final int SCHEMA_VERSION = 1;

    public record ContactDocument(String name, String email, String phone) {
    }

    public static PartnerProfileDocument of(PartnerProfile profile) {
        Contact contact = profile.contact();
        return new PartnerProfileDocument(profile.legalName(), names(profile.roles()),
                new ContactDocument(contact.name(), contact.email(), contact.phone()),
                PlaceDocument.of(profile.homeBase()), MoneyDocument.of(profile.operatingCostPerMile()),
                names(profile.fleetEquipment()), profile.dotNumber(), profile.mcNumber(),
                FleetFuelEconomyDocument.of(profile.fleetFuelEconomy()));
    }

    public PartnerProfile toProfile() {
        return new PartnerProfile(legalName, enumSet(roles, PartnerRole.class),
                new Contact(contact.name(), contact.email(), contact.phone()), homeBase.toPlace(),
                MoneyDocument.moneyOf(operatingCostPerMile), enumSet(fleetEquipment, EquipmentType.class), dotNumber,
                mcNumber, FleetFuelEconomyDocument.economyOf(fleetFuelEconomy));
    }

    static List<String> names(Set<? extends Enum<?>> values) {
        return values.stream().sorted().map(Enum::name).toList();
    }

    static <E extends Enum<E>> Set<E> enumSet(List<String> names, Class<E> type) {
        Set<E> values = EnumSet.noneOf(type);
        if (names != null) {
            names.forEach(name -> values.add(Enum.valueOf(type, name)));
        }
        return values;
    }
}
