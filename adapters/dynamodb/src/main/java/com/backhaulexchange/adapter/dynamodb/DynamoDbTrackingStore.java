package com.backhaulexchange.adapter.dynamodb;

import static com.backhaulexchange.adapter.dynamodb.AttributeValues.n;
import static com.backhaulexchange.adapter.dynamodb.AttributeValues.s;

import com.backhaulexchange.deal.booking.BookingId;
import com.backhaulexchange.kernel.geo.Coordinates;
import com.backhaulexchange.kernel.pagination.Page;
import com.backhaulexchange.kernel.persistence.InvalidCursorException;
import com.backhaulexchange.kernel.persistence.StaleWriteException;
import com.backhaulexchange.notification.Notification;
import com.backhaulexchange.tracking.PositionReport;
import com.backhaulexchange.tracking.StopKind;
import com.backhaulexchange.tracking.StopProgress;
import com.backhaulexchange.tracking.TrackingEvent;
import com.backhaulexchange.tracking.TrackingEventType;
import com.backhaulexchange.tracking.TrackingRepository;
import com.backhaulexchange.tracking.TrackingState;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * Tracking in the table that owns bookings (NegotiationsTable), in the booking's own partition
 * {@code BOOKING#<id>} beside the booking item (infra/table-design.md, ADR 30):
 *
 * <ul>
 * <li>the state, sk {@code TRACKING}: flat attributes, versioned; one GetItem.</li>
 * <li>the trail, one item per UTC hour, sk {@code TRAIL#<yyyy-MM-ddTHH>}: each report a top-level attribute
 *     {@code r<epoch ms, 13 digits>} = {@code "lat|lon|speedMph|odometerMiles"} (empty for unknown), so a report is
 *     added by an UpdateItem without reading the item, and an hour of reports at one a minute is ~3 KB, not 60
 *     items.</li>
 * <li>the events, sk {@code TRACKING_EVENT#<sequence, 10 digits>}, written with the state in one transaction with
 *     their outbox notifications.</li>
 * </ul>
 * Everything expires with the booking's data: 400 days after the report or event.
 */
public final class DynamoDbTrackingStore implements TrackingRepository {
    static final String PK = "pk";
    static final String SK = "sk";
    static final String TTL = "expiresAtEpochSeconds";
    static final String STATE_SK = "TRACKING";
    static final String TRAIL_PREFIX = "TRAIL#";
    static final String EVENT_PREFIX = "TRACKING_EVENT#";
    static final int SCHEMA_VERSION = 1;
    static final Duration RETENTION = DealItems.RETENTION;
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    /** How many hour items one page of the trail reads at most per query. */
    private static final int TRAIL_ITEMS_PER_QUERY = 4;

    private final DynamoDbClient dynamoDb;
    private final String tableName;

    public DynamoDbTrackingStore(DynamoDbClient dynamoDb, String negotiationsTableName) {
        this.dynamoDb = dynamoDb;
        this.tableName = negotiationsTableName;
    }

    @Override
    public Optional<Versioned> find(BookingId id) {
        var item = dynamoDb.getItem(request -> request.tableName(tableName).key(key(id, STATE_SK))
                .consistentRead(true)).item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        int schema = Integer.parseInt(item.get("trackingSchemaVersion").n());
        if (schema != SCHEMA_VERSION) {
            throw new IllegalStateException("tracking schema version " + schema + " is not known here");
        }
        return Optional.of(new Versioned(stateFrom(id, item), Long.parseLong(item.get("version").n())));
    }

    @Override
    public void keep(BookingId id, List<PositionReport> reports) {
        if (reports.isEmpty()) {
            return;
        }
        Map<String, List<PositionReport>> byHour = new TreeMap<>();
        for (PositionReport report : reports) {
            byHour.computeIfAbsent(TRAIL_PREFIX + HOUR.format(report.reportedAt()), hour -> new ArrayList<>())
                    .add(report);
        }
        // Read first, so that a conflict refuses the request before any of it is written.
        Map<String, Map<String, AttributeValue>> kept = keptHours(id, byHour.keySet());
        for (var hour : byHour.entrySet()) {
            Map<String, AttributeValue> item = kept.getOrDefault(hour.getKey(), Map.of());
            for (PositionReport report : hour.getValue()) {
                AttributeValue stored = item.get(attribute(report));
                if (stored != null && !reportFrom(attribute(report), stored.s()).repeats(report)) {
                    throw new ConflictingReportException(reportFrom(attribute(report), stored.s()));
                }
            }
        }
        long expires = reports.stream().map(PositionReport::reportedAt).max(Comparator.naturalOrder()).orElseThrow()
                .plus(RETENTION).getEpochSecond();
        for (var hour : byHour.entrySet()) {
            Map<String, String> names = new LinkedHashMap<>();
            Map<String, AttributeValue> values = new HashMap<>();
            List<String> sets = new ArrayList<>();
            List<PositionReport> hourReports = hour.getValue();
            for (int i = 0; i < hourReports.size(); i++) {
                names.put("#r" + i, attribute(hourReports.get(i)));
                values.put(":r" + i, s(encode(hourReports.get(i))));
                sets.add("#r" + i + " = if_not_exists(#r" + i + ", :r" + i + ")");
            }
            names.put("#ttl", TTL);
            values.put(":ttl", n(expires));
            values.put(":type", s("TRACKING_TRAIL"));
            sets.add("#ttl = :ttl");
            sets.add("entityType = :type");
            dynamoDb.updateItem(request -> request.tableName(tableName).key(key(id, hour.getKey()))
                    .updateExpression("SET " + String.join(", ", sets))
                    .expressionAttributeNames(names).expressionAttributeValues(values));
        }
    }

    private Map<String, Map<String, AttributeValue>> keptHours(BookingId id, Set<String> hours) {
        Map<String, Map<String, AttributeValue>> found = new HashMap<>();
        List<Map<String, AttributeValue>> keys = hours.stream().map(hour -> key(id, hour)).toList();
        // At most 60 reports a request (TrackingRules), so at most 60 hours: one BatchGetItem's worth (100 keys).
        Map<String, KeysAndAttributes> pending = Map.of(tableName,
                KeysAndAttributes.builder().keys(keys).consistentRead(true).build());
        while (!pending.isEmpty()) {
            Map<String, KeysAndAttributes> asked = pending;
            var response = dynamoDb.batchGetItem(request -> request.requestItems(asked));
            response.responses().getOrDefault(tableName, List.of())
                    .forEach(item -> found.put(item.get(SK).s(), item));
            pending = response.unprocessedKeys() == null ? Map.of() : response.unprocessedKeys();
        }
        return found;
    }

    @Override
    public void update(TrackingState next, long expectedVersion, List<TrackingEvent> events,
            List<Notification> notifications) {
        List<TransactWriteItem> writes = new ArrayList<>();
        var put = Put.builder().tableName(tableName).item(stateItem(next, expectedVersion + 1));
        if (expectedVersion == 0) {
            put.conditionExpression("attribute_not_exists(pk)");
        } else {
            put.conditionExpression("version = :expected")
                    .expressionAttributeValues(Map.of(":expected", n(expectedVersion)));
        }
        writes.add(TransactWriteItem.builder().put(put.build()).build());
        for (TrackingEvent event : events) {
            writes.add(TransactWriteItem.builder().put(Put.builder().tableName(tableName)
                    .item(eventItem(next.bookingId(), event)).conditionExpression("attribute_not_exists(pk)").build())
                    .build());
        }
        writes.addAll(DynamoDbDealStore.outboxWrites(tableName, notifications));
        Transactions.writeRetryingRaces(dynamoDb, writes, e -> new StaleWriteException("tracking of booking "
                + next.bookingId().value() + " changed since version " + expectedVersion + ": "
                + Transactions.reasons(e)));
    }

    @Override
    public Page<TrackingEvent> events(BookingId id, int limit, String cursor) {
        String partition = pk(id);
        Map<String, AttributeValue> start = PageCursors.decode(cursor, Set.of(PK, SK), PK, partition);
        QueryResponse response = dynamoDb.query(request -> request.tableName(tableName)
                .keyConditionExpression("pk = :pk AND begins_with(sk, :prefix)")
                .expressionAttributeValues(Map.of(":pk", s(partition), ":prefix", s(EVENT_PREFIX)))
                .scanIndexForward(false).limit(limit).exclusiveStartKey(start).consistentRead(true));
        List<TrackingEvent> events = response.items().stream().map(DynamoDbTrackingStore::eventFrom).toList();
        return new Page<>(events, response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                ? PageCursors.encode(response.lastEvaluatedKey()) : null);
    }

    /**
     * Reads hour items newest first, a few per query, until the page is full. The cursor is the time of the last
     * report shown (epoch ms): the next page starts at that report's hour, below it.
     */
    @Override
    public Page<PositionReport> trail(BookingId id, int limit, String cursor) {
        Long before = decodeTrailCursor(cursor);
        String upper = TRAIL_PREFIX + (before == null ? "~" : HOUR.format(Instant.ofEpochMilli(before)));
        List<PositionReport> page = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        boolean more = false;
        do {
            Map<String, AttributeValue> from = start;
            QueryResponse response = dynamoDb.query(request -> request.tableName(tableName)
                    .keyConditionExpression("pk = :pk AND sk BETWEEN :lower AND :upper")
                    .expressionAttributeValues(Map.of(":pk", s(pk(id)), ":lower", s(TRAIL_PREFIX), ":upper", s(upper)))
                    .scanIndexForward(false).limit(TRAIL_ITEMS_PER_QUERY).exclusiveStartKey(from)
                    .consistentRead(true));
            for (var item : response.items()) {
                List<PositionReport> reports = new ArrayList<>();
                item.forEach((name, value) -> {
                    if (name.startsWith("r") && value.s() != null) {
                        PositionReport report = reportFrom(name, value.s());
                        if (before == null || report.reportedAt().toEpochMilli() < before) {
                            reports.add(report);
                        }
                    }
                });
                reports.sort(Comparator.comparing(PositionReport::reportedAt).reversed());
                for (PositionReport report : reports) {
                    if (page.size() == limit) {
                        more = true;
                        break;
                    }
                    page.add(report);
                }
                if (more) {
                    break;
                }
            }
            start = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                    ? response.lastEvaluatedKey() : null;
        } while (!more && start != null);
        more = more || start != null;
        return new Page<>(page, more && !page.isEmpty()
                ? Long.toString(page.getLast().reportedAt().toEpochMilli()) : null);
    }

    private static Long decodeTrailCursor(String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return null;
        }
        if (!cursor.matches("\\d{1,15}")) {
            throw new InvalidCursorException("the cursor is not one this listing issued");
        }
        return Long.parseLong(cursor);
    }

    // ---- items

    private static String pk(BookingId id) {
        return "BOOKING#" + id.value();
    }

    private static Map<String, AttributeValue> key(BookingId id, String sk) {
        return Map.of(PK, s(pk(id)), SK, s(sk));
    }

    private static String attribute(PositionReport report) {
        return String.format(Locale.ROOT, "r%013d", report.reportedAt().toEpochMilli());
    }

    private static String encode(PositionReport report) {
        return plain(report.position().latitudeDegrees()) + "|" + plain(report.position().longitudeDegrees()) + "|"
                + (report.speedMph() == null ? "" : plain(report.speedMph())) + "|"
                + (report.odometerMiles() == null ? "" : plain(report.odometerMiles()));
    }

    private static PositionReport reportFrom(String attribute, String value) {
        String[] parts = value.split("\\|", -1);
        return new PositionReport(Instant.ofEpochMilli(Long.parseLong(attribute.substring(1))),
                new Coordinates(Double.parseDouble(parts[0]), Double.parseDouble(parts[1])),
                parts[2].isEmpty() ? null : Double.valueOf(parts[2]), parts[3].isEmpty() ? null : Double.valueOf(parts[3]));
    }

    private static String plain(double value) {
        return BigDecimal.valueOf(value).toPlainString();
    }

    private Map<String, AttributeValue> stateItem(TrackingState state, long version) {
        Map<String, AttributeValue> item = new HashMap<>(key(state.bookingId(), STATE_SK));
        item.put("entityType", s("TRACKING"));
        item.put("trackingSchemaVersion", n(SCHEMA_VERSION));
        item.put("version", n(version));
        item.put("bookingId", s(state.bookingId().value()));
        item.put("lastSequence", n(state.lastSequence()));
        PositionReport latest = state.latest();
        if (latest != null) {
            item.put("latest", s(attribute(latest) + "=" + encode(latest)));
            item.put(TTL, n(latest.reportedAt().plus(RETENTION).getEpochSecond()));
        }
        putProgress(item, "pickup", state.pickup());
        putProgress(item, "delivery", state.delivery());
        if (state.nextStop() != null) {
            item.put("nextStop", s(state.nextStop().name()));
        }
        putInstant(item, "eta", state.eta());
        putInstant(item, "proofOfDeliveryAt", state.proofOfDeliveryAt());
        return item;
    }

    private static void putProgress(Map<String, AttributeValue> item, String stop, StopProgress progress) {
        putInstant(item, stop + "ArrivedAt", progress.arrivedAt());
        putInstant(item, stop + "DepartedAt", progress.departedAt());
        putInstant(item, stop + "AnnouncedEta", progress.announcedEta());
        item.put(stop + "Delayed", AttributeValue.fromBool(progress.delayed()));
    }

    private static void putInstant(Map<String, AttributeValue> item, String name, Instant value) {
        if (value != null) {
            item.put(name, s(value.toString()));
        }
    }

    private static TrackingState stateFrom(BookingId id, Map<String, AttributeValue> item) {
        PositionReport latest = null;
        if (item.containsKey("latest")) {
            String[] parts = item.get("latest").s().split("=", 2);
            latest = reportFrom(parts[0], parts[1]);
        }
        return new TrackingState(id, latest, progressFrom(item, "pickup"), progressFrom(item, "delivery"),
                item.containsKey("nextStop") ? StopKind.valueOf(item.get("nextStop").s()) : null,
                instant(item, "eta"), Long.parseLong(item.get("lastSequence").n()), instant(item, "proofOfDeliveryAt"));
    }

    private static StopProgress progressFrom(Map<String, AttributeValue> item, String stop) {
        return new StopProgress(instant(item, stop + "ArrivedAt"), instant(item, stop + "DepartedAt"),
                instant(item, stop + "AnnouncedEta"), item.get(stop + "Delayed").bool());
    }

    private static Instant instant(Map<String, AttributeValue> item, String name) {
        return item.containsKey(name) ? Instant.parse(item.get(name).s()) : null;
    }

    private static Map<String, AttributeValue> eventItem(BookingId id, TrackingEvent event) {
        Map<String, AttributeValue> item = new HashMap<>(
                key(id, EVENT_PREFIX + String.format(Locale.ROOT, "%010d", event.sequence())));
        item.put("entityType", s("TRACKING_EVENT"));
        item.put("sequence", n(event.sequence()));
        item.put("type", s(event.type().name()));
        item.put("stop", s(event.stop().name()));
        item.put("occurredAt", s(event.occurredAt().toString()));
        item.put("recordedAt", s(event.recordedAt().toString()));
        putInstant(item, "eta", event.eta());
        putInstant(item, "previousEta", event.previousEta());
        item.put(TTL, n(event.recordedAt().plus(RETENTION).getEpochSecond()));
        return item;
    }

    private static TrackingEvent eventFrom(Map<String, AttributeValue> item) {
        return new TrackingEvent(Long.parseLong(item.get("sequence").n()),
                TrackingEventType.valueOf(item.get("type").s()), StopKind.valueOf(item.get("stop").s()),
                instant(item, "occurredAt"), instant(item, "recordedAt"), instant(item, "eta"),
                instant(item, "previousEta"));
    }
}
