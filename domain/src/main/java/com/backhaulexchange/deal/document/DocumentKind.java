package com.backhaulexchange.deal.document;

/** What a document of a booking is. */
public enum DocumentKind {
    /** The signed bill of lading, from the pickup. */
    BILL_OF_LADING,
    /** The consignee's signature or a photo of the delivered freight: only once the freight is picked up. */
    PROOF_OF_DELIVERY,
    /** A receipt for paid unloading at the delivery. */
    LUMPER_RECEIPT,
    /** A scale ticket. */
    WEIGHT_TICKET
}
