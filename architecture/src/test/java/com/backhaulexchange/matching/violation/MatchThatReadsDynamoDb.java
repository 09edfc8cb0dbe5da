package com.backhaulexchange.matching.violation;

import com.backhaulexchange.adapter.dynamodb.DynamoDbMatchRepository;
import com.backhaulexchange.lane.violation.LaneThatParsesJson;

/** Breaks the layering on purpose (an adapter in the domain, a cycle back to lane): the rules must catch it. */
public class MatchThatReadsDynamoDb {
    DynamoDbMatchRepository repository;
    LaneThatParsesJson lane;
}
