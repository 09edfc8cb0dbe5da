package com.backhaulexchange.benchmarks.load;

/** The requests of the load mix, each with its share of the traffic (weights out of 100). */
enum Route {
    POST_CAPACITY_LANE("POST /lanes/capacity", 15),
    POST_LOAD_LANE("POST /lanes/loads", 15),
    READ_LANE_MATCHES("GET /lanes/{laneId}/matches", 35),
    READ_MATCH("GET /matches/{matchId}", 15),
    OPEN_NEGOTIATION("POST /matches/{matchId}/negotiations", 12),
    ACCEPT_OFFER("POST /negotiations/{negotiationId}/accept", 8);

    final String label;
    final int weight;

    Route(String label, int weight) {
        this.label = label;
        this.weight = weight;
    }
}
