/**
 * Cooperative-game allocation rules (issue 5, ADR 13): given a transferable-utility game — what every
 * coalition of partners would save on its own — split the grand coalition's value among the partners by a
 * named rule ({@link com.backhaulexchange.settlement.allocation.AllocationRule}) and check the split for stability
 * ({@link com.backhaulexchange.settlement.allocation.CoreCheck}).
 *
 * <p>Units: values are plain {@code double}s in whatever unit the caller chose (settlement uses minor units
 * of the collaboration's currency and rounds the shares with {@code Money.allocate}); every rule is
 * scale-invariant, so the unit never changes a share's proportion. Players are numbered 0..n−1 and a
 * coalition is a bitmask (bit i = player i) for explicit games, a {@link java.util.BitSet} for oracles.
 *
 * <p>Plain Java. The linear programmes of the nucleolus and the equal profit method use ojAlgo, an optional
 * dependency of this module: only code that calls those two rules needs it on its class path.
 */
package com.backhaulexchange.settlement.allocation;
