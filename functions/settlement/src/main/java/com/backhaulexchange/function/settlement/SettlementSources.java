package com.backhaulexchange.function.settlement;

import com.backhaulexchange.adapter.dynamodb.DealItems;
import com.backhaulexchange.adapter.dynamodb.DynamoDbDealStore;
import com.backhaulexchange.adapter.dynamodb.DynamoDbDetentionClaimStore;
import com.backhaulexchange.adapter.dynamodb.DynamoDbLaneRepository;
import com.backhaulexchange.adapter.dynamodb.DynamoDbMatchRepository;
import com.backhaulexchange.adapter.dynamodb.DynamoDbPackageRepository;
import com.backhaulexchange.deal.booking.Booking;
import com.backhaulexchange.deal.booking.BookingId;
import com.backhaulexchange.deal.packagedeal.BookedPackageLeg;
import com.backhaulexchange.kernel.money.Money;
import com.backhaulexchange.lane.PostedLane;
import com.backhaulexchange.matching.Match;
import com.backhaulexchange.matching.MatchId;
import com.backhaulexchange.partner.PartnerId;
import com.backhaulexchange.tracking.DetentionClaim;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * What period close reads from the other contexts, read-only: a member's bookings (its party copies in
 * NegotiationsTable, {@code PARTY#<id> / BOOKING#<id>}) and a booking's match (LanesTable
 * {@code MATCH#<id> / MATCH}, whose economics give the shipper price and the carrier's incremental cost) and
 * the booked lanes themselves ({@code LANE#<id> / LANE}), to price the pairs that were not booked; for a booking
 * made through a package deal, the deal and the package (ADR 39); and a delivered booking's confirmed detention
 * ({@code BOOKING#<id> / DETENTION#<stop>}, ADR 38).
 */
class SettlementSources {
    private final DynamoDbClient dynamoDb;
    private final String negotiationsTable;
    private final DynamoDbMatchRepository matches;
    private final DynamoDbLaneRepository lanes;
    private final DynamoDbDealStore deals;
    private final DynamoDbPackageRepository packages;
    private final DynamoDbDetentionClaimStore detention;

    SettlementSources(DynamoDbClient dynamoDb, String negotiationsTable, String lanesTable) {
        this.dynamoDb = dynamoDb;
        this.negotiationsTable = negotiationsTable;
        this.matches = new DynamoDbMatchRepository(dynamoDb, lanesTable);
        this.lanes = new DynamoDbLaneRepository(dynamoDb, lanesTable);
        this.deals = new DynamoDbDealStore(dynamoDb, negotiationsTable, lanesTable);
        this.packages = new DynamoDbPackageRepository(dynamoDb, lanesTable);
        this.detention = new DynamoDbDetentionClaimStore(dynamoDb, negotiationsTable);
    }

    /** The package leg a booking is, when it was booked through a package deal (ADR 39, {@link BookedPackageLeg}). */
    Optional<BookedPackageLeg> packageLeg(Booking booking) {
        return BookedPackageLeg.of(booking, deals, packages);
    }

    /**
     * The booking's detention the shipper confirmed, its stops' charges together, in {@code currency} (ADR 38): one
     * Query of the booking's partition ({@code BOOKING#<id> / DETENTION#<stop>}). Claims still open or disputed
     * are not settled.
     */
    Money confirmedDetention(BookingId id, Currency currency) {
        long total = 0;
        for (DetentionClaim claim : detention.claims(id)) {
            if (claim.status() == DetentionClaim.Status.CONFIRMED
                    && claim.detention().charge().currency().equals(currency)) {
                total = Math.addExact(total, claim.detention().charge().amountMinorUnits());
            }
        }
        return new Money(total, currency);
    }

    /** Every booking the partner is a party to (its party copies, all pages, strongly consistent). */
    List<Booking> bookingsOf(PartnerId party) {
        List<Booking> bookings = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            QueryResponse page = dynamoDb.query(request -> request.tableName(negotiationsTable).consistentRead(true)
                    .keyConditionExpression("pk = :party AND begins_with(sk, :bookings)")
                    .expressionAttributeValues(Map.of(":party", AttributeValue.fromS("PARTY#" + party.value()),
                            ":bookings", AttributeValue.fromS("BOOKING#")))
                    .exclusiveStartKey(from));
            page.items().forEach(item -> bookings.add(DealItems.bookingFrom(item)));
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return bookings;
    }

    Optional<Match> match(MatchId id) {
        return matches.find(id);
    }

    /** A lane as posted (LanesTable {@code LANE#<id> / LANE}), whatever its status now. */
    Optional<PostedLane> lane(String laneId) {
        return lanes.findLane(laneId);
    }
}
