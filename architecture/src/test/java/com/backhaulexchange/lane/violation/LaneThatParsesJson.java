package com.backhaulexchange.lane.violation;

import com.backhaulexchange.matching.violation.MatchThatReadsDynamoDb;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Breaks the layering on purpose (Jackson in the domain, lane → matching → lane): the rules must catch it. */
public class LaneThatParsesJson {
    public String parse(String json) throws Exception {
        return new ObjectMapper().readTree(json).path("laneId").asText() + new MatchThatReadsDynamoDb().hashCode();
    }
}
