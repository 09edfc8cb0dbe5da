package com.backhaulexchange.matching;

import com.backhaulexchange.kernel.equipment.EquipmentType;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

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

    /** Every truck type that can carry a load asking for {@code required}. */
    public static Set<EquipmentType> trucksFor(EquipmentType required) {
        return Arrays.stream(EquipmentType.values()).filter(truck -> canCarry(truck, required))
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(EquipmentType.class)));
    }

    /** Every load equipment a truck of type {@code truck} can carry. */
    public static Set<EquipmentType> loadsFor(EquipmentType truck) {
        return Arrays.stream(EquipmentType.values()).filter(required -> canCarry(truck, required))
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(EquipmentType.class)));
    }
}
