package com.backhaulexchange.matching;

import com.backhaulexchange.equipment.EquipmentType;

/**
 * Which trailer can carry a load that asks for which equipment: the same type, or a reefer for dry-van
 * freight (a reefer with its unit off is an insulated van; load boards offer "VR" for that reason). No
 * other substitution: flatbed-family and tank freight depend on the load's shape and product.
 */
public final class EquipmentCompatibility {

    private EquipmentCompatibility() {
    }

    public static boolean canCarry(EquipmentType truck, EquipmentType required) {
        return truck == required || (truck == EquipmentType.REEFER && required == EquipmentType.DRY_VAN);
    }
}
