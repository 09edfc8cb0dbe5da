package com.backhaulexchange.adapter.lambda;

import com.amazonaws.services.lambda.runtime.LambdaRuntime;
import java.util.List;
import java.util.Map;
import org.crac.Core;
import org.crac.Resource;

/**
 * A function's SnapStart priming (ADR 7): the CRaC resource whose {@code beforeCheckpoint} runs the function's
 * code paths once before Lambda snapshots the initialised environment, so the first request after a restore
 * finds its classes loaded, its schemas compiled and its SDK clients' marshalling warmed.
 *
 * <p>A step may read (an id nothing can have, a query over a range nothing falls in) and compute; it must not
 * write, send or call out of the account, and must not keep anything unique to this environment (a random
 * value, a token, a timestamp): every execution environment restored from the snapshot would share it. Each
 * function's tests run its priming on DynamoDB Local and check that the tables are unchanged.
 *
 * <p>A step that throws fails the checkpoint, so a version whose priming is broken is not published.
 *
 * <p>CRaC holds registered resources through weak references: the handler must keep its {@code Priming} in a
 * field, or the resource may be collected before the checkpoint and nothing is primed.
 */
public final class Priming implements Resource {
    /** An id of the ULID shape that nothing is ever given: what priming reads. */
    public static final String ABSENT_ID = "00000000000000000000000000";

    /** One priming step: reads and computation only. */
    @FunctionalInterface
    public interface Step {
        void run() throws Exception;
    }

    private final String function;
    private final List<Step> steps;

    private Priming(String function, List<Step> steps) {
        this.function = function;
        this.steps = List.copyOf(steps);
    }

    /** Registers the steps with the global CRaC context, to run in this order before the checkpoint. */
    public static Priming register(Class<?> handler, Step... steps) {
        return register(handler, List.of(steps));
    }

    public static Priming register(Class<?> handler, List<Step> steps) {
        var priming = new Priming(handler.getSimpleName(), steps);
        Core.getGlobalContext().register(priming);
        return priming;
    }

    /** Runs every step, then logs how long priming took. */
    public void prime() throws Exception {
        long started = System.nanoTime();
        for (Step step : steps) {
            step.run();
        }
        LambdaRuntime.getLogger().log(StructuredLog.line("INFO", "snapstart priming done", Map.of(
                "handler", function, "steps", steps.size(), "millis", (System.nanoTime() - started) / 1_000_000)));
    }

    @Override
    public void beforeCheckpoint(org.crac.Context<? extends Resource> context) throws Exception {
        prime();
    }

    /**
     * Nothing to refresh: the SDK clients open their connections on demand, java.security.SecureRandom is
     * reseeded on restore (SnapStart guarantees it), and priming kept nothing unique.
     */
    @Override
    public void afterRestore(org.crac.Context<? extends Resource> context) {
    }

    /** How many steps run before the checkpoint. */
    public int steps() {
        return steps.size();
    }

    @Override
    public String toString() {
        return "Priming[" + function + ", " + steps.size() + " steps]";
    }
}
