package com.backhaulexchange.adapter.json;

import com.backhaulexchange.adapter.json.Views.PlaceView;
import com.backhaulexchange.partner.Contact;
import com.backhaulexchange.partner.PartnerProfile;
import java.util.List;
import java.util.Set;

/**
 * A partner's profile as the API shows it (the {@code RegisterPartnerRequest} fields): roles and fleet sorted,
 * an empty fleet left out, and a fleet fuel economy only when one was given.
 */
public record PartnerProfileView(
        String legalName,
        List<String> roles,
        ContactView contact,
        PlaceView homeBase,
        MoneyView operatingCostPerMile,
        List<String> fleetEquipment,
        String dotNumber,
        String mcNumber,
        FleetFuelEconomyView fleetFuelEconomy) {

    public static PartnerProfileView of(PartnerProfile profile) {
        return new PartnerProfileView(profile.legalName(), names(profile.roles()), ContactView.of(profile.contact()),
                PlaceView.of(profile.homeBase()), MoneyView.of(profile.operatingCostPerMile()),
                profile.fleetEquipment().isEmpty() ? null : names(profile.fleetEquipment()), profile.dotNumber(),
                profile.mcNumber(), FleetFuelEconomyView.of(profile.fleetFuelEconomy()));
    }

    static List<String> names(Set<? extends Enum<?>> values) {
        return values.stream().sorted().map(Enum::name).toList();
    }

    /** Who to reach: a name, an email and, when given, a phone. */
    public record ContactView(String name, String email, String phone) {
        static ContactView of(Contact contact) {
            return new ContactView(contact.name(), contact.email(), contact.phone());
        }
    }
}
