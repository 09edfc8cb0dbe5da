package com.backhaulexchange.matching;

import com.backhaulexchange.kernel.policy.Decision;
import java.util.List;
import java.util.Objects;

/** The verdict on one capacity/load pair. */
public sealed interface MatchEvaluation {

    MatchExplanation explanation();

    record Feasible(MatchExplanation explanation, MatchScore score) implements MatchEvaluation {
        public Feasible {
            Objects.requireNonNull(explanation, "explanation");
            Objects.requireNonNull(score, "score");
        }
    }

    /** Every rule the pair breaks (not only the first), with the explanation that shows by how much. */
    record Infeasible(List<Decision.Rejected> rejections, MatchExplanation explanation) implements MatchEvaluation {
        public Infeasible {
            rejections = List.copyOf(rejections);
            if (rejections.isEmpty()) {
                throw new IllegalArgumentException("an infeasible pair breaks at least one rule");
            }
            Objects.requireNonNull(explanation, "explanation");
        }

        public List<String> reasonCodes() {
            return rejections.stream().map(Decision.Rejected::reasonCode).toList();
        }
    }
}
