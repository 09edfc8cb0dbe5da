package com.backhaulexchange.function.negotiationbooking;


import static org.assertj.core.api.Assertions.assertThat;

import com.backhaulexchange.deal.booking.BookingStatus;
import com.backhaulexchange.lane.LaneStatus;
import com.backhaulexchange.testing.Postings;
import com.backhaulexchange.testing.RecordingContext;
import com.backhaulexchange.testing.Reply;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Real concurrency against DynamoDB Local: many accepts released at once, through the handler, on threads
 * of their own. Whatever the interleaving, one booking is made and every other caller gets 409.
 */
class ConcurrentAcceptTest {
    private static final int CONTENDERS = 8;

    @Test
    void aShipperAcceptingEightCarriersOffersForOneLoadAtOnceBooksExactlyOne() throws Exception {
        var fixture = new DealFixture();
        var shipper = fixture.shipper();
        var load = fixture.postings.post(Postings.load(shipper.partner().id()));
        List<String> negotiations = new ArrayList<>();
        List<String> trucks = new ArrayList<>();
        for (int i = 0; i < CONTENDERS; i++) {
            var carrier = fixture.carrier();
            var truck = fixture.postings.post(Postings.truck(carrier.partner().id()));
            var match = fixture.match(carrier, truck, load);
            var opened = fixture.offer(carrier, new DealFixture.Deal(truck, load, match), 200_000 + i * 1_000);
            assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
            negotiations.add(opened.json().path("negotiationId").asText());
            trucks.add(truck.laneId());
        }

        List<Reply> replies = releaseAtOnce(negotiations.stream().<Callable<Reply>>map(id -> () -> accept(fixture,
                shipper, id)).toList());

        assertThat(replies).filteredOn(reply -> reply.status() == 200).hasSize(1);
        assertThat(replies).filteredOn(reply -> reply.status() == 409).hasSize(CONTENDERS - 1)
                .allSatisfy(reply -> assertThat(reply.headers().get("Content-Type"))
                        .isEqualTo("application/problem+json"));
        var bookings = fixture.deals.listForParty(shipper.partner().id(), (BookingStatus) null, 50, null).items();
        assertThat(bookings).hasSize(1);
        assertThat(fixture.lanes.findLane(load.laneId()).orElseThrow().status()).isEqualTo(LaneStatus.BOOKED);
        assertThat(trucks).filteredOn(id -> fixture.lanes.findLane(id).orElseThrow().status() == LaneStatus.BOOKED)
                .containsExactly(bookings.getFirst().capacityLaneId().value());
    }

    @Test
    void theSameAcceptSentEightTimesAtOnceBooksOnceAndTheOthersAreConflicts() throws Exception {
        var fixture = new DealFixture();
        var carrier = fixture.carrier();
        var shipper = fixture.shipper();
        var deal = fixture.matched(carrier, shipper);
        String id = fixture.offer(shipper, deal, 190_000).json().path("negotiationId").asText();

        List<Callable<Reply>> accepts = new ArrayList<>();
        for (int i = 0; i < CONTENDERS; i++) {
            accepts.add(() -> accept(fixture, carrier, id));
        }
        List<Reply> replies = releaseAtOnce(accepts);

        assertThat(replies).filteredOn(reply -> reply.status() == 200).hasSize(1);
        assertThat(replies).filteredOn(reply -> reply.status() == 409).hasSize(CONTENDERS - 1);
        assertThat(fixture.deals.listForParty(carrier.partner().id(), (BookingStatus) null, 50, null).items())
                .hasSize(1);
    }

    private static Reply accept(DealFixture fixture, DealFixture.Caller caller, String negotiationId) {
        var event = DealFixture.event("accept-offer.json", caller.values("PATH_NEGOTIATION_ID", negotiationId));
        return Reply.of(fixture.handler.handleRequest(event, new RecordingContext()));
    }

    /** Starts every call on its own thread and lets them all go at the same instant. */
    static List<Reply> releaseAtOnce(List<Callable<Reply>> calls) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(calls.size());
        try {
            CountDownLatch ready = new CountDownLatch(calls.size());
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Reply>> futures = new ArrayList<>();
            for (Callable<Reply> call : calls) {
                futures.add(threads.submit(() -> {
                    ready.countDown();
                    go.await();
                    return call.call();
                }));
            }
            assertThat(ready.await(10, TimeUnit.SECONDS)).isTrue();
            go.countDown();
            List<Reply> replies = new ArrayList<>();
            for (Future<Reply> future : futures) {
                replies.add(future.get(60, TimeUnit.SECONDS));
            }
            return replies;
        } finally {
            threads.shutdownNow();
        }
    }
}
