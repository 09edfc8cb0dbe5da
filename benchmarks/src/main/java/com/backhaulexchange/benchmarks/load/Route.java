package com.backhaulexchange.benchmarks.load;

/**
 * The requests of the load mix, each with its share of the traffic (weights out of 100): mostly reads, as on a
 * load board, where each posting is looked at many times; a tenth of the requests post a lane, and each posting
 * is a match request for the SQS-triggered match engine.
 */
enum Route {
    POST_CAPACITY_LANE("POST /lanes/capacity", 5),
    POST_LOAD_LANE("POST /lanes/loads", 5),
    READ_LANE_MATCHES("GET /lanes/{laneId}/matches", 45),
    READ_MATCH("GET /matches/{matchId}", 25),
    OPEN_NEGOTIATION("POST /matches/{matchId}/negotiations", 12),
    ACCEPT_OFFER("POST /negotiations/{negotiationId}/accept", 8);

    final String label;
    final int weight;

    Route(String label, int weight) {
        this.label = label;
        this.weight = weight;
    }
}
