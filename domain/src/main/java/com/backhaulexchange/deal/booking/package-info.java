/**
 * Bookings: what an agreed negotiation turns into, and what the parties record afterwards (picked up,
 * delivered, cancelled with the party at fault and any TONU fee) — the records settlement reads — plus the
 * rate confirmation assembled from them (ADR 14). Plain Java: no AWS types.
 */
package com.backhaulexchange.deal.booking;
