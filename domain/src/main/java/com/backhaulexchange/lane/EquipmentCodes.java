package com.backhaulexchange.lane;

import com.backhaulexchange.kernel.equipment.EquipmentType;
import com.backhaulexchange.kernel.policy.Decision;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Reads an equipment type as a posting states it: the enum name ("DRY_VAN") or the DAT load-board code
 * ("V"), case-insensitive. Anything else is unsupported equipment, rejected with a pointer.
 */
public final class EquipmentCodes {

    public static final String UNSUPPORTED_EQUIPMENT = "UNSUPPORTED_EQUIPMENT";

    private static final Map<String, EquipmentType> DAT_CODES = Map.of(
            "V", EquipmentType.DRY_VAN,
            "R", EquipmentType.REEFER,
            "F", EquipmentType.FLATBED,
            "SD", EquipmentType.STEP_DECK,
            "CN", EquipmentType.CONESTOGA,
            "PO", EquipmentType.POWER_ONLY,
            "T", EquipmentType.TANKER,
            "SB", EquipmentType.BOX_TRUCK);

    private EquipmentCodes() {
    }

    public static Optional<EquipmentType> parse(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String upper = code.strip().toUpperCase(Locale.ROOT);
        if (DAT_CODES.containsKey(upper)) {
            return Optional.of(DAT_CODES.get(upper));
        }
        return Arrays.stream(EquipmentType.values()).filter(type -> type.name().equals(upper)).findFirst();
    }

    public static Decision supported(String code, String pointer) {
        return parse(code).isPresent()
                ? Decision.allowed()
                : Decision.rejected(UNSUPPORTED_EQUIPMENT, "Equipment \"" + code + "\" is not supported; use one of "
                        + Arrays.stream(EquipmentType.values()).map(Enum::name).collect(Collectors.joining(", "))
                        + ".", pointer);
    }
}
