package com.backhaulexchange.function.settlement;

import com.backhaulexchange.function.settlement.AllocationPreview.Allocated;
import com.backhaulexchange.function.settlement.AllocationPreview.Blocking;
import com.backhaulexchange.function.settlement.AllocationPreview.Command;
import com.backhaulexchange.function.settlement.AllocationPreview.Kind;
import com.backhaulexchange.function.settlement.AllocationPreview.Preview;
import com.backhaulexchange.function.settlement.AllocationPreview.Refused;
import com.backhaulexchange.function.settlement.AllocationPreview.RuleName;
import java.util.ArrayList;
import java.util.List;

/**
 * The allocation preview's response (the {@code AllocationPreview} schema), a record whose components are its
 * fields in order; absent fields are nulls the mapper leaves out. A cost game's blocking coalitions name their
 * cost and allocated cost, a value game's their value and allocation.
 */
record PreviewView(
        List<String> players,
        String kind,
        double grandCoalitionValue,
        Double grandCoalitionCost,
        List<ResultView> results) {

    /** One rule's outcome: allocated or refused. */
    sealed interface ResultView permits AllocatedView, RefusedView {
    }

    record AllocatedView(String rule, String outcome, List<ShareView> shares, SamplingView sampling,
            StabilityView stability, List<String> remarks) implements ResultView {
    }

    record ShareView(String player, double share, Double costShare, Double standardError) {
    }

    record SamplingView(int permutations, long seed) {
    }

    record StabilityView(boolean inCore, boolean efficient, double tolerance, int blockingCount,
            List<BlockingView> blocking) {
    }

    record BlockingView(List<String> members, Double value, Double cost, Double allocated, Double allocatedCost,
            double gap) {
    }

    record RefusedView(String rule, String outcome, String reasonCode, String detail) implements ResultView {
    }

    static PreviewView of(Preview preview) {
        Command command = preview.command();
        return new PreviewView(command.players(), command.kind().name(), preview.grandCoalitionValue(),
                preview.grandCoalitionCost().orElse(null), preview.results().stream().map(result -> switch (result) {
                    case Allocated allocated -> allocated(command, allocated);
                    case Refused refused -> (ResultView) new RefusedView(refused.rule().name(), "REFUSED",
                            refused.reasonCode(), refused.detail());
                }).toList());
    }

    private static ResultView allocated(Command command, Allocated allocated) {
        List<ShareView> shares = new ArrayList<>();
        for (int i = 0; i < command.players().size(); i++) {
            int player = i;
            shares.add(new ShareView(command.players().get(i), allocated.shares().get(i),
                    allocated.costShares().map(costs -> costs.get(player)).orElse(null),
                    allocated.standardErrors().isEmpty() ? null : allocated.standardErrors().get(i)));
        }
        SamplingView sampling = allocated.rule() == RuleName.SAMPLED_SHAPLEY
                ? new SamplingView(command.permutations(), command.seed()) : null;
        boolean cost = command.kind() == Kind.COST;
        List<BlockingView> blocking = new ArrayList<>();
        for (Blocking coalition : allocated.blocking()) {
            blocking.add(new BlockingView(coalition.members(), cost ? null : coalition.number(),
                    cost ? coalition.number() : null, cost ? null : coalition.allocated(),
                    cost ? coalition.allocated() : null, coalition.gap()));
        }
        return new AllocatedView(allocated.rule().name(), "ALLOCATED", shares, sampling,
                new StabilityView(allocated.inCore(), allocated.efficient(), allocated.tolerance(),
                        allocated.blockingCount(), blocking), allocated.remarks());
    }
}
