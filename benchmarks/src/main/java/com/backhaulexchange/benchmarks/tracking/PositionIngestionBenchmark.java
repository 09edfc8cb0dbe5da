package com.backhaulexchange.benchmarks.tracking;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.backhaulexchange.adapter.dynamodb.DealItems;
import com.backhaulexchange.adapter.dynamodb.DynamoDbLaneRepository;
import com.backhaulexchange.adapter.dynamodb.DynamoDbPartnerRepository;
import com.backhaulexchange.benchmarks.MachineInfo;
import com.backhaulexchange.benchmarks.matching.Percentiles;
import com.backhaulexchange.deal.booking.Booking;
import com.backhaulexchange.deal.booking.BookingEvent;
import com.backhaulexchange.deal.booking.BookingId;
import com.backhaulexchange.deal.booking.BookingStatus;
import com.backhaulexchange.deal.negotiation.AccessorialTerms;
import com.backhaulexchange.deal.negotiation.NegotiationId;
import com.backhaulexchange.function.negotiationbooking.NegotiationBookingHandler;
import com.backhaulexchange.kernel.geo.Coordinates;
import com.backhaulexchange.kernel.id.Ulid;
import com.backhaulexchange.kernel.money.Money;
import com.backhaulexchange.lane.CapacityLaneId;
import com.backhaulexchange.lane.PostedLane;
import com.backhaulexchange.matching.MatchId;
import com.backhaulexchange.partner.Partner;
import com.backhaulexchange.partner.PartnerExamples;
import com.backhaulexchange.testing.DynamoDbLocalServer;
import com.backhaulexchange.testing.ElasticMqServer;
import com.backhaulexchange.testing.Postings;
import com.backhaulexchange.testing.RecordingContext;
import com.backhaulexchange.testing.SampleEventFiles;
import com.backhaulexchange.testing.TemplateTables;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Issue 14's measured must: how many position updates a second does one instance of the function that owns bookings
 * absorb, and how many DynamoDB writes does an update cost? On DynamoDB Local and ElasticMQ in-process, on loopback.
 *
 * <p>Seeding: {@code bench.positions.bookings} picked-up bookings from Dallas to St. Louis, booked two days ago (a
 * report may not be older than its booking), written as the booking store reads them. Then
 * {@code bench.positions.updates} requests of {@code POST /bookings/{bookingId}/positions}, each with
 * {@code bench.positions.perRequest} reports (an ELD or telematics integration reporting every minute sends one),
 * round robin over the bookings, each booking's truck moving along its route with increasing times, sent one after
 * another to one handler instance (a Lambda instance serves one request at a time); the first
 * {@code bench.positions.warmUps} are not measured. Every DynamoDB call of the handler's own clients is counted by
 * {@link DynamoDbCallCounter}. Checks (the run fails otherwise): every request answers 200, and each booking's
 * tracking holds the last report sent.
 */
public final class PositionIngestionBenchmark {
    private PositionIngestionBenchmark() {
    }

    public static void main(String[] args) {
        try {
            String report = run(Integer.getInteger("bench.positions.bookings", 20),
                    Integer.getInteger("bench.positions.updates", 20_000),
                    Integer.getInteger("bench.positions.perRequest", 1),
                    Integer.getInteger("bench.positions.warmUps", 1_000),
                    Path.of(System.getProperty("bench.eventsDirectory", "events/negotiation-booking")));
            System.out.println(report);
            Path output = Path.of(System.getProperty("bench.outputDirectory", "benchmarks/target"),
                    "positions-benchmark.md");
            Files.createDirectories(output.getParent());
            Files.writeString(output, report);
            System.out.println("Written to " + output);
        } catch (Throwable e) {
            e.printStackTrace();
            System.exit(1);
        }
        // DynamoDB Local's threads would keep the JVM alive.
        System.exit(0);
    }

    private record Trip(Booking booking, Partner carrier, Coordinates from, Coordinates to, Instant start) {
    }

    private static String run(int bookings, int updates, int perRequest, int warmUps, Path events) throws Exception {
        var dynamoDb = DynamoDbLocalServer.shared().client();
        var sqs = ElasticMqServer.shared().client();
        String partnersTable = TemplateTables.createFresh(dynamoDb, "PartnersTable");
        String lanesTable = TemplateTables.createFresh(dynamoDb, "LanesTable");
        String negotiationsTable = TemplateTables.createFresh(dynamoDb, "NegotiationsTable");
        String queueUrl = sqs.createQueue(request -> request.queueName("notifications-" + UUID.randomUUID()))
                .queueUrl();
        Map<String, String> variables = new HashMap<>();
        variables.put("PARTNERS_TABLE_NAME", partnersTable);
        variables.put("LANES_TABLE_NAME", lanesTable);
        variables.put("NEGOTIATIONS_TABLE_NAME", negotiationsTable);
        variables.put("NOTIFICATION_QUEUE_URL", queueUrl);
        // No position report touches a document: the bucket is named, never created.
        variables.put("DOCUMENTS_BUCKET_NAME", "documents-unused");
        variables.put("AWS_ENDPOINT_URL_S3", "http://127.0.0.1:9");
        var handler = new NegotiationBookingHandler(ElasticMqServer.shared().withEndpoint(
                DynamoDbLocalServer.shared().functionEnvironment(variables)));

        Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        Instant bookedAt = now.minus(Duration.ofDays(2));
        var ids = new Ulid(Clock.systemUTC(), new SecureRandom());
        var partners = new DynamoDbPartnerRepository(dynamoDb, partnersTable);
        var postings = new Postings(new DynamoDbLaneRepository(dynamoDb, lanesTable), Clock.fixed(bookedAt,
                ZoneOffset.UTC));
        List<Trip> trips = new ArrayList<>();
        for (int b = 0; b < bookings; b++) {
            Partner carrier = PartnerExamples.registerIn(partners, PartnerExamples.registeredCarrier());
            Partner shipper = PartnerExamples.registerIn(partners, PartnerExamples.registeredShipper());
            PostedLane.Load load = postings.post(Postings.load(shipper.id()));
            Booking booking = pickedUp(ids, carrier, shipper, load, bookedAt);
            dynamoDb.putItem(request -> request.tableName(negotiationsTable).item(bookingItem(booking)));
            trips.add(new Trip(booking, carrier, load.lane().origin().coordinates(),
                    load.lane().destination().coordinates(), bookedAt.plus(Duration.ofHours(1))));
        }

        int requestsPerBooking = (updates + warmUps + bookings - 1) / bookings;
        // Times increase per booking, end before now and start after the pickup.
        Duration spacing = Duration.ofMillis(Duration.ofHours(46).toMillis() / ((long) requestsPerBooking * perRequest));
        int[] sent = new int[bookings];
        Instant[] lastSent = new Instant[bookings];
        List<Double> millis = new ArrayList<>();
        String loadBefore = MachineInfo.loadAverage();
        long measuredStarted = 0;
        DynamoDbCallCounter.Snapshot atStart = null;
        for (int request = 0; request < warmUps + updates; request++) {
            if (request == warmUps) {
                DynamoDbCallCounter.reset();
                measuredStarted = System.nanoTime();
            }
            int b = request % bookings;
            Trip trip = trips.get(b);
            StringBuilder positions = new StringBuilder();
            for (int r = 0; r < perRequest; r++) {
                int index = sent[b]++;
                Instant at = trip.start().plus(spacing.multipliedBy(index));
                // Along the great circle's chord, between 5 % and 95 % of the way: never at a stop.
                double share = 0.05 + 0.9 * index / ((double) requestsPerBooking * perRequest);
                double latitude = trip.from().latitudeDegrees()
                        + share * (trip.to().latitudeDegrees() - trip.from().latitudeDegrees());
                double longitude = trip.from().longitudeDegrees()
                        + share * (trip.to().longitudeDegrees() - trip.from().longitudeDegrees());
                positions.append(r == 0 ? "" : ", ").append(String.format(Locale.ROOT,
                        "{\"reportedAt\": \"%s\", \"latitudeDegrees\": %.5f, \"longitudeDegrees\": %.5f,"
                                + " \"speedMph\": 58.5}", at, latitude, longitude));
                lastSent[b] = at;
            }
            var event = event(events, trip, "{\"positions\": [" + positions + "]}");
            long started = System.nanoTime();
            var response = handler.handleRequest(event, new RecordingContext());
            long elapsed = System.nanoTime() - started;
            if (response.getStatusCode() != 200) {
                throw new IllegalStateException("request " + request + " answered " + response.getStatusCode() + ": "
                        + response.getBody());
            }
            if (request >= warmUps) {
                millis.add(elapsed / 1e6);
            }
        }
        double seconds = (System.nanoTime() - measuredStarted) / 1e9;
        var counted = DynamoDbCallCounter.snapshot();
        for (int b = 0; b < bookings; b++) {
            Trip trip = trips.get(b);
            var read = handler.handleRequest(readEvent(events, trip), new RecordingContext());
            if (read.getStatusCode() != 200 || !read.getBody().contains("\"reportedAt\":\"" + lastSent[b] + "\"")) {
                throw new IllegalStateException("booking " + trip.booking().id().value()
                        + " does not hold its last report: " + read.getBody());
            }
        }
        double[] sample = millis.stream().mapToDouble(Double::doubleValue).toArray();
        long reports = (long) updates * perRequest;
        Floor floor = floor(dynamoDb, negotiationsTable, trips, updates, perRequest, warmUps);
        StringBuilder out = new StringBuilder();
        out.append("## Position ingestion\n\n");
        out.append(String.format(Locale.ROOT, "Machine: %d processors, Java %s, %s; load average before %s, after %s. "
                        + "DynamoDB Local and ElasticMQ in-process (loopback). %d bookings, %d measured requests of %d "
                        + "report(s) (after %d warm-up requests), one handler instance, one request at a time.%n%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.runtime.version"),
                System.getProperty("os.name"), loadBefore, MachineInfo.loadAverage(), bookings, updates, perRequest,
                warmUps));
        out.append("| Requests/s | Reports/s | p50 ms | p99 ms | DynamoDB items written per request | per report |"
                + " keyed reads per request | calls per request |\n");
        out.append("|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        long calls = counted.calls().entrySet().stream().filter(entry -> !entry.getKey().startsWith("SendMessage"))
                .mapToLong(Map.Entry::getValue).sum();
        out.append(String.format(Locale.ROOT, "| %.0f | %.0f | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f |%n%n",
                updates / seconds, reports / seconds, Percentiles.median(sample), Percentiles.of(sample, 99),
                counted.itemsWritten() / (double) updates, counted.itemsWritten() / (double) reports,
                counted.itemsReadByKey() / (double) updates, calls / (double) updates));
        out.append("Calls in the measured requests: ").append(counted.calls()).append("\n\n");
        double[] floorSample = floor.millis();
        out.append(String.format(Locale.ROOT, "**Floor**: the same reports stored the naive way, one item per report "
                        + "(%s), with the same SDK against the same DynamoDB Local, nothing read, validated or "
                        + "derived, no JSON, no events: %.0f requests/s, p50 %.2f ms, p99 %.2f ms. "
                        + "The function's p50 is **%.2f× the floor's** (requests/s %.2f× the floor's).%n",
                perRequest == 1 ? "one PutItem a request" : "one BatchWriteItem of " + perRequest + " a request",
                updates / floor.seconds(), Percentiles.median(floorSample), Percentiles.of(floorSample, 99),
                Percentiles.median(sample) / Percentiles.median(floorSample),
                (updates / seconds) / (updates / floor.seconds())));
        return out.toString();
    }

    private record Floor(double[] millis, double seconds) {
    }

    /**
     * The least any ingestion of the same reports does: every report its own item, written without reading or
     * deriving anything (the "one item per ping forever" store the issue rules out). Same client library and server,
     * same warm-up, same number of requests, one after another.
     */
    private static Floor floor(DynamoDbClient dynamoDb, String table,
            List<Trip> trips, int updates, int perRequest, int warmUps) {
        List<Double> millis = new ArrayList<>();
        long measuredStarted = 0;
        Instant base = Instant.now();
        for (int request = 0; request < warmUps + updates; request++) {
            if (request == warmUps) {
                measuredStarted = System.nanoTime();
            }
            Trip trip = trips.get(request % trips.size());
            List<Map<String, AttributeValue>> items = new ArrayList<>(perRequest);
            for (int r = 0; r < perRequest; r++) {
                Instant at = base.plusMillis((long) request * perRequest + r);
                items.add(Map.of("pk", AttributeValue.fromS("PING#" + trip.booking().id().value()),
                        "sk", AttributeValue.fromS(at.toString()),
                        "latitudeDegrees", AttributeValue.fromN("38.12345"),
                        "longitudeDegrees", AttributeValue.fromN("-94.12345"),
                        "speedMph", AttributeValue.fromN("58.5")));
            }
            long started = System.nanoTime();
            if (perRequest == 1) {
                dynamoDb.putItem(put -> put.tableName(table).item(items.get(0)));
            } else {
                for (int from = 0; from < items.size(); from += 25) {
                    var writes = items.subList(from, Math.min(items.size(), from + 25)).stream()
                            .map(item -> WriteRequest.builder()
                                    .putRequest(put -> put.item(item)).build())
                            .toList();
                    var written = dynamoDb.batchWriteItem(batch -> batch.requestItems(Map.of(table, writes)));
                    if (!written.unprocessedItems().isEmpty()) {
                        throw new IllegalStateException("the floor's batch left items unprocessed");
                    }
                }
            }
            long elapsed = System.nanoTime() - started;
            if (request >= warmUps) {
                millis.add(elapsed / 1e6);
            }
        }
        double seconds = (System.nanoTime() - measuredStarted) / 1e9;
        return new Floor(millis.stream().mapToDouble(Double::doubleValue).toArray(), seconds);
    }

    /** A booking picked up an hour after it was made, as the carrier's pickup record leaves it. */
    private static Booking pickedUp(Ulid ids, Partner carrier, Partner shipper, PostedLane.Load load, Instant bookedAt) {
        Money amount = Money.of(200_000, "USD");
        NegotiationId negotiation = new NegotiationId(ids.next());
        Instant pickupAt = bookedAt.plus(Duration.ofHours(1));
        var history = List.<BookingEvent>of(new BookingEvent.Booked(1, bookedAt, negotiation, amount),
                new BookingEvent.PickedUp(2, pickupAt, carrier.id(), pickupAt));
        CapacityLaneId truck = new CapacityLaneId(ids.next());
        return new Booking(new BookingId(ids.next()), negotiation, MatchId.of(truck, load.lane().id()), truck,
                load.lane().id(), carrier.id(), shipper.id(), amount,
                AccessorialTerms.usualUsd(), load.lane().pickupWindow().opensAt(), BookingStatus.PICKED_UP,
                (BookingEvent.PickedUp) history.get(1), null, null, history);
    }

    /** The booking item the store reads ({@code BOOKING#<id> / BOOKING}), from the document of a party copy. */
    private static Map<String, AttributeValue> bookingItem(Booking booking) {
        Map<String, AttributeValue> item = new HashMap<>(DealItems.partyBookingCopy(booking, booking.carrier()));
        item.put("pk", AttributeValue.fromS("BOOKING#" + booking.id().value()));
        item.put("sk", AttributeValue.fromS("BOOKING"));
        item.put("entityType", AttributeValue.fromS("BOOKING"));
        item.put("bookingId", AttributeValue.fromS(booking.id().value()));
        item.put("version", AttributeValue.fromN("1"));
        return item;
    }

    private static APIGatewayProxyRequestEvent event(Path events, Trip trip, String body) {
        var event = SampleEventFiles.load(events.resolve("report-positions.json"), APIGatewayProxyRequestEvent.class,
                values(trip, Map.of("REPORTED_AT_1", "x", "LATITUDE_1", "0", "LONGITUDE_1", "0", "REPORTED_AT_2", "x",
                        "LATITUDE_2", "0", "LONGITUDE_2", "0")));
        event.setBody(body);
        return event;
    }

    private static APIGatewayProxyRequestEvent readEvent(Path events, Trip trip) {
        return SampleEventFiles.load(events.resolve("get-tracking.json"), APIGatewayProxyRequestEvent.class,
                values(trip, Map.of()));
    }

    private static Map<String, String> values(Trip trip, Map<String, String> more) {
        Map<String, String> values = new HashMap<>(more);
        values.put("PATH_BOOKING_ID", trip.booking().id().value());
        values.put("PARTNER_ID", trip.carrier().id().value());
        values.put("KEY_ID", "benchKey0001");
        values.put("ROLES", "CARRIER");
        values.put("API_KEY", "bhx_" + trip.carrier().id().value() + "_benchKey0001_" + "s".repeat(43));
        return values;
    }
}
