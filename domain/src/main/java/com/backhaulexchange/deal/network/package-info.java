/**
 * The operator's network figures (ADR 41): counters per matching region and ISO week, added in the writes that
 * already happen (a delivery's transaction), with the distinct partners behind them so that any figure resting
 * on fewer than k partners is withheld ({@link com.backhaulexchange.deal.network.KAnonymityPolicy}).
 */
package com.backhaulexchange.deal.network;
