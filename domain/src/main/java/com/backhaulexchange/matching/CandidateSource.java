package com.backhaulexchange.matching;

import com.backhaulexchange.kernel.equipment.EquipmentType;
import com.backhaulexchange.lane.PostedLane;
import com.backhaulexchange.lane.CandidateKeys.CandidateKey;
import java.util.List;
import java.util.Set;

/**
 * Reads posted lanes from the candidate index: the lanes indexed under the keys, for one of the equipment
 * types, once each (a lane indexed under several of the keys is returned once). Reads by key only; the
 * caller filters out lanes that are no longer open.
 *
 * <p>A search reads at most about {@code readBudget} index entries, taking the keys in the order given
 * (nearest first, see {@link CandidateKeys}) and sharing what is left of the budget among the next keys; a
 * search the budget stopped says so ({@link Candidates#complete()} is false). That keeps the cost of one
 * posting flat however dense the book: in a busy metro the nearest few hundred candidates are read, not all
 * of them (ADR 15).
 */
public interface CandidateSource {

    /** No budget: every entry under the keys (small books, tests). */
    int UNLIMITED = Integer.MAX_VALUE;

    Candidates<PostedLane.Load> loads(List<CandidateKey> keys, Set<EquipmentType> equipment, int readBudget);

    Candidates<PostedLane.Capacity> capacities(List<CandidateKey> keys, Set<EquipmentType> equipment,
            int readBudget);

    default Candidates<PostedLane.Load> loads(List<CandidateKey> keys, Set<EquipmentType> equipment) {
        return loads(keys, equipment, UNLIMITED);
    }

    default Candidates<PostedLane.Capacity> capacities(List<CandidateKey> keys, Set<EquipmentType> equipment) {
        return capacities(keys, equipment, UNLIMITED);
    }

    /** Every lane of a region (open or not), for the batch optimiser; reads the region's two partitions. */
    RegionLanes region(MatchingRegion region);

    record RegionLanes(List<PostedLane.Capacity> capacities, List<PostedLane.Load> loads) {
        public RegionLanes {
            capacities = List.copyOf(capacities);
            loads = List.copyOf(loads);
        }
    }

    /**
     * The lanes found, how many index entries were read, how many key queries it took, and whether every
     * entry under the keys was read ({@code false}: the read budget stopped the search first).
     */
    record Candidates<L extends PostedLane>(List<L> lanes, int entriesRead, int queries, boolean complete) {
        public Candidates {
            lanes = List.copyOf(lanes);
        }
    }
}
