package com.backhaulexchange.adapter.dynamodb;

import static com.backhaulexchange.adapter.dynamodb.AttributeValues.n;
import static com.backhaulexchange.adapter.dynamodb.AttributeValues.s;

import com.backhaulexchange.deal.booking.Booking;
import com.backhaulexchange.kernel.idempotency.IdempotencyConflictException;
import com.backhaulexchange.kernel.idempotency.IdempotencyRecord;
import com.backhaulexchange.deal.booking.BookingId;
import com.backhaulexchange.deal.booking.BookingRepository;
import com.backhaulexchange.deal.booking.BookingStatus;
import com.backhaulexchange.deal.outcome.DayLedger;
import com.backhaulexchange.deal.network.NetworkActivity;
import com.backhaulexchange.deal.network.NetworkEntry;
import com.backhaulexchange.deal.outcome.DeliveredOutcome;
import com.backhaulexchange.deal.outcome.LanePairDay;
import com.backhaulexchange.deal.outcome.OutcomeLedger;
import com.backhaulexchange.lane.LaneStatus;
import com.backhaulexchange.lane.PostedLane;
import com.backhaulexchange.matching.Match;
import com.backhaulexchange.matching.MatchScore;
import com.backhaulexchange.matching.MatchStatus;
import com.backhaulexchange.matching.PlannedOption;
import com.backhaulexchange.matching.chain.ChainScore;
import com.backhaulexchange.kernel.money.Money;
import com.backhaulexchange.deal.negotiation.AutoAcceptPriceRepository;
import com.backhaulexchange.deal.negotiation.Delegation;
import com.backhaulexchange.deal.negotiation.DelegationRepository;
import com.backhaulexchange.deal.negotiation.DelegationScope;
import com.backhaulexchange.deal.negotiation.Negotiation;
import com.backhaulexchange.deal.negotiation.NegotiationId;
import com.backhaulexchange.deal.negotiation.NegotiationRepository;
import com.backhaulexchange.deal.negotiation.NegotiationRepository.NegotiationAndBooking;
import com.backhaulexchange.deal.negotiation.NegotiationStatus;
import com.backhaulexchange.deal.packagedeal.PackageDeal;
import com.backhaulexchange.deal.packagedeal.PackageDealId;
import com.backhaulexchange.deal.packagedeal.PackageDealRepository;
import com.backhaulexchange.deal.packagedeal.PackageDealStatus;
import com.backhaulexchange.notification.Notification;
import com.backhaulexchange.notification.NotificationOutbox;
import com.backhaulexchange.notification.NotificationType;
import com.backhaulexchange.kernel.pagination.Page;
import com.backhaulexchange.partner.PartnerId;
import com.backhaulexchange.kernel.persistence.StaleWriteException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * Negotiations, bookings, delegations, auto-accept prices, their notification outbox and the idempotency
 * records of openings made with an Idempotency-Key in NegotiationsTable (infra/table-design.md). Booking also writes LanesTable in the same transaction: both lanes become BOOKED
 * only if they are still OPEN, which is what makes a lane bookable once, whatever the interleaving.
 */
public final class DynamoDbDealStore implements NegotiationRepository, BookingRepository, DelegationRepository,
        AutoAcceptPriceRepository, NotificationOutbox, OutcomeLedger, PackageDealRepository {
    static final String PK = "pk";
    static final String SK = "sk";
    static final String GSI1 = "gsi1";
    static final String GSI1_PK = "gsi1pk";
    static final String GSI1_SK = "gsi1sk";
    static final String TTL = "expiresAtEpochSeconds";
    static final String LAPSING_PARTITION = "LAPSING";
    /** On an agreed negotiation and its party copies: the booking the agreement made (ADR 40). */
    static final String BOOKING_ID = "bookingId";
    /** Open package deals by the instant they lapse (their own partition: housekeeping reads negotiations'). */
    static final String PACKAGE_LAPSING_PARTITION = "PACKAGE_LAPSING";
    static final String OUTBOX_PARTITION = "OUTBOX";
    static final Duration RETENTION = DealItems.RETENTION;
    /** A notification nobody could hand over is kept this long for an operator. */
    static final Duration OUTBOX_RETENTION = Duration.ofDays(7);

    private final DynamoDbClient dynamoDb;
    private final String tableName;
    private final String lanesTableName;
    /** AnalyticsTable, for the network counters (ADR 41); null in a function that writes none. */
    private final String analyticsTableName;

    public DynamoDbDealStore(DynamoDbClient dynamoDb, String negotiationsTableName, String lanesTableName) {
        this(dynamoDb, negotiationsTableName, lanesTableName, null);
    }

    /** A store whose bookings and deliveries also ADD to the network counters of {@code analyticsTableName}. */
    public DynamoDbDealStore(DynamoDbClient dynamoDb, String negotiationsTableName, String lanesTableName,
            String analyticsTableName) {
        this.dynamoDb = dynamoDb;
        this.tableName = negotiationsTableName;
        this.lanesTableName = lanesTableName;
        this.analyticsTableName = analyticsTableName;
    }

    // ---- negotiations

    @Override
    public Optional<Versioned<Negotiation>> find(NegotiationId id) {
        var item = get(negotiationKey(id.value()));
        return item.isEmpty() ? Optional.empty()
                : Optional.of(new Versioned<>(DealItems.negotiationFrom(item),
                        Long.parseLong(item.get("version").n())));
    }

    @Override
    public void open(Negotiation opened, List<Notification> notifications, IdempotencyRecord idempotencyRecord) {
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(put(Put.builder().tableName(tableName).item(openLock(opened))
                .conditionExpression("attribute_not_exists(pk)").build()));
        writes.addAll(negotiationWrites(opened, 0));
        writes.addAll(outboxWrites(notifications));
        transactOpening(writes, idempotencyRecord, () -> new NegotiationAlreadyOpenException("match "
                + opened.matchId().value() + " already has an open negotiation"), "negotiation " + opened.id());
    }

    @Override
    public void update(Negotiation next, long expectedVersion, List<Notification> notifications) {
        if (next.status() == NegotiationStatus.AGREED) {
            throw new IllegalArgumentException("an agreement is stored with its booking: agreeAndBook");
        }
        List<TransactWriteItem> writes = new ArrayList<>(negotiationWrites(next, expectedVersion));
        if (next.status().isClosed()) {
            writes.addAll(closingWrites(next));
        }
        writes.addAll(outboxWrites(notifications));
        transact(writes, e -> new StaleWriteException("negotiation " + next.id() + " changed since version "
                + expectedVersion + ": " + Transactions.reasons(e)));
    }

    @Override
    public void agreeAndBook(Negotiation agreed, long expectedVersion, PostedLane.Capacity capacity,
            PostedLane.Load load, Booking booking, Instant now, List<Notification> notifications,
            IdempotencyRecord idempotencyRecord) {
        var match = get(lanesTableName, LaneItems.matchKey(agreed.matchId()));
        if (match.isEmpty()) {
            throw new LaneNoLongerOpenException("match " + agreed.matchId().value() + " no longer exists");
        }
        String rankKey = match.get("rankKey").s();
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(bookLane(capacity.laneId(), now));
        writes.add(bookLane(load.laneId(), now));
        writes.add(TransactWriteItem.builder().update(Update.builder().tableName(lanesTableName)
                .key(LaneItems.matchKey(agreed.matchId()))
                .updateExpression("SET #status = :booked, version = version + :one")
                .conditionExpression("#status = :proposed")
                .expressionAttributeNames(Map.of("#status", "status"))
                .expressionAttributeValues(Map.of(":booked", s(MatchStatus.BOOKED.name()),
                        ":proposed", s(MatchStatus.PROPOSED.name()), ":one", n(1)))
                .build()).build());
        int firstNegotiationWrite = writes.size();
        if (expectedVersion == 0) {
            // Opened and agreed at once (an auto-accept price met): no other negotiation may be open on it.
            writes.add(TransactWriteItem.builder().conditionCheck(ConditionCheck.builder().tableName(tableName)
                    .key(openLockKey(agreed.matchId().value())).conditionExpression("attribute_not_exists(pk)")
                    .build()).build());
        }
        writes.addAll(negotiationWrites(agreed, expectedVersion, booking.id()));
        if (expectedVersion > 0) {
            writes.addAll(closingWrites(agreed));
        }
        writes.add(delete(lanesTableName, LaneItems.matchLinkKey(capacity.laneId(), rankKey)));
        writes.add(delete(lanesTableName, LaneItems.matchLinkKey(load.laneId(), rankKey)));
        for (String laneId : List.of(capacity.laneId(), load.laneId())) {
            LaneItems.candidatePartitionsOf(get(lanesTableName, LaneItems.laneKey(laneId))).forEach(partition ->
                    writes.add(delete(lanesTableName, Map.of(LaneItems.PK, s(partition), LaneItems.SK, s(laneId)))));
        }
        writes.add(put(Put.builder().tableName(tableName).item(bookingItem(booking, 1))
                .conditionExpression("attribute_not_exists(pk)").build()));
        writes.add(put(Put.builder().tableName(tableName).item(bookingCopy(booking, booking.carrier())).build()));
        writes.add(put(Put.builder().tableName(tableName).item(bookingCopy(booking, booking.shipper())).build()));
        writes.addAll(outboxWrites(notifications));
        if (analyticsTableName != null) {
            List<NetworkEntry> counted = new ArrayList<>(List.of(NetworkActivity.booked(booking, load, now)));
            // A match that carries the optimiser's recommendation when it is booked followed the plan (ADR 48).
            Match.Recommendation recommendation = LaneItems.recommendationOf(match);
            if (recommendation != null) {
                MatchScore score = LaneItems.matchFrom(match).score();
                counted.add(NetworkActivity.bookedOfPlan(recommendation,
                        new PlannedOption(false, 1, score.emptyMilesAvoided(), score.surplus()), now));
            }
            writes.addAll(NetworkItems.writes(analyticsTableName, counted));
        }
        int idempotencyWrite = addIdempotencyWrite(writes, idempotencyRecord);
        transact(writes, e -> {
            if (idempotencyWrite >= 0
                    && Transactions.failedAt(e, idempotencyWrite, Transactions.CONDITIONAL_CHECK_FAILED)) {
                return new IdempotencyConflictException(idempotencyRecord.recordId());
            }
            for (int lane = 0; lane < firstNegotiationWrite; lane++) {
                if (Transactions.failedAt(e, lane, Transactions.CONDITIONAL_CHECK_FAILED)) {
                    return new LaneNoLongerOpenException("a lane or the match of negotiation " + agreed.id()
                            + " is no longer open");
                }
            }
            if (expectedVersion == 0 && Transactions.failedAt(e, firstNegotiationWrite,
                    Transactions.CONDITIONAL_CHECK_FAILED)) {
                return new NegotiationAlreadyOpenException("match " + agreed.matchId().value()
                        + " already has an open negotiation");
            }
            return new StaleWriteException("negotiation " + agreed.id() + " changed since version "
                    + expectedVersion + ": " + Transactions.reasons(e));
        });
    }

    /** Appends the record's write (if any) and returns its index, or -1 without a record. */
    private int addIdempotencyWrite(List<TransactWriteItem> writes, IdempotencyRecord idempotencyRecord) {
        if (idempotencyRecord == null) {
            return -1;
        }
        writes.add(put(Put.builder().tableName(tableName).item(PartnerItems.idempotencyItem(idempotencyRecord))
                .conditionExpression("attribute_not_exists(pk)").build()));
        return writes.size() - 1;
    }

    @Override
    public Optional<IdempotencyRecord> idempotencyRecord(String recordId) {
        var item = dynamoDb.getItem(request -> request.tableName(tableName)
                .key(PartnerItems.idempotencyKey(recordId)).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(PartnerItems.idempotencyFrom(item));
    }

    @Override
    public List<NegotiationId> openOnLane(String laneId) {
        List<NegotiationId> open = new ArrayList<>();
        dynamoDb.queryPaginator(request -> request.tableName(tableName).consistentRead(true)
                        .keyConditionExpression("pk = :lane AND begins_with(sk, :open)")
                        .expressionAttributeValues(Map.of(":lane", s(laneOpenPk(laneId)), ":open", s("OPEN#"))))
                .items().forEach(item -> open.add(new NegotiationId(item.get("negotiationId").s())));
        return open;
    }

    @Override
    public Page<NegotiationAndBooking> listForParty(PartnerId party, NegotiationStatus status, Instant now, int limit,
            String cursor) {
        String partition = partyPk(party);
        QueryRequest query = QueryRequest.builder().tableName(tableName).consistentRead(true)
                .keyConditionExpression("pk = :party AND begins_with(sk, :negotiations)")
                .expressionAttributeValues(Map.of(":party", s(partition), ":negotiations", s("NEGOTIATION#")))
                .scanIndexForward(false)
                .build();
        var start = PageCursors.decode(cursor, Set.of(PK, SK), PK, partition);
        return FilteredPages.page(dynamoDb, query, start,
                item -> status == null || DealItems.negotiationFrom(item).effectiveStatus(now) == status,
                item -> new NegotiationAndBooking(DealItems.negotiationFrom(item), bookingIdOf(item)), limit,
                List.of(PK, SK));
    }

    @Override
    public Optional<BookingId> bookingOf(NegotiationId id) {
        var item = dynamoDb.getItem(request -> request.tableName(tableName).key(negotiationKey(id.value()))
                .consistentRead(true).projectionExpression(BOOKING_ID)).item();
        return Optional.ofNullable(item == null ? null : bookingIdOf(item));
    }

    private static BookingId bookingIdOf(Map<String, AttributeValue> item) {
        AttributeValue value = item.get(BOOKING_ID);
        return value == null || value.s() == null ? null : new BookingId(value.s());
    }

    @Override
    public List<NegotiationId> withLapsedOffers(Instant now, int limit) {
        var response = dynamoDb.query(request -> request.tableName(tableName).indexName(GSI1)
                .keyConditionExpression("gsi1pk = :lapsing AND gsi1sk < :bound")
                .expressionAttributeValues(Map.of(":lapsing", s(LAPSING_PARTITION), ":bound", s(millis(now))))
                .limit(limit));
        return response.items().stream().map(item -> new NegotiationId(item.get("negotiationId").s())).toList();
    }

    // ---- package deals (ADR 32)

    @Override
    public Optional<Versioned<PackageDeal>> find(PackageDealId id) {
        var item = get(packageDealKey(id.value()));
        return item.isEmpty() ? Optional.empty()
                : Optional.of(new Versioned<>(DealItems.packageDealFrom(item), Long.parseLong(item.get("version").n())));
    }

    @Override
    public void open(PackageDeal opened, List<Notification> notifications, IdempotencyRecord idempotencyRecord) {
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(put(Put.builder().tableName(tableName).item(packageLock(opened))
                .conditionExpression("attribute_not_exists(pk)").build()));
        writes.add(packageDealWrite(opened, 0));
        writes.addAll(packageDealCopies(opened));
        for (String laneId : lanesOf(opened)) {
            writes.add(put(Put.builder().tableName(tableName).item(Map.of(PK, s(laneOpenPk(laneId)),
                    SK, s(OPEN_PACKAGE_DEAL + opened.id().value()), "entityType", s("LANE_PACKAGE_DEAL"),
                    "dealId", s(opened.id().value()))).build()));
        }
        writes.addAll(outboxWrites(notifications));
        transactOpening(writes, idempotencyRecord, () -> new PackageDealAlreadyOpenException("package "
                + opened.packageId().value() + " already has an open deal"), "package deal " + opened.id());
    }

    @Override
    public void update(PackageDeal next, long expectedVersion, List<Notification> notifications) {
        if (next.status() == PackageDealStatus.BOOKED) {
            throw new IllegalArgumentException("a booked package is stored with its bookings: book");
        }
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(packageDealWrite(next, expectedVersion));
        writes.addAll(packageDealCopies(next));
        if (next.status().isFinal()) {
            writes.addAll(packageClosingWrites(next));
        }
        writes.addAll(outboxWrites(notifications));
        transact(writes, e -> new StaleWriteException("package deal " + next.id() + " changed since version "
                + expectedVersion + ": " + Transactions.reasons(e)));
    }

    /**
     * One transaction: every lane OPEN → BOOKED (first, so a failed condition names its lane), the deal at its
     * next version, one booking per load with its two party copies, the package's lock and lane entries released,
     * the lanes' candidate entries deleted, the outbox. At most 4 lanes + 1 deal + 9 booking items + 5 releases +
     * a few candidate entries and notifications: well within the 100 actions of a transaction.
     */
    @Override
    public void book(PackageDeal booked, long expectedVersion, List<Booking> bookings, Instant now,
            List<Notification> notifications) {
        if (booked.status() != PackageDealStatus.BOOKED) {
            throw new IllegalArgumentException("package deal " + booked.id() + " is not BOOKED");
        }
        List<String> lanes = lanesOf(booked);
        List<TransactWriteItem> writes = new ArrayList<>();
        lanes.forEach(laneId -> writes.add(bookLane(laneId, now)));
        writes.add(packageDealWrite(booked, expectedVersion));
        writes.addAll(packageDealCopies(booked));
        for (Booking booking : bookings) {
            writes.add(put(Put.builder().tableName(tableName).item(bookingItem(booking, 1))
                    .conditionExpression("attribute_not_exists(pk)").build()));
            writes.add(put(Put.builder().tableName(tableName).item(bookingCopy(booking, booking.carrier())).build()));
            writes.add(put(Put.builder().tableName(tableName).item(bookingCopy(booking, booking.shipper())).build()));
        }
        writes.addAll(packageClosingWrites(booked));
        Map<String, PostedLane.Load> loads = new HashMap<>();
        for (String laneId : lanes) {
            var laneItem = get(lanesTableName, LaneItems.laneKey(laneId));
            LaneItems.candidatePartitionsOf(laneItem).forEach(partition ->
                    writes.add(delete(lanesTableName, Map.of(LaneItems.PK, s(partition), LaneItems.SK, s(laneId)))));
            if (!laneItem.isEmpty() && LaneItems.laneFrom(laneItem) instanceof PostedLane.Load load) {
                loads.put(laneId, load);
            }
        }
        writes.addAll(outboxWrites(notifications));
        if (analyticsTableName != null) {
            // Each booking of the package counts as a single booking does (ADR 41), in its load's pickup region;
            // bookings of the same region and week are summed into one action on their item.
            List<NetworkEntry> counted = new ArrayList<>();
            for (Booking booking : bookings) {
                PostedLane.Load load = loads.get(booking.loadLaneId().value());
                if (load != null) {
                    counted.add(NetworkActivity.booked(booking, load, now));
                }
            }
            // A package that carries the optimiser's recommendation when it is booked followed the plan (ADR 48).
            var packageItem = get(lanesTableName, LaneItems.packageKey(booked.packageId()));
            Match.Recommendation recommendation = packageItem.isEmpty() ? null
                    : LaneItems.recommendationOf(packageItem);
            if (recommendation != null) {
                ChainScore score = LaneItems.packageFrom(packageItem).score();
                counted.add(NetworkActivity.bookedOfPlan(recommendation, new PlannedOption(true, bookings.size(),
                        score.emptyMilesAvoided(), score.surplus()), now));
            }
            writes.addAll(NetworkItems.writes(analyticsTableName, counted));
        }
        transact(writes, e -> {
            for (int lane = 0; lane < lanes.size(); lane++) {
                if (Transactions.failedAt(e, lane, Transactions.CONDITIONAL_CHECK_FAILED)) {
                    return new LaneTakenException(lanes.get(lane));
                }
            }
            return new StaleWriteException("package deal " + booked.id() + " changed since version "
                    + expectedVersion + ": " + Transactions.reasons(e));
        });
    }

    @Override
    public List<PackageDealId> openPackageDealsOnLane(String laneId) {
        List<PackageDealId> open = new ArrayList<>();
        dynamoDb.queryPaginator(request -> request.tableName(tableName).consistentRead(true)
                        .keyConditionExpression("pk = :lane AND begins_with(sk, :open)")
                        .expressionAttributeValues(Map.of(":lane", s(laneOpenPk(laneId)),
                                ":open", s(OPEN_PACKAGE_DEAL))))
                .items().forEach(item -> open.add(new PackageDealId(item.get("dealId").s())));
        return open;
    }

    @Override
    public Optional<PackageDealId> openDealOf(com.backhaulexchange.matching.chain.ReloadPackageId packageId) {
        var lock = get(packageLockKey(packageId.value()));
        return lock.isEmpty() ? Optional.empty() : Optional.of(new PackageDealId(lock.get("dealId").s()));
    }

    @Override
    public Page<PackageDeal> listForParty(PartnerId party, int limit, String cursor) {
        String partition = partyPk(party);
        QueryRequest query = QueryRequest.builder().tableName(tableName).consistentRead(true)
                .keyConditionExpression("pk = :party AND begins_with(sk, :deals)")
                .expressionAttributeValues(Map.of(":party", s(partition), ":deals", s(PARTY_PACKAGE_DEAL)))
                .scanIndexForward(false)
                .build();
        var start = PageCursors.decode(cursor, Set.of(PK, SK), PK, partition);
        return FilteredPages.page(dynamoDb, query, start, item -> true, DealItems::packageDealFrom, limit,
                List.of(PK, SK));
    }

    @Override
    public List<PackageDealId> lapsedBefore(Instant now, int limit) {
        var response = dynamoDb.query(request -> request.tableName(tableName).indexName(GSI1)
                .keyConditionExpression("gsi1pk = :lapsing AND gsi1sk < :bound")
                .expressionAttributeValues(Map.of(":lapsing", s(PACKAGE_LAPSING_PARTITION),
                        ":bound", s(millis(now))))
                .limit(limit));
        return response.items().stream().map(item -> new PackageDealId(item.get("dealId").s())).toList();
    }

    private static final String OPEN_PACKAGE_DEAL = "OPEN_PACKAGE_DEAL#";
    private static final String PARTY_PACKAGE_DEAL = "PACKAGE_DEAL#";

    /**
     * A copy of the deal under its carrier and under each of its shippers (once per shipper), rewritten with every
     * change like a negotiation's party copies: what a party's list reads (pattern 16a). Its sort key is the deal's
     * ULID, so a party's deals read newest first.
     */
    private List<TransactWriteItem> packageDealCopies(PackageDeal deal) {
        Map<String, AttributeValue> document = DealItems.packageDealDocument(deal);
        var parties = new java.util.LinkedHashSet<PartnerId>();
        parties.add(deal.carrier());
        parties.addAll(deal.shippers());
        List<TransactWriteItem> writes = new ArrayList<>();
        for (PartnerId party : parties) {
            Map<String, AttributeValue> copy = new HashMap<>();
            copy.put(PK, s(partyPk(party)));
            copy.put(SK, s(PARTY_PACKAGE_DEAL + deal.id().value()));
            copy.put("entityType", s("PARTY_PACKAGE_DEAL"));
            copy.put("dealId", s(deal.id().value()));
            copy.put("status", s(deal.status().name()));
            copy.putAll(document);
            if (deal.status() != PackageDealStatus.OPEN) {
                copy.put(TTL, n(deal.openUntil().plus(RETENTION).getEpochSecond()));
            }
            writes.add(put(Put.builder().tableName(tableName).item(copy).build()));
        }
        return writes;
    }

    /** The truck's lane, then each load's, in chain order. */
    private static List<String> lanesOf(PackageDeal deal) {
        List<String> lanes = new ArrayList<>();
        lanes.add(deal.capacityLaneId().value());
        deal.legs().forEach(leg -> lanes.add(leg.loadLaneId().value()));
        return lanes;
    }

    private TransactWriteItem packageDealWrite(PackageDeal deal, long expectedVersion) {
        Map<String, AttributeValue> item = new HashMap<>(packageDealKey(deal.id().value()));
        item.put("entityType", s("PACKAGE_DEAL"));
        item.put("dealId", s(deal.id().value()));
        item.put("packageId", s(deal.packageId().value()));
        item.put("status", s(deal.status().name()));
        item.put("version", n(expectedVersion + 1));
        item.putAll(DealItems.packageDealDocument(deal));
        if (deal.status() == PackageDealStatus.OPEN) {
            item.put(GSI1_PK, s(PACKAGE_LAPSING_PARTITION));
            item.put(GSI1_SK, s(millis(deal.lapsesAt()) + "#" + deal.id().value()));
        } else {
            item.put(TTL, n(deal.openUntil().plus(RETENTION).getEpochSecond()));
        }
        var main = Put.builder().tableName(tableName).item(item);
        if (expectedVersion == 0) {
            main.conditionExpression("attribute_not_exists(pk)");
        } else {
            main.conditionExpression("version = :expected")
                    .expressionAttributeValues(Map.of(":expected", n(expectedVersion)));
        }
        return put(main.build());
    }

    /** A closed deal frees its package for a new deal and leaves its lanes' lists. */
    private List<TransactWriteItem> packageClosingWrites(PackageDeal closed) {
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(delete(tableName, packageLockKey(closed.packageId().value())));
        for (String laneId : lanesOf(closed)) {
            writes.add(delete(tableName, Map.of(PK, s(laneOpenPk(laneId)),
                    SK, s(OPEN_PACKAGE_DEAL + closed.id().value()))));
        }
        return writes;
    }

    private static Map<String, AttributeValue> packageLock(PackageDeal deal) {
        Map<String, AttributeValue> item = new HashMap<>(packageLockKey(deal.packageId().value()));
        item.put("entityType", s("OPEN_DEAL_OF_PACKAGE"));
        item.put("dealId", s(deal.id().value()));
        return item;
    }

    private static Map<String, AttributeValue> packageDealKey(String id) {
        return Map.of(PK, s("PACKAGE_DEAL#" + id), SK, s("PACKAGE_DEAL"));
    }

    private static Map<String, AttributeValue> packageLockKey(String packageId) {
        return Map.of(PK, s("PACKAGE#" + packageId), SK, s("OPEN_PACKAGE_DEAL"));
    }

    // ---- bookings

    @Override
    public Optional<Versioned<Booking>> find(BookingId id) {
        var item = get(bookingKey(id.value()));
        return item.isEmpty() ? Optional.empty()
                : Optional.of(new Versioned<>(DealItems.bookingFrom(item),
                        Long.parseLong(item.get("version").n())));
    }

    @Override
    public void update(Booking next, long expectedVersion, List<Notification> notifications) {
        transact(bookingWrites(next, expectedVersion, notifications), e -> staleBooking(next, expectedVersion, e));
    }

    /**
     * The delivery and its outcome in one transaction (ADR 26): the counters move exactly when the booking
     * becomes DELIVERED, once, or not at all; the lane-pair days with them (ADR 45).
     */
    @Override
    public void deliver(Booking next, long expectedVersion, List<Notification> notifications,
            DeliveredOutcome outcome) {
        List<TransactWriteItem> writes = bookingWrites(next, expectedVersion, notifications);
        OutcomeItems.updates(tableName, outcome)
                .forEach(update -> writes.add(TransactWriteItem.builder().update(update).build()));
        transact(writes, e -> staleBooking(next, expectedVersion, e));
    }

    /** {@inheritDoc} With the network counters of the load's region and the delivery's week (ADR 41). */
    @Override
    public void deliver(Booking next, long expectedVersion, List<Notification> notifications,
            DeliveredOutcome outcome, PostedLane.Load load) {
        List<TransactWriteItem> writes = bookingWrites(next, expectedVersion, notifications);
        OutcomeItems.updates(tableName, outcome)
                .forEach(update -> writes.add(TransactWriteItem.builder().update(update).build()));
        if (analyticsTableName != null) {
            writes.add(NetworkItems.write(analyticsTableName, NetworkActivity.delivered(outcome, load)));
        }
        transact(writes, e -> staleBooking(next, expectedVersion, e));
    }

    /** The booking at its next version (if still at {@code expectedVersion}), both parties' copies, the outbox. */
    private List<TransactWriteItem> bookingWrites(Booking next, long expectedVersion, List<Notification> notifications) {
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(put(Put.builder().tableName(tableName).item(bookingItem(next, expectedVersion + 1))
                .conditionExpression("version = :expected")
                .expressionAttributeValues(Map.of(":expected", n(expectedVersion))).build()));
        writes.add(put(Put.builder().tableName(tableName).item(bookingCopy(next, next.carrier())).build()));
        writes.add(put(Put.builder().tableName(tableName).item(bookingCopy(next, next.shipper())).build()));
        writes.addAll(outboxWrites(notifications));
        return writes;
    }

    private static StaleWriteException staleBooking(Booking next, long expectedVersion,
            TransactionCanceledException e) {
        return new StaleWriteException("booking " + next.id().value() + " changed since version " + expectedVersion
                + ": " + Transactions.reasons(e));
    }

    // ---- the outcome ledger

    /**
     * The outcome ledger alone, for a function that reads nothing else of the deals (the settlement API's
     * collaboration figures): reading the day ledgers touches only NegotiationsTable.
     */
    public static OutcomeLedger outcomeLedger(DynamoDbClient dynamoDb, String negotiationsTableName) {
        return new DynamoDbDealStore(dynamoDb, negotiationsTableName, null);
    }

    @Override
    public List<DayLedger> days(PartnerId partner, LocalDate from, LocalDate to) {
        return outcomeItems(partner, OutcomeItems.DAY + from, OutcomeItems.DAY + to, OutcomeItems::dayFrom);
    }

    @Override
    public List<LanePairDay> lanePairDays(PartnerId partner, LocalDate from, LocalDate to) {
        return outcomeItems(partner, OutcomeItems.LANE_PAIR_DAY + from,
                OutcomeItems.LANE_PAIR_DAY + to + OutcomeItems.AFTER_THE_DAYS_LANE_PAIRS, OutcomeItems::lanePairDayFrom);
    }

    private <T> List<T> outcomeItems(PartnerId partner, String fromSortKey, String toSortKey,
            Function<Map<String, AttributeValue>, T> read) {
        List<T> items = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            var page = dynamoDb.query(QueryRequest.builder().tableName(tableName)
                    .keyConditionExpression("pk = :pk AND sk BETWEEN :from AND :to")
                    .expressionAttributeValues(Map.of(":pk", s(OutcomeItems.PREFIX + partner.value()),
                            ":from", s(fromSortKey), ":to", s(toSortKey)))
                    .exclusiveStartKey(start).build());
            page.items().forEach(item -> items.add(read.apply(item)));
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return items;
    }

    @Override
    public Page<Booking> listForParty(PartnerId party, BookingStatus status, int limit, String cursor) {
        String partition = partyPk(party);
        QueryRequest query = QueryRequest.builder().tableName(tableName).consistentRead(true)
                .keyConditionExpression("pk = :party AND begins_with(sk, :bookings)")
                .expressionAttributeValues(Map.of(":party", s(partition), ":bookings", s("BOOKING#")))
                .scanIndexForward(false)
                .build();
        var start = PageCursors.decode(cursor, Set.of(PK, SK), PK, partition);
        return FilteredPages.page(dynamoDb, query, start,
                item -> status == null || status.name().equals(item.get("status").s()),
                DealItems::bookingFrom, limit, List.of(PK, SK));
    }

    // ---- delegations

    @Override
    public void save(Delegation delegation) {
        Map<String, AttributeValue> item = new HashMap<>(delegationKey(delegation.principal(), delegation.broker()));
        item.put("entityType", s("DELEGATION"));
        item.put("principal", s(delegation.principal().value()));
        item.put("broker", s(delegation.broker().value()));
        item.put("scope", s(delegation.scope().name()));
        item.put("grantedAt", s(delegation.grantedAt().toString()));
        if (delegation.revokedAt() != null) {
            item.put("revokedAt", s(delegation.revokedAt().toString()));
        }
        item.put(GSI1_PK, s("BROKER#" + delegation.broker().value()));
        item.put(GSI1_SK, s(delegation.principal().value()));
        dynamoDb.putItem(request -> request.tableName(tableName).item(item));
    }

    @Override
    public Optional<Delegation> find(PartnerId principal, PartnerId broker) {
        var item = get(delegationKey(principal, broker));
        return item.isEmpty() ? Optional.empty() : Optional.of(delegationFrom(item));
    }

    @Override
    public List<Delegation> grantedBy(PartnerId principal) {
        List<Delegation> found = new ArrayList<>();
        dynamoDb.queryPaginator(request -> request.tableName(tableName).consistentRead(true)
                        .keyConditionExpression("pk = :party AND begins_with(sk, :delegations)")
                        .expressionAttributeValues(Map.of(":party", s(partyPk(principal)),
                                ":delegations", s("DELEGATION#"))))
                .items().forEach(item -> found.add(delegationFrom(item)));
        return found;
    }

    @Override
    public List<Delegation> heldBy(PartnerId broker) {
        List<Delegation> found = new ArrayList<>();
        dynamoDb.queryPaginator(request -> request.tableName(tableName).indexName(GSI1)
                        .keyConditionExpression("gsi1pk = :broker")
                        .expressionAttributeValues(Map.of(":broker", s("BROKER#" + broker.value()))))
                .items().forEach(item -> found.add(delegationFrom(item)));
        return found;
    }

    // ---- auto-accept prices

    @Override
    public void set(String laneId, Money price) {
        dynamoDb.putItem(request -> request.tableName(tableName).item(Map.of(PK, s(laneOpenPk(laneId)),
                SK, s("AUTO_ACCEPT"), "entityType", s("AUTO_ACCEPT_PRICE"),
                "amountMinorUnits", n(price.amountMinorUnits()), "currency", s(price.currency().getCurrencyCode()))));
    }

    @Override
    public void clear(String laneId) {
        dynamoDb.deleteItem(request -> request.tableName(tableName).key(autoAcceptKey(laneId)));
    }

    @Override
    public Optional<Money> find(String laneId) {
        var item = get(autoAcceptKey(laneId));
        return item.isEmpty() ? Optional.empty() : Optional.of(Money.of(Long.parseLong(item.get("amountMinorUnits").n()),
                item.get("currency").s()));
    }

    // ---- notification outbox

    @Override
    public List<Notification> pending(Instant writtenBefore, int limit) {
        var response = dynamoDb.query(request -> request.tableName(tableName).indexName(GSI1)
                .keyConditionExpression("gsi1pk = :outbox AND gsi1sk < :bound")
                .expressionAttributeValues(Map.of(":outbox", s(OUTBOX_PARTITION), ":bound", s(millis(writtenBefore))))
                .limit(limit));
        return response.items().stream().map(DynamoDbDealStore::notificationFrom).toList();
    }

    @Override
    public void handedOver(String eventId) {
        dynamoDb.deleteItem(request -> request.tableName(tableName).key(Map.of(PK, s("NOTIFY#" + eventId),
                SK, s("NOTIFY"))));
    }

    // ---- items

    private List<TransactWriteItem> negotiationWrites(Negotiation negotiation, long expectedVersion) {
        return negotiationWrites(negotiation, expectedVersion, null);
    }

    /** With the booking an agreement made (null otherwise), on the negotiation and its party copies (ADR 40). */
    private List<TransactWriteItem> negotiationWrites(Negotiation negotiation, long expectedVersion,
            BookingId bookingId) {
        Map<String, AttributeValue> document = new HashMap<>(DealItems.negotiationDocument(negotiation));
        if (bookingId != null) {
            document.put(BOOKING_ID, s(bookingId.value()));
        }
        Map<String, AttributeValue> item = new HashMap<>(negotiationKey(negotiation.id().value()));
        item.put("entityType", s("NEGOTIATION"));
        item.put("negotiationId", s(negotiation.id().value()));
        item.put("status", s(negotiation.status().name()));
        item.put("version", n(expectedVersion + 1));
        item.putAll(document);
        if (negotiation.status() == NegotiationStatus.OPEN) {
            item.put(GSI1_PK, s(LAPSING_PARTITION));
            item.put(GSI1_SK, s(millis(negotiation.currentOffer().expiresAt()) + "#" + negotiation.id().value()));
        } else {
            item.put(TTL, n(negotiation.offerDeadline().plus(RETENTION).getEpochSecond()));
        }
        var main = Put.builder().tableName(tableName).item(item);
        if (expectedVersion == 0) {
            main.conditionExpression("attribute_not_exists(pk)");
        } else {
            main.conditionExpression("version = :expected")
                    .expressionAttributeValues(Map.of(":expected", n(expectedVersion)));
        }
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(put(main.build()));
        for (PartnerId party : List.of(negotiation.carrier(), negotiation.shipper())) {
            Map<String, AttributeValue> copy = new HashMap<>();
            copy.put(PK, s(partyPk(party)));
            copy.put(SK, s("NEGOTIATION#" + negotiation.id().value()));
            copy.put("entityType", s("PARTY_NEGOTIATION"));
            copy.put("status", s(negotiation.status().name()));
            copy.putAll(document);
            if (item.containsKey(TTL)) {
                copy.put(TTL, item.get(TTL));
            }
            writes.add(put(Put.builder().tableName(tableName).item(copy).build()));
        }
        if (expectedVersion == 0 && negotiation.status() == NegotiationStatus.OPEN) {
            for (String laneId : List.of(negotiation.capacityLaneId().value(), negotiation.loadLaneId().value())) {
                writes.add(put(Put.builder().tableName(tableName).item(Map.of(PK, s(laneOpenPk(laneId)),
                        SK, s("OPEN#" + negotiation.id().value()), "entityType", s("LANE_NEGOTIATION"),
                        "negotiationId", s(negotiation.id().value()))).build()));
            }
        }
        return writes;
    }

    /** A closed negotiation releases its match for a new one and leaves its lanes' open lists. */
    private List<TransactWriteItem> closingWrites(Negotiation closed) {
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(delete(tableName, openLockKey(closed.matchId().value())));
        for (String laneId : List.of(closed.capacityLaneId().value(), closed.loadLaneId().value())) {
            writes.add(delete(tableName, Map.of(PK, s(laneOpenPk(laneId)), SK, s("OPEN#" + closed.id().value()))));
        }
        return writes;
    }

    private Map<String, AttributeValue> openLock(Negotiation negotiation) {
        Map<String, AttributeValue> item = new HashMap<>(openLockKey(negotiation.matchId().value()));
        item.put("entityType", s("OPEN_NEGOTIATION_OF_MATCH"));
        item.put("negotiationId", s(negotiation.id().value()));
        return item;
    }

    private Map<String, AttributeValue> bookingItem(Booking booking, long version) {
        Map<String, AttributeValue> item = new HashMap<>(bookingKey(booking.id().value()));
        item.put("entityType", s("BOOKING"));
        item.put("bookingId", s(booking.id().value()));
        item.put("status", s(booking.status().name()));
        item.put("version", n(version));
        item.putAll(DealItems.bookingDocument(booking));
        item.put(TTL, n(booking.pickupWindowOpensAt().plus(RETENTION).getEpochSecond()));
        return item;
    }

    private static Map<String, AttributeValue> bookingCopy(Booking booking, PartnerId party) {
        return DealItems.partyBookingCopy(booking, party);
    }

    /** OPEN → BOOKED, only while the lane is open and its time has not passed; it leaves the candidate index. */
    private TransactWriteItem bookLane(String laneId, Instant now) {
        return TransactWriteItem.builder().update(Update.builder().tableName(lanesTableName)
                .key(LaneItems.laneKey(laneId))
                .updateExpression("SET #status = :booked, updatedAt = :now REMOVE " + LaneItems.CANDIDATE_INDEX)
                .conditionExpression("#status = :open AND #until > :nowSeconds")
                .expressionAttributeNames(Map.of("#status", "status", "#until", LaneItems.MATCHABLE_UNTIL))
                .expressionAttributeValues(Map.of(":booked", s(LaneStatus.BOOKED.name()), ":open",
                        s(LaneStatus.OPEN.name()), ":now", s(now.toString()), ":nowSeconds", n(now.getEpochSecond())))
                .build()).build();
    }

    private List<TransactWriteItem> outboxWrites(List<Notification> notifications) {
        return outboxWrites(tableName, notifications);
    }

    /** The outbox entries of {@code notifications} in the negotiations table {@code tableName} (also tracking's). */
    static List<TransactWriteItem> outboxWrites(String tableName, List<Notification> notifications) {
        List<TransactWriteItem> writes = new ArrayList<>();
        for (Notification notification : notifications) {
            Map<String, AttributeValue> item = new HashMap<>();
            item.put(PK, s("NOTIFY#" + notification.eventId()));
            item.put(SK, s("NOTIFY"));
            item.put("entityType", s("NOTIFICATION"));
            item.put("eventId", s(notification.eventId()));
            item.put("type", s(notification.type().name()));
            item.put("recipient", s(notification.recipient().value()));
            item.put("occurredAt", s(notification.occurredAt().toString()));
            item.put("data", s(notification.dataJson()));
            item.put(GSI1_PK, s(OUTBOX_PARTITION));
            item.put(GSI1_SK, s(millis(notification.occurredAt()) + "#" + notification.eventId()));
            item.put(TTL, n(notification.occurredAt().plus(OUTBOX_RETENTION).getEpochSecond()));
            writes.add(put(Put.builder().tableName(tableName).item(item).build()));
        }
        return writes;
    }

    private static Notification notificationFrom(Map<String, AttributeValue> item) {
        return new Notification(item.get("eventId").s(), NotificationType.valueOf(item.get("type").s()),
                new PartnerId(item.get("recipient").s()), Instant.parse(item.get("occurredAt").s()),
                item.get("data").s());
    }

    private static Delegation delegationFrom(Map<String, AttributeValue> item) {
        return new Delegation(new PartnerId(item.get("principal").s()), new PartnerId(item.get("broker").s()),
                DelegationScope.valueOf(item.get("scope").s()), Instant.parse(item.get("grantedAt").s()),
                item.containsKey("revokedAt") ? Instant.parse(item.get("revokedAt").s()) : null);
    }

    // ---- keys and plumbing

    private static Map<String, AttributeValue> negotiationKey(String id) {
        return Map.of(PK, s("NEGOTIATION#" + id), SK, s("NEGOTIATION"));
    }

    private static Map<String, AttributeValue> bookingKey(String id) {
        return Map.of(PK, s("BOOKING#" + id), SK, s("BOOKING"));
    }

    private static Map<String, AttributeValue> openLockKey(String matchId) {
        return Map.of(PK, s("MATCH#" + matchId), SK, s("OPEN_NEGOTIATION"));
    }

    private static Map<String, AttributeValue> delegationKey(PartnerId principal, PartnerId broker) {
        return Map.of(PK, s(partyPk(principal)), SK, s("DELEGATION#" + broker.value()));
    }

    private static Map<String, AttributeValue> autoAcceptKey(String laneId) {
        return Map.of(PK, s(laneOpenPk(laneId)), SK, s("AUTO_ACCEPT"));
    }

    private static String partyPk(PartnerId party) {
        return "PARTY#" + party.value();
    }

    private static String laneOpenPk(String laneId) {
        return "LANE#" + laneId;
    }

    private static String millis(Instant instant) {
        return String.format(Locale.ROOT, "%013d", instant.toEpochMilli());
    }

    private Map<String, AttributeValue> get(Map<String, AttributeValue> key) {
        return get(tableName, key);
    }

    private Map<String, AttributeValue> get(String table, Map<String, AttributeValue> key) {
        var item = dynamoDb.getItem(request -> request.tableName(table).key(key).consistentRead(true)).item();
        return item == null ? Map.of() : item;
    }

    private static TransactWriteItem put(Put put) {
        return TransactWriteItem.builder().put(put).build();
    }

    private static TransactWriteItem delete(String table, Map<String, AttributeValue> key) {
        return TransactWriteItem.builder().delete(Delete.builder().tableName(table).key(key).build()).build();
    }

    /**
     * An opening: its lock is write 0 and its idempotency record, if any, is appended last. A failed lock is the
     * object already open, a failed record a retry of another request with the same key, anything else a stale write.
     */
    private void transactOpening(List<TransactWriteItem> writes, IdempotencyRecord idempotencyRecord,
            java.util.function.Supplier<RuntimeException> alreadyOpen, String what) {
        int idempotencyWrite = addIdempotencyWrite(writes, idempotencyRecord);
        transact(writes, e -> {
            if (idempotencyWrite >= 0
                    && Transactions.failedAt(e, idempotencyWrite, Transactions.CONDITIONAL_CHECK_FAILED)) {
                return new IdempotencyConflictException(idempotencyRecord.recordId());
            }
            if (Transactions.failedAt(e, 0, Transactions.CONDITIONAL_CHECK_FAILED)) {
                return alreadyOpen.get();
            }
            return new StaleWriteException(what + " exists: " + Transactions.reasons(e));
        });
    }

    private void transact(List<TransactWriteItem> writes,
            java.util.function.Function<TransactionCanceledException, RuntimeException> failure) {
        Transactions.writeRetryingRaces(dynamoDb, writes, failure);
    }
}
