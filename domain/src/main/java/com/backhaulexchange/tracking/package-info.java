/**
 * Shipment tracking after the booking (issue 14, ADR 30): the carrier's position reports, the booking's trail,
 * geofences that detect arrival at and departure from the pickup and the delivery, the ETA at the next stop by the
 * same drive-time and hours-of-service model as matching, and the events that follow, numbered per booking. Plain
 * Java: no AWS types. Depends on {@code deal.booking} (whose booking it tracks) and {@code matching} (whose drive
 * planner it uses); neither depends on it.
 */
package com.backhaulexchange.tracking;
