package com.backhaulexchange.matching;

import com.backhaulexchange.equipment.EquipmentType;
import com.backhaulexchange.lane.PostedLane;
import com.backhaulexchange.matching.CandidateKeys.CandidateKey;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Reads posted lanes from the candidate index: every lane indexed under one of the keys, for one of the
 * equipment types, once each (a lane indexed under several of the keys is returned once). Reads by key
 * only; the caller filters out lanes that are no longer open.
 */
public interface CandidateSource {

    Candidates<PostedLane.Load> loads(Collection<CandidateKey> keys, Set<EquipmentType> equipment);

    Candidates<PostedLane.Capacity> capacities(Collection<CandidateKey> keys, Set<EquipmentType> equipment);

    /** Every lane of a region (open or not), for the batch optimiser; reads the region's two partitions. */
    RegionLanes region(MatchingRegion region);

    record RegionLanes(List<PostedLane.Capacity> capacities, List<PostedLane.Load> loads) {
        public RegionLanes {
            capacities = List.copyOf(capacities);
            loads = List.copyOf(loads);
        }
    }

    /** The lanes found, how many index entries were read and how many key queries it took. */
    record Candidates<L extends PostedLane>(List<L> lanes, int entriesRead, int queries) {
        public Candidates {
            lanes = List.copyOf(lanes);
        }
    }
}
