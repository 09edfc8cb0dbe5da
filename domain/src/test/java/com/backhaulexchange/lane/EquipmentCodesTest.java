package com.backhaulexchange.lane;

import static org.assertj.core.api.Assertions.assertThat;

import com.backhaulexchange.kernel.equipment.EquipmentType;
import com.backhaulexchange.kernel.policy.Decision;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EquipmentCodesTest {

    @ParameterizedTest(name = "\"{0}\" is {1}")
    @CsvSource({"V, DRY_VAN", "r, REEFER", "F, FLATBED", "sd, STEP_DECK", "CN, CONESTOGA", "PO, POWER_ONLY",
        "T, TANKER", "SB, BOX_TRUCK", "dry_van, DRY_VAN", " REEFER , REEFER"})
    void datCodesAndEnumNamesAreRead(String code, EquipmentType type) {
        assertThat(EquipmentCodes.parse(code)).contains(type);
        assertThat(EquipmentCodes.supported(code, "/equipment")).isInstanceOf(Decision.Allowed.class);
    }

    @Test
    void anythingElseIsUnsupportedEquipmentWithAPointer() {
        assertThat(EquipmentCodes.parse("hovercraft")).isEmpty();
        assertThat(EquipmentCodes.parse(null)).isEmpty();
        assertThat(EquipmentCodes.supported("hovercraft", "/equipment"))
                .isInstanceOfSatisfying(Decision.Rejected.class, rejected -> {
                    assertThat(rejected.reasonCode()).isEqualTo("UNSUPPORTED_EQUIPMENT");
                    assertThat(rejected.field()).isEqualTo("/equipment");
                    assertThat(rejected.detail()).contains("DRY_VAN", "hovercraft");
                });
    }
}
