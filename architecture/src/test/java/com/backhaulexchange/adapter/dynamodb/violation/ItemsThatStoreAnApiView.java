package com.backhaulexchange.adapter.dynamodb.violation;

import com.backhaulexchange.adapter.json.LaneView;
import com.backhaulexchange.lane.PostedLane;
import java.time.Instant;

/** Breaks the layering on purpose (an API view as the stored document): the rules must catch it. */
public class ItemsThatStoreAnApiView {
    public String laneDocument(PostedLane lane) {
        return LaneView.of(lane, Instant.EPOCH).toString();
    }
}
