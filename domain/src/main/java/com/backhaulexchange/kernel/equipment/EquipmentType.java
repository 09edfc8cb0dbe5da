package com.backhaulexchange.kernel.equipment;

/** Trailer types, as US load boards name them (DAT codes in comments). */
public enum EquipmentType {
    DRY_VAN,     // V
    REEFER,      // R
    FLATBED,     // F
    STEP_DECK,   // SD
    CONESTOGA,   // CN
    POWER_ONLY,  // PO
    TANKER,      // T
    BOX_TRUCK    // SB (straight box)
}
