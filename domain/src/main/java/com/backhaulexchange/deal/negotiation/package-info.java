/**
 * Negotiation of a match's price between its carrier and its shipper (or brokers they delegate to): offers
 * and counter-offers that alternate sides, with expiry evaluated lazily against the caller's clock, a rounds
 * limit, auto-accept prices and a surplus split shown per side without leaking the other side's limits
 * (ADR 14). Every transition returns an {@link com.backhaulexchange.deal.negotiation.Outcome}: the new state and
 * its events, an idempotent no-op, or a refusal whose {@link com.backhaulexchange.deal.negotiation.RefusalKind}
 * an HTTP layer maps to a status code. Plain Java: no AWS types.
 */
package com.backhaulexchange.deal.negotiation;
