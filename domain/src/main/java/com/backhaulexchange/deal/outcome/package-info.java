/**
 * Outcome accounting (issue 12, ADR 26): what a delivered booking achieved for each of its parties — loads
 * moved, loaded and empty miles, empty miles avoided, surplus earned or saved, CO₂e avoided with its factor set
 * and version — added to per-partner daily counters when the delivery is recorded, and the report read from
 * them over a bounded range.
 */
package com.backhaulexchange.deal.outcome;
