package com.backhaulexchange.settlement.allocation;

import java.util.BitSet;

/**
 * v(S) computed on demand, for games too large to tabulate (e.g. re-running the matching over the lanes of
 * S). The coalition is read only during the call: implementations must neither keep nor change it.
 */
@FunctionalInterface
public interface ValueOracle {
    double value(BitSet coalition);
}
