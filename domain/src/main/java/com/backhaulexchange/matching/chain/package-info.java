/**
 * Reload chains: one capacity lane carrying two or three loads one after another (A → L1 → L2 [→ L3] → B),
 * a round trip or triangle when A and B are the same place. {@link com.backhaulexchange.matching.chain.ChainEvaluator}
 * judges one ordered chain, {@link com.backhaulexchange.matching.chain.ChainSearch} finds the best chains
 * among a lane's candidate loads within stated bounds. Pure functions of their inputs, as the single-match
 * code in {@link com.backhaulexchange.matching} they build on (ADR 22).
 */
package com.backhaulexchange.matching.chain;
