package com.backhaulexchange.adapter.sqs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.backhaulexchange.lane.LaneExamples;
import com.backhaulexchange.lane.LaneKind;
import com.backhaulexchange.lane.PendingMatchRequest;
import com.backhaulexchange.lane.PostedLane;
import com.backhaulexchange.adapter.sqs.MatchRequestMessages.MalformedMatchRequestException;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class MatchRequestMessagesTest {

    @Test
    void whatIsEncodedDecodesToTheSameLane() {
        var lane = new PostedLane.Load(LaneExamples.load(), LaneExamples.NOW, LaneExamples.NOW);

        var decoded = MatchRequestMessages.decode(MatchRequestMessages.encode(
                PendingMatchRequest.forNewLane(lane, Duration.ofMinutes(2))));

        assertThat(decoded.laneId()).isEqualTo(lane.laneId());
        assertThat(decoded.kind()).isEqualTo(LaneKind.LOAD);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "", "not json", "[]", "\"01JDFRT0000000000000000001\"", "{}",
        "{\"laneId\": \"01JDFRT0000000000000000001\"}",
        "{\"laneId\": \"lane-1\", \"laneKind\": \"LOAD\"}",
        "{\"laneId\": 42, \"laneKind\": \"LOAD\"}",
        "{\"laneId\": \"01JDFRT0000000000000000001\", \"laneKind\": \"TRUCK\"}",
        "{\"laneId\": \"01JDFRT0000000000000000001\", \"laneKind\": \"LOAD\", \"priority\": 1}",
        "{\"laneId\": \"01JDFRT0000000000000000001\", \"laneKind\": \"LOAD\"} trailing"})
    void anythingElseIsMalformed(String body) {
        assertThatThrownBy(() -> MatchRequestMessages.decode(body)).isInstanceOf(MalformedMatchRequestException.class);
    }

    @Test
    void aMissingBodyIsMalformed() {
        assertThatThrownBy(() -> MatchRequestMessages.decode(null)).isInstanceOf(MalformedMatchRequestException.class);
    }
}
