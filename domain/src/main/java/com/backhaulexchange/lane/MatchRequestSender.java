package com.backhaulexchange.lane;

/** Hands match requests to the match engine (a queue in production). */
public interface MatchRequestSender {

    /** @throws MatchRequestNotSentException when the request could not be handed over */
    void send(PendingMatchRequest request);

    /** The request did not reach the queue; the outbox entry stays and the sweeper sends it later. */
    class MatchRequestNotSentException extends RuntimeException {
        public MatchRequestNotSentException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
