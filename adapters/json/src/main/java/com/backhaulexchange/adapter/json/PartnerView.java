package com.backhaulexchange.adapter.json;

import com.backhaulexchange.adapter.json.PartnerProfileView.ContactView;
import com.backhaulexchange.adapter.json.Views.PlaceView;
import com.backhaulexchange.partner.Partner;
import com.backhaulexchange.partner.Suspension;
import java.util.List;

/** A partner as the API shows it (the {@code Partner} schema): id and status, its profile, then its history. */
public record PartnerView(
        String partnerId,
        String status,
        String legalName,
        List<String> roles,
        ContactView contact,
        PlaceView homeBase,
        MoneyView operatingCostPerMile,
        List<String> fleetEquipment,
        String dotNumber,
        String mcNumber,
        FleetFuelEconomyView fleetFuelEconomy,
        SuspensionView suspension,
        String createdAt,
        String updatedAt) {

    public static PartnerView of(Partner partner) {
        PartnerProfileView profile = PartnerProfileView.of(partner.profile());
        return new PartnerView(partner.id().value(), partner.status().name(), profile.legalName(), profile.roles(),
                profile.contact(), profile.homeBase(), profile.operatingCostPerMile(), profile.fleetEquipment(),
                profile.dotNumber(), profile.mcNumber(), profile.fleetFuelEconomy(),
                SuspensionView.of(partner.suspension()),
                partner.createdAt().toString(), partner.updatedAt().toString());
    }

    /** Why and since when a partner is suspended. */
    public record SuspensionView(String reason, String suspendedAt) {
        static SuspensionView of(Suspension suspension) {
            return suspension == null ? null
                    : new SuspensionView(suspension.reason(), suspension.suspendedAt().toString());
        }
    }
}
