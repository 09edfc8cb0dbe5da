/**
 * The compliance gate before a carrier can be booked (issue 14, ADR 37): the carrier's insurance certificate and
 * operating authority, a shipper's requirements of the carriers it books, and {@link
 * com.backhaulexchange.compliance.CarrierCompliancePolicy}, which allows a booking or rejects it with a reason code.
 * The certificate's file is kept in object storage like a booking's documents ({@code deal.document}'s storage port
 * and media types); the deal capability knows nothing of compliance: the function that books asks the policy.
 */
package com.backhaulexchange.compliance;
