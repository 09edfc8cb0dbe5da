package com.backhaulexchange.function.laneposting;

import com.backhaulexchange.lane.MatchRequestOutbox;
import com.backhaulexchange.lane.MatchRequestSender;
import com.backhaulexchange.lane.PendingMatchRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/**
 * Re-sends match requests still pending after {@code resendAfter} (ADR 10): the posting's own send failed,
 * or its message is still being retried. Sending again is safe because matching is idempotent. A request
 * sent {@code maxResends} times is abandoned: its messages failed into the dead-letter queue, where an
 * operator looks; re-sending it forever would only fill that queue.
 */
public final class MatchRequestSweeper {
    /** Due requests are read in pages of this size, up to {@link #MAX_PER_SWEEP} per run. */
    static final int PAGE_SIZE = 100;
    static final int MAX_PER_SWEEP = 1_000;

    public record Outcome(int due, int resent, int abandoned, int notSent) {
    }

    private final MatchRequestOutbox outbox;
    private final MatchRequestSender sender;
    private final Clock clock;
    private final Duration resendAfter;
    private final int maxResends;
    private final Consumer<String> log;

    public MatchRequestSweeper(MatchRequestOutbox outbox, MatchRequestSender sender, Clock clock,
            Duration resendAfter, int maxResends, Consumer<String> log) {
        this.outbox = outbox;
        this.sender = sender;
        this.clock = clock;
        this.resendAfter = resendAfter;
        this.maxResends = maxResends;
        this.log = log;
    }

    public Outcome sweep() {
        Instant now = clock.instant();
        int due = 0;
        int resent = 0;
        int abandoned = 0;
        int notSent = 0;
        while (due < MAX_PER_SWEEP) {
            List<PendingMatchRequest> page = outbox.dueForResend(now, PAGE_SIZE);
            due += page.size();
            int notSentBefore = notSent;
            for (PendingMatchRequest request : page) {
                if (request.sendCount() >= maxResends) {
                    outbox.abandon(request, now);
                    log.accept("match request of lane " + request.laneId() + " abandoned after " + request.sendCount()
                            + " resends; see the dead-letter queue");
                    abandoned++;
                    continue;
                }
                try {
                    sender.send(request);
                    outbox.rescheduled(request, now.plus(resendAfter));
                    resent++;
                } catch (MatchRequestSender.MatchRequestNotSentException e) {
                    notSent++;
                }
            }
            // A short page is the last one; unsent requests stay due, so reading on would find them again.
            if (page.size() < PAGE_SIZE || notSent > notSentBefore) {
                break;
            }
        }
        return new Outcome(due, resent, abandoned, notSent);
    }
}
