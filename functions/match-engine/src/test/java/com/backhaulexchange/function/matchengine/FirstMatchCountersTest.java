package com.backhaulexchange.function.matchengine;

import static org.assertj.core.api.Assertions.assertThat;

import com.backhaulexchange.adapter.dynamodb.DynamoDbNetworkStore;
import com.backhaulexchange.deal.network.NetworkCounters;
import com.backhaulexchange.deal.network.NetworkEntry;
import com.backhaulexchange.deal.network.NetworkWeek;
import com.backhaulexchange.partner.Partner;
import com.backhaulexchange.testing.Postings;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A lane's first match ADDs to the network counters once (ADR 41), in the match's transaction, with the
 * seconds from its posting: matching again, a redelivered request or a second match of the same truck counts
 * nothing more for it.
 */
class FirstMatchCountersTest {
    private MatchEngineFixture fixture;
    private Partner carrier;
    private Partner shipper;

    @BeforeEach
    void freshTables() {
        fixture = new MatchEngineFixture();
        carrier = fixture.carrier();
        shipper = fixture.shipper();
    }

    private NetworkCounters week47() {
        var week = NetworkWeek.parse("2026-W47");
        return new DynamoDbNetworkStore(fixture.dynamoDb, fixture.analyticsTable).allRegions(week, week).stream()
                .map(NetworkEntry::counters).reduce(NetworkCounters.ZERO, NetworkCounters::plus);
    }

    @Test
    void eachLaneCountsItsFirstMatchOnceWithTheTimeFromItsPosting() {
        var truck = fixture.postings.post(Postings.truck(carrier.id()));
        fixture.clock.advance(Duration.ofSeconds(90));
        var load = fixture.postings.post(Postings.load(shipper.id()));
        fixture.clock.advance(Duration.ofSeconds(30));

        fixture.match(load);
        fixture.match(truck);
        fixture.match(load);

        NetworkCounters counters = week47();
        assertThat(counters.lanesFirstMatched()).isEqualTo(2);
        assertThat(counters.firstMatchSecondsTotal()).as("truck 120 s, load 30 s").isEqualTo(150);

        var second = fixture.postings.post(Postings.load(fixture.shipper().id()));
        fixture.clock.advance(Duration.ofSeconds(10));
        fixture.match(second);

        assertThat(week47().lanesFirstMatched()).as("the second load; the truck not again").isEqualTo(3);
        assertThat(week47().firstMatchSecondsTotal()).isEqualTo(160);
    }
}
