/**
 * Posted lanes: a carrier's {@link com.backhaulexchange.lane.CapacityLane} (an empty leg it wants filled) and a
 * shipper's {@link com.backhaulexchange.lane.LoadLane}, with their ids, time windows and status, and the
 * {@link com.backhaulexchange.lane.LanePostingPolicies} a posting must pass before it is written. Records hold
 * whatever was posted; the policies say what is wrong with it, field by field, as JSON Pointers into the
 * posting body, so the HTTP layer can answer a problem+json with every bad field at once.
 */
package com.backhaulexchange.lane;
