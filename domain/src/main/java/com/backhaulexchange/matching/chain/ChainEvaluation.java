package com.backhaulexchange.matching.chain;

import java.util.List;
import java.util.Objects;

/** The verdict on one ordered chain. */
public sealed interface ChainEvaluation {

    ChainExplanation explanation();

    default ReloadPackageId packageId() {
        return explanation().packageId();
    }

    record Feasible(ChainExplanation explanation, ChainScore score) implements ChainEvaluation {
        public Feasible {
            Objects.requireNonNull(explanation, "explanation");
            Objects.requireNonNull(score, "score");
        }
    }

    /** Every rule the chain breaks, each with its leg, and the explanation that shows by how much. */
    record Infeasible(List<ChainRejection> rejections, ChainExplanation explanation) implements ChainEvaluation {
        public Infeasible {
            rejections = List.copyOf(rejections);
            if (rejections.isEmpty()) {
                throw new IllegalArgumentException("an infeasible chain breaks at least one rule");
            }
            Objects.requireNonNull(explanation, "explanation");
        }

        public List<String> reasonCodes() {
            return rejections.stream().map(ChainRejection::reasonCode).toList();
        }
    }
}
