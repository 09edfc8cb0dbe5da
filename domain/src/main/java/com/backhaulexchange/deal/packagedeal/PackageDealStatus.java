package com.backhaulexchange.deal.packagedeal;

/** OPEN while any shipper has yet to accept; BOOKED when all have; FAILED for everyone otherwise (final). */
public enum PackageDealStatus {
    OPEN, BOOKED, FAILED;

    public boolean isFinal() {
        return this != OPEN;
    }
}
