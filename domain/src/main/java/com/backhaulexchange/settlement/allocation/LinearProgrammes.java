package com.backhaulexchange.settlement.allocation;

import org.ojalgo.optimisation.Expression;
import org.ojalgo.optimisation.ExpressionsBasedModel;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.Variable;

/**
 * The few linear-programme shapes the nucleolus and the equal profit method share, on ojAlgo's
 * {@link ExpressionsBasedModel}. Values are scaled by the caller to at most 1 in magnitude, so the solver's
 * absolute tolerances are relative ones.
 */
final class LinearProgrammes {

    static {
        // ojAlgo's presolvers (a JVM-wide list) turn one-variable rows into bounds and tighten them in floating
        // point; on the near-degenerate programmes of the nucleolus (imputations with no room left) that ends
        // in INVALID or INFEASIBLE for feasible models. These programmes are small and dense: the plain
        // simplex needs no presolve. This project uses ojAlgo for nothing else (ADR 13).
        ExpressionsBasedModel.clearPresolvers();
    }

    private LinearProgrammes() {
    }

    /** A model with one variable x_i per player (lower bound {@code lower[i]}, or free when null). */
    static final class Model {
        final ExpressionsBasedModel model = new ExpressionsBasedModel();
        final Variable[] shares;
        private int constraints;

        Model(int players, double[] lower) {
            shares = new Variable[players];
            for (int i = 0; i < players; i++) {
                shares[i] = model.addVariable("x" + i);
                if (lower != null) {
                    shares[i].lower(lower[i]);
                }
            }
        }

        Variable variable(String name) {
            return model.addVariable(name);
        }

        /** x(S) + Σ extra coefficient·variable, as an expression the caller bounds. */
        Expression coalition(long mask) {
            Expression expression = model.addExpression("c" + constraints++);
            for (long rest = mask; rest != 0; rest &= rest - 1) {
                expression.set(shares[Long.numberOfTrailingZeros(rest)], 1);
            }
            return expression;
        }

        Expression expression() {
            return model.addExpression("c" + constraints++);
        }

        Solution minimise() {
            return solution(model.minimise());
        }

        Solution maximise() {
            return solution(model.maximise());
        }

        private Solution solution(Optimisation.Result result) {
            if (!result.getState().isOptimal()) {
                throw new IllegalStateException("linear programme not solved to optimality: " + result.getState());
            }
            return new Solution(result);
        }
    }

    record Solution(Optimisation.Result result) {
        double value() {
            return result.getValue();
        }

        double variable(Variable variable) {
            return result.doubleValue(variable.getIndex().index);
        }

        double[] shares(Model model) {
            double[] shares = new double[model.shares.length];
            for (int i = 0; i < shares.length; i++) {
                shares[i] = variable(model.shares[i]);
            }
            return shares;
        }
    }
}
