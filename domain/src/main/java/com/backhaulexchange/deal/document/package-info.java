/**
 * Documents of a booking (issue 14, ADR 33): the carrier's bill of lading and proof of delivery, uploaded straight
 * to object storage through presigned requests and read back only by the booking's parties. The domain decides
 * who may upload what, of which type and size, where it is kept and how long a presigned request lives; the
 * storage itself is a port ({@link com.backhaulexchange.deal.document.DocumentStorage}). No adapter yet: see ADR 33.
 */
package com.backhaulexchange.deal.document;
