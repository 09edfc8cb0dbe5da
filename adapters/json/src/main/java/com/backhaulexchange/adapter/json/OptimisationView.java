package com.backhaulexchange.adapter.json;

import com.backhaulexchange.matching.OptimisationPlan;
import java.util.List;

/** The response of an optimisation as the operator reads it: how many regions were optimised, and their plans. */
public record OptimisationView(int regionsOptimised, List<OptimisationPlanView> plans) {

    public static OptimisationView of(int regionsOptimised, List<OptimisationPlan> plans) {
        return new OptimisationView(regionsOptimised, plans.stream().map(OptimisationPlanView::of).toList());
    }
}
