package com.backhaulexchange.benchmarks.matching;

import com.backhaulexchange.lane.LaneRepository;
import com.backhaulexchange.lane.PendingMatchRequest;
import com.backhaulexchange.lane.PostedLane;
import com.backhaulexchange.lane.CandidateKeys;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Writes lanes through the production write path, {@link LaneRepository#post}: the lane, its candidate-index
 * entries under exactly the keys the lane-posting function computes, its region entry and its outbox entry,
 * in one transaction per lane. The repository has no batch write (a posting is a transaction), so lanes
 * are posted from several threads.
 */
final class BookLoader {
    static final Duration RESEND_AFTER = Duration.ofMinutes(5);

    private final LaneRepository lanes;
    private final CandidateKeys candidateKeys;
    private final int threads;

    BookLoader(LaneRepository lanes, CandidateKeys candidateKeys, int threads) {
        this.lanes = lanes;
        this.candidateKeys = candidateKeys;
        this.threads = threads;
    }

    void post(PostedLane lane) {
        var keys = switch (lane) {
            case PostedLane.Capacity capacity -> candidateKeys.capacityIndexKeys(capacity.lane());
            case PostedLane.Load load -> candidateKeys.loadIndexKeys(load.lane());
        };
        lanes.post(lane, keys, PendingMatchRequest.forNewLane(lane, RESEND_AFTER), null);
    }

    /** Posts every lane; returns the wall-clock time it took. */
    Duration postAll(List<PostedLane> book) {
        long started = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            int chunk = (book.size() + threads - 1) / threads;
            List<Future<?>> parts = new ArrayList<>();
            for (int from = 0; from < book.size(); from += chunk) {
                List<PostedLane> part = book.subList(from, Math.min(book.size(), from + chunk));
                parts.add(pool.submit(() -> part.forEach(this::post)));
            }
            for (Future<?> part : parts) {
                part.get();
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("loading the book failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            pool.shutdownNow();
        }
        return Duration.ofNanos(System.nanoTime() - started);
    }
}
