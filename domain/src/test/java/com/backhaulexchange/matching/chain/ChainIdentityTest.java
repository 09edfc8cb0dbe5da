package com.backhaulexchange.matching.chain;

import static com.backhaulexchange.matching.chain.ChainExamples.chicagoToIndianapolis;
import static com.backhaulexchange.matching.chain.ChainExamples.chicagoToPittsburgh;
import static com.backhaulexchange.matching.chain.ChainExamples.daytonToPittsburgh;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.backhaulexchange.lane.LaneExamples;
import com.backhaulexchange.lane.LaneStatus;
import com.backhaulexchange.matching.MatchId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChainIdentityTest {

    @Test
    void isTheFirst128BitsOfTheSha256OfTheLaneAndTheOrderedLoads() throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(
                "01JDCAP0000000000000000001:01JDFRT0000000000000000001>01JDFRT0000000000000000002"
                        .getBytes(StandardCharsets.US_ASCII));
        assertThat(ReloadPackageId.of(LaneExamples.capacityId(1), List.of(LaneExamples.loadId(1),
                LaneExamples.loadId(2))).value()).isEqualTo(HexFormat.of().formatHex(digest, 0, 16));
    }

    @Test
    void theSameLaneAndLoadsInTheSameOrderGiveTheSamePackage() {
        var once = new ReloadPackage(chicagoToPittsburgh(), List.of(chicagoToIndianapolis(), daytonToPittsburgh()));
        // A redelivered request sees the lanes again, perhaps in another state: the id depends on the ids only.
        var again = new ReloadPackage(chicagoToPittsburgh().withStatus(LaneStatus.MATCHED),
                List.of(chicagoToIndianapolis(), daytonToPittsburgh().withStatus(LaneStatus.MATCHED)));
        assertThat(again.id()).isEqualTo(once.id());
    }

    @Test
    void anotherOrderOrAnotherLaneIsAnotherPackage() {
        var forward = new ReloadPackage(chicagoToPittsburgh(), List.of(chicagoToIndianapolis(), daytonToPittsburgh()));
        var backward = new ReloadPackage(chicagoToPittsburgh(), List.of(daytonToPittsburgh(), chicagoToIndianapolis()));
        var otherLane = new ReloadPackage(LaneExamples.capacityBuilder().id(LaneExamples.capacityId(2)).build(),
                List.of(chicagoToIndianapolis(), daytonToPittsburgh()));
        assertThat(backward.id()).isNotEqualTo(forward.id());
        assertThat(otherLane.id()).isNotEqualTo(forward.id());
        assertThat(forward.id().value()).isNotEqualTo(MatchId.of(LaneExamples.capacityId(1), LaneExamples.loadId(1))
                .value());
    }

    @Test
    void acceptsOnlyItsOwnFormat() {
        assertThatThrownBy(() -> new ReloadPackageId("not-hex")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ReloadPackageId(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
