/**
 * Booking a reload package (issue 11): one carrier, two or three loads of possibly different shippers, one
 * conditional offer per load. Each shipper negotiates only its own load and sees only that it is part of a
 * package; the package books when every shipper has accepted, and fails for everyone the moment one declines,
 * the carrier withdraws, an offer lapses or another booking takes a load or the truck. Built on the single-match
 * negotiation's pieces (offers, their policies, who may act, outcomes and refusals). See ADR 29.
 */
package com.backhaulexchange.deal.packagedeal;
