package com.backhaulexchange.settlement;

import com.backhaulexchange.emissions.EmissionsMethod;
import com.backhaulexchange.kernel.policy.Decision;
import com.backhaulexchange.partner.PartnerId;
import java.util.List;
import java.util.Objects;

/**
 * The CO₂e avoided in a period (grams, well-to-wheel, by one factor set and version) shared among the members by
 * the same rule as the money (ADR 35): each member's share of the realised total, summing to it exactly, and the
 * core check of those shares against the emissions game (no coalition S got less than the CO₂e its own lanes
 * could have avoided, v(S)). Or, when the rule cannot share this game (the nucleolus without an imputation, say),
 * the reason; the money settles all the same. {@code optimumGrams} is the best matching of the period's lanes
 * by CO₂e, against which the realised total can be read.
 */
public sealed interface EmissionsSettlement {

    EmissionsMethod method();

    String rule();

    long realisedGrams();

    long optimumGrams();

    /** One member's share, in whole grams; {@code standardErrorGrams} only for the sampled Shapley value. */
    record Share(PartnerId member, long grams, Double standardErrorGrams) {
        public Share {
            Objects.requireNonNull(member, "member");
        }
    }

    record Allocated(EmissionsMethod method, String rule, long realisedGrams, long optimumGrams, List<Share> shares,
            List<String> remarks, Stability stability) implements EmissionsSettlement {
        public Allocated {
            Objects.requireNonNull(method, "method");
            Objects.requireNonNull(stability, "stability");
            shares = List.copyOf(shares);
            remarks = List.copyOf(remarks);
            if (shares.stream().mapToLong(Share::grams).sum() != realisedGrams) {
                throw new IllegalArgumentException("emission shares must sum to the realised " + realisedGrams + " g");
            }
        }

        public Share share(PartnerId member) {
            return shares.stream().filter(share -> share.member().equals(member)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException(member + " has no emissions share"));
        }
    }

    record NotAllocated(EmissionsMethod method, String rule, long realisedGrams, long optimumGrams,
            Decision.Rejected reason) implements EmissionsSettlement {
        public NotAllocated {
            Objects.requireNonNull(method, "method");
            Objects.requireNonNull(reason, "reason");
        }
    }
}
