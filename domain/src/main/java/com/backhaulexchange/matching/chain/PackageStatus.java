package com.backhaulexchange.matching.chain;

/**
 * PROPOSED: every lane of the package is open, the package is offered to its carrier. RETRACTED: one of its lanes
 * was withdrawn; a retracted package is never proposed again.
 */
public enum PackageStatus {
    PROPOSED,
    RETRACTED
}
