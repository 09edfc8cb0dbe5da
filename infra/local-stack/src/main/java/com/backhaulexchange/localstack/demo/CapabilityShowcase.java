package com.backhaulexchange.localstack.demo;

import com.backhaulexchange.localstack.demo.DemoCities.City;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One example of every capability, seeded through the stack's public API and its local controls as partners
 * and the operator would (ADR 31): a carrier and two shippers, a webhook of the carrier's on the local
 * stack's receiver, a collaboration of the three, and seven moves on the carrier's way home, left in every
 * state a newcomer may want to look at: two delivered, one picked up, one booked, one cancelled, one
 * negotiation open and one countered. A second truck of the carrier's, at home and due back home, is filled by a
 * reload package: a load of each shipper's, out to a city and back. The collaboration's first period is then
 * settled by the real settler:
 * the settlement clock is moved with the operator's local control, the settlement schedule is fired, and
 * the clock is put back.
 *
 * <p>The cities, amounts and shapes are drawn from {@code random}, so a seed always gives the same showcase;
 * times are relative to {@code clock}. Every wait has a deadline, so seeding is bounded in time whatever
 * happens; what the API refused is in {@link Showcase#failures()}.
 */
public final class CapabilityShowcase {
    /** For all seven loads together, from the last posting. */
    static final Duration MATCH_DEADLINE = Duration.ofSeconds(30);
    static final Duration SETTLEMENT_DEADLINE = Duration.ofSeconds(30);
    static final Duration WEBHOOK_DEADLINE = Duration.ofSeconds(10);
    static final Duration PACKAGE_DEADLINE = Duration.ofSeconds(30);
    /** The local webhook receiver's name for the carrier's webhook: {@code /_local/webhook-receiver/demo-carrier}. */
    public static final String RECEIVER_NAME = "demo-carrier";

    private static final DateTimeFormatter RFC_9557 = DateTimeFormatter.ISO_ZONED_DATE_TIME;
    private static final double CIRCUITY = 1.2;
    private static final double PLANNING_SPEED_MPH = 50;
    private static final long DAY_SECONDS = 86_400;
    private static final String EQUIPMENT = "DRY_VAN";
    private static final List<String> COMMODITIES = List.of("Canned vegetables", "Paper towels", "Bottled water",
            "Pet food");

    /** What each of the seven moves is left as. */
    public enum Fate {
        DELIVERED, PICKED_UP, BOOKED, CANCELLED, NEGOTIATION_OPEN, NEGOTIATION_COUNTERED;

        boolean booked() {
            return this == DELIVERED || this == PICKED_UP || this == BOOKED || this == CANCELLED;
        }
    }

    /** A seeded partner: its id, its first API key and its name. */
    public record Party(String partnerId, String apiKey, String legalName) {
    }

    /**
     * What was seeded, for the banner and its commands: the partners' keys, the ids to look at, the receiver's
     * path, the settled collaboration (null when there was no operator key to move the settlement clock with,
     * and then {@code settlementSkipped} says why), the UTC day whose outcomes the deliveries count in, and the
     * round-trip truck whose packages were found (null when none was).
     */
    public record Showcase(Party carrier, Party shipper, Party otherShipper, String loadWithMatches,
            Map<Fate, String> negotiations, Map<Fate, String> bookings, RoundTrip roundTrip, String receiverPath,
            String settledCollaborationId, String settlementSkipped, LocalDate outcomesDay, List<String> failures) {
    }

    private final DemoCities cities = DemoCities.load();
    private final URI baseUrl;
    private final Random random;
    private final Clock clock;
    private final String operatorKey;

    /** {@code operatorKey} moves the settlement clock; without it, the collaboration is left unsettled. */
    public CapabilityShowcase(URI baseUrl, Random random, Clock clock, String operatorKey) {
        this.baseUrl = baseUrl;
        this.random = random;
        this.clock = clock;
        this.operatorKey = operatorKey == null || operatorKey.isBlank() ? null : operatorKey;
    }

    /**
     * The carrier's truck at home, due back home, the two loads of its package (out and back), and the deal the
     * carrier opened on the package: the outbound load's shipper has accepted, the return load's is awaited.
     */
    public record RoundTrip(String truckId, String outboundLoadId, String returnLoadId, String packageId,
            String packageDealId) {
    }

    /** Everything the seed decides, drawn before the first call: the same seed gives the same plan. */
    record Plan(City home, long carrierCostCentsPerMile, List<Move> moves, Tour tour) {
    }

    /**
     * A round trip from the carrier's home: shipper 0's load out to {@code turnaround}, shipper 1's load back the
     * next day. Neither load alone brings the truck home within its deadhead limits; both together leave it no
     * empty mile.
     */
    record Tour(City turnaround, long outboundBudget, long returnBudget, String outboundCommodity,
            String returnCommodity) {
    }

    /**
     * One move of the carrier's: a truck empty at {@code origin} going home to {@code destination}, and the load of
     * shipper 0 or 1 between the two, picked up now or {@code tomorrow}, opened at a share of its budget.
     */
    record Move(Fate fate, int shipper, City origin, City destination, boolean tomorrow, long budget, int weightLbs,
            int pallets, String commodity, int openingPercent) {
        double loadedRoadMiles() {
            return origin.greatCircleMilesTo(destination) * CIRCUITY;
        }
    }

    private record Posted(Move move, Party shipper, String truckId, String loadId) {
    }

    /** The ids of what was negotiated and booked, and the moves to deliver by booking id. */
    private record Deals(Map<Fate, String> negotiations, Map<Fate, String> bookings, Map<String, Move> toDeliver) {
    }

    public Showcase seed() {
        List<String> failures = new ArrayList<>();
        DemoApi api = new DemoApi(baseUrl, failures);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MINUTES);

        Plan plan = plan();
        City home = plan.home();
        City firstOrigin = plan.moves().get(0).origin();
        City secondOrigin = plan.moves().get(1).origin();
        Party carrier = register(api, home.name() + " Backhaul Carriers LLC", "CARRIER", home,
                plan.carrierCostCentsPerMile());
        Party shipper = register(api, firstOrigin.name() + " Produce Co", "SHIPPER", firstOrigin, 0);
        Party otherShipper = register(api, secondOrigin.name() + " Supply Co", "SHIPPER", secondOrigin, 0);
        if (carrier == null || shipper == null || otherShipper == null) {
            return new Showcase(carrier, shipper, otherShipper, null, Map.of(), Map.of(), null, null, null,
                    "the partners could not be registered", null, List.copyOf(failures));
        }
        api.fileCompliance(carrier.apiKey(), carrier.legalName(), now);

        String receiverPath = "/_local/webhook-receiver/" + RECEIVER_NAME;
        api.expect(201, "POST", "/partners/me/webhooks", carrier.apiKey(),
                new WebhookRegistration(baseUrl.resolve(receiverPath).toString(),
                        "whsec_demo_" + UUID.randomUUID().toString().replace("-", "")));

        String collaborationId = operatorKey == null ? null : formPool(api, carrier, shipper, otherShipper, now);

        // The moves picked up now have had their pickup windows open for an hour; those picked up tomorrow keep
        // their negotiations open for a day and a half.
        Instant later = now.plus(Duration.ofHours(21));
        Function<Move, Instant> pickupOpens = move -> move.tomorrow() ? later : now.minus(Duration.ofHours(1));
        List<Party> shippers = List.of(shipper, otherShipper);
        // Every truck first, so that each load's matching finds its truck at once.
        List<String> trucks = plan.moves().stream()
                .map(move -> postTruck(api, carrier, move, pickupOpens.apply(move))).toList();
        List<Posted> posted = new ArrayList<>();
        for (int i = 0; i < plan.moves().size(); i++) {
            Move move = plan.moves().get(i);
            Party owner = shippers.get(move.shipper());
            String load = postLoad(api, move, owner, pickupOpens.apply(move));
            if (trucks.get(i) != null && load != null) {
                posted.add(new Posted(move, owner, trucks.get(i), load));
            }
        }

        RoundTrip roundTrip = postRoundTrip(api, carrier, shippers, plan, later);
        Deals deals = deal(api, carrier, posted, later, failures);
        // A delivery is recorded after its pickup, to the second.
        pause(Duration.ofMillis(1_100));
        LocalDate deliveredOn = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        deals.toDeliver().forEach((booking, move) -> api.expect(200, "POST", "/bookings/" + booking + "/delivery",
                carrier.apiKey(), new Delivery(clock.instant().truncatedTo(ChronoUnit.SECONDS).toString(),
                        Math.round(move.loadedRoadMiles() * 10) / 10.0)));

        String settled = collaborationId == null ? null : settle(api, carrier, collaborationId);
        awaitWebhookDelivery(api, receiverPath, failures);
        String loadWithMatches = posted.stream().filter(move -> move.move().fate() == Fate.NEGOTIATION_COUNTERED)
                .map(Posted::loadId).findFirst().orElse(null);
        return new Showcase(carrier, shipper, otherShipper, loadWithMatches, Map.copyOf(deals.negotiations()),
                Map.copyOf(deals.bookings()), awaitPackage(api, carrier, shippers, plan, roundTrip, failures), receiverPath, settled,
                operatorKey == null ? "no operator key to move the settlement clock with" : null, deliveredOn,
                List.copyOf(failures));
    }

    /**
     * On each match the shipper opens; the carrier counters or accepts; then the carrier records the pickups
     * and the shipper cancels one booking. The deliveries come after.
     */
    private Deals deal(DemoApi api, Party carrier, List<Posted> posted, Instant later, List<String> failures) {
        Map<Fate, String> negotiations = new LinkedHashMap<>();
        Map<Fate, String> bookings = new LinkedHashMap<>();
        Map<String, Move> toDeliver = new LinkedHashMap<>();
        long matchesDue = System.nanoTime() + MATCH_DEADLINE.toNanos();
        for (Posted move : posted) {
            Fate fate = move.move().fate();
            String match = awaitMatch(api, move, matchesDue, failures);
            String negotiation = match == null ? null : negotiate(api, carrier, move, match, later);
            if (negotiation == null) {
                continue;
            }
            negotiations.putIfAbsent(fate, negotiation);
            JsonNode accepted = !fate.booked() ? null
                    : api.expect(200, "POST", "/negotiations/" + negotiation + "/accept", carrier.apiKey(), null);
            String booking = accepted == null ? null : accepted.path("bookingId").asText(null);
            if (booking == null) {
                continue;
            }
            bookings.putIfAbsent(fate, booking);
            if (fate == Fate.DELIVERED || fate == Fate.PICKED_UP) {
                JsonNode pickup = api.expect(200, "POST", "/bookings/" + booking + "/pickup", carrier.apiKey(),
                        new Pickup(clock.instant().truncatedTo(ChronoUnit.SECONDS).toString()));
                if (pickup != null && fate == Fate.DELIVERED) {
                    toDeliver.put(booking, move.move());
                }
            } else if (fate == Fate.CANCELLED) {
                api.expect(200, "POST", "/bookings/" + booking + "/cancellation", move.shipper().apiKey(),
                        new Cancellation("Plant shut down for inventory"));
            }
        }
        return new Deals(negotiations, bookings, toDeliver);
    }

    /**
     * Cities 250 to 600 miles from the carrier's home, at least 120 miles apart, so that each load is matched with
     * its own truck only (a truck takes a load at most 50 miles from where it is empty). Should a home have too
     * few such cities, the spacing is dropped, then the distance: a load matched with several trucks is still
     * matched with its own.
     */
    private List<City> origins(City home, int count) {
        List<City> origins = new ArrayList<>();
        for (int attempt = 0; origins.size() < count; attempt++) {
            City candidate = cities.drawByPopulation(random);
            double miles = candidate.greatCircleMilesTo(home);
            boolean inReach = miles >= 250 && miles <= 600 || attempt >= 20_000 && miles >= 100;
            boolean apart = attempt >= 10_000
                    || origins.stream().allMatch(origin -> origin.greatCircleMilesTo(candidate) >= 120);
            if (inReach && apart) {
                origins.add(candidate);
            }
        }
        return origins;
    }

    /** The carrier's home, its cost, and the seven moves with every figure they need. */
    Plan plan() {
        City home = cities.drawByPopulation(random);
        List<City> origins = origins(home, 7);
        long carrierCost = 190 + random.nextInt(70);
        List<Fate> fates = List.of(Fate.DELIVERED, Fate.DELIVERED, Fate.PICKED_UP, Fate.BOOKED, Fate.CANCELLED,
                Fate.NEGOTIATION_OPEN, Fate.NEGOTIATION_COUNTERED);
        List<Move> moves = new ArrayList<>();
        for (int i = 0; i < fates.size(); i++) {
            Fate fate = fates.get(i);
            double loadedRoadMiles = origins.get(i).greatCircleMilesTo(home) * CIRCUITY;
            // What a dedicated truck would cost: USD 2.90 to 3.30 per loaded mile, within DemoSeeder's assumption.
            long budget = Math.round(loadedRoadMiles * (290 + random.nextInt(41)));
            moves.add(new Move(fate, i % 2, origins.get(i), home, !fate.booked(), budget,
                    500 * (50 + random.nextInt(30)), 12 + random.nextInt(12),
                    COMMODITIES.get(random.nextInt(COMMODITIES.size())), 78 + random.nextInt(9)));
        }
        City turnaround = turnaround(home, origins);
        double tourLegRoadMiles = home.greatCircleMilesTo(turnaround) * CIRCUITY;
        Tour tour = new Tour(turnaround, Math.round(tourLegRoadMiles * (290 + random.nextInt(41))),
                Math.round(tourLegRoadMiles * (290 + random.nextInt(41))),
                COMMODITIES.get(random.nextInt(COMMODITIES.size())),
                COMMODITIES.get(random.nextInt(COMMODITIES.size())));
        return new Plan(home, carrierCost, List.copyOf(moves), tour);
    }

    /**
     * A city 150 to 300 miles from home, a day's drive out and back, at least 120 miles from the seven moves'
     * origins so that its return load is not taken by their trucks; the spacing is dropped, then the distance,
     * should a home have too few such cities.
     */
    private City turnaround(City home, List<City> origins) {
        for (int attempt = 0; ; attempt++) {
            City candidate = cities.drawByPopulation(random);
            double miles = candidate.greatCircleMilesTo(home);
            boolean inReach = miles >= 150 && miles <= 300 || attempt >= 20_000 && miles >= 60 && miles <= 400;
            boolean apart = attempt >= 10_000
                    || origins.stream().allMatch(origin -> origin.greatCircleMilesTo(candidate) >= 120);
            if (inReach && apart) {
                return candidate;
            }
        }
    }

    /**
     * The carrier's operating authority and a current insurance certificate, its PDF uploaded: without them the
     * compliance gate books nothing (ADR 37).
     */
    private Party register(DemoApi api, String legalName, String role, City home, long costCentsPerMile) {
        String domain = legalName.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
        Registration body = new Registration(legalName, List.of(role),
                new Contact("Dispatch desk", "dispatch@" + domain + ".example"), point(home),
                costCentsPerMile > 0 ? new Money(costCentsPerMile, "USD") : null,
                costCentsPerMile > 0 ? List.of(EQUIPMENT) : null);
        JsonNode registered = api.expect(201, "POST", "/partners", null, body);
        return registered == null ? null : new Party(registered.path("partner").path("partnerId").asText(),
                registered.path("apiKey").path("token").asText(), legalName);
    }

    /**
     * The carrier organises a pool of the three "three weeks ago" as far as settlement can tell (period 0
     * starts 20 days back, so the shippers who accept now are members from period 0), then the clock goes back.
     */
    private String formPool(DemoApi api, Party carrier, Party shipper, Party otherShipper, Instant now) {
        Long original = settlementClockOffset(api);
        if (original == null) {
            return null;
        }
        try {
            if (!moveSettlementClock(api, -21 * DAY_SECONDS)) {
                return null;
            }
            LocalDate start = LocalDate.ofInstant(now, ZoneOffset.UTC).minusDays(20);
            JsonNode created = api.expect(201, "POST", "/collaborations", carrier.apiKey(), new CollaborationCreation(
                    "Demo backhaul pool", List.of(shipper.partnerId(), otherShipper.partnerId()),
                    new AgreementTerms("SHAPLEY", 5_000, new RiskTerms("AT_FAULT_CAPPED", new Money(50_000, "USD")),
                            "MONTHLY", "USD", start.toString())));
            String collaboration = created == null ? null : created.path("collaborationId").asText(null);
            if (collaboration == null) {
                return null;
            }
            for (Party invitee : List.of(shipper, otherShipper)) {
                api.expect(200, "POST", "/collaborations/" + collaboration + "/invitations/accept", invitee.apiKey(),
                        null);
            }
            return collaboration;
        } finally {
            moveSettlementClock(api, original);
        }
    }

    /**
     * Period 0 (this month of the pool) is closed "twelve days from now", the hourly settlement schedule is
     * fired, and the settler settles it; then the clock is put back as it was.
     */
    private String settle(DemoApi api, Party carrier, String collaboration) {
        Long original = settlementClockOffset(api);
        if (original == null) {
            return null;
        }
        try {
            if (!moveSettlementClock(api, 12 * DAY_SECONDS)
                    || api.expect(200, "POST", "/_local/schedules/SettlementScheduleFunction/Hourly", null,
                            null) == null) {
                return null;
            }
            String statement = "/collaborations/" + collaboration + "/periods/0/statement";
            JsonNode settled = await(() -> {
                DemoApi.Reply reply = api.call("GET", statement, carrier.apiKey(), null);
                return reply.status() == 200 ? reply.json() : null;
            }, SETTLEMENT_DEADLINE);
            if (settled == null) {
                api.expect(200, "GET", statement, carrier.apiKey(), null);
                return null;
            }
            return collaboration;
        } finally {
            moveSettlementClock(api, original);
        }
    }

    private Long settlementClockOffset(DemoApi api) {
        JsonNode clockNow = api.expect(200, "GET", "/_local/settlement-clock", operatorKey, null);
        return clockNow == null ? null : clockNow.path("offsetSeconds").asLong();
    }

    private boolean moveSettlementClock(DemoApi api, long offsetSeconds) {
        return api.expect(200, "PUT", "/_local/settlement-clock", operatorKey, new ClockOffset(offsetSeconds)) != null;
    }

    /** The carrier's truck, empty where the load is picked up, going home. */
    private String postTruck(DemoApi api, Party carrier, Move move, Instant pickupOpens) {
        Instant availableFrom = pickupOpens.minus(Duration.ofHours(1));
        Instant mustArriveBy = pickupOpens.plus(hoursToDrive(move.loadedRoadMiles())).plus(Duration.ofHours(36));
        JsonNode posted = api.expect(201, "POST", "/lanes/capacity", carrier.apiKey(), new CapacityPosting(
                point(move.origin()), point(move.destination()), zoned(availableFrom, move.origin()),
                zoned(mustArriveBy, move.destination()), EQUIPMENT, 44_000, 26, 50, 100));
        return posted == null ? null : posted.path("laneId").asText(null);
    }

    private String postLoad(DemoApi api, Move move, Party shipper, Instant pickupOpens) {
        return postLoad(api, shipper, move.origin(), move.destination(), pickupOpens, move.budget(), move.weightLbs(),
                move.pallets(), move.commodity());
    }

    /** A load whose windows stay open for a day: the pickup's from {@code pickupOpens}, the delivery's a drive later. */
    private String postLoad(DemoApi api, Party shipper, City origin, City destination, Instant pickupOpens,
            long budgetCents, int weightLbs, int pallets, String commodity) {
        double loadedRoadMiles = origin.greatCircleMilesTo(destination) * CIRCUITY;
        Instant deliveryOpens = pickupOpens.plus(hoursToDrive(loadedRoadMiles)).truncatedTo(ChronoUnit.HOURS);
        JsonNode posted = api.expect(201, "POST", "/lanes/loads", shipper.apiKey(), new LoadPosting(
                point(origin), point(destination),
                new Window(zoned(pickupOpens, origin), zoned(pickupOpens.plus(Duration.ofHours(24)), origin)),
                new Window(zoned(deliveryOpens, destination), zoned(deliveryOpens.plus(Duration.ofHours(24)),
                        destination)),
                weightLbs, pallets, EQUIPMENT, commodity, new Money(budgetCents, "USD")));
        return posted == null ? null : posted.path("laneId").asText(null);
    }

    private String awaitMatch(DemoApi api, Posted move, long dueNanos, List<String> failures) {
        String path = "/lanes/" + move.loadId() + "/matches";
        String match = await(() -> {
            DemoApi.Reply reply = api.call("GET", path, move.shipper().apiKey(), null);
            if (reply.status() != 200 || reply.json() == null) {
                return null;
            }
            for (JsonNode item : reply.json().path("items")) {
                if (move.truckId().equals(item.path("capacityLaneId").asText())) {
                    return item.path("matchId").asText();
                }
            }
            return null;
        }, Duration.ofNanos(Math.max(0, dueNanos - System.nanoTime())));
        if (match == null) {
            failures.add("the load " + move.loadId() + " was not matched with its truck " + move.truckId()
                    + " within " + MATCH_DEADLINE.toSeconds() + " s");
        }
        return match;
    }

    /** The shipper opens at 78 to 86 % of its budget; on the countered move the carrier asks for 95 %. */
    private String negotiate(DemoApi api, Party carrier, Posted move, String match, Instant later) {
        Instant expiresAt = move.move().fate().booked() ? clock.instant().plus(Duration.ofHours(2))
                : later.plus(Duration.ofHours(23));
        long opening = move.move().budget() * move.move().openingPercent() / 100;
        JsonNode opened = api.expect(201, "POST", "/matches/" + match + "/negotiations", move.shipper().apiKey(), new Offer(new Money(opening, "USD"), instant(expiresAt)));
        String negotiation = opened == null ? null : opened.path("negotiationId").asText(null);
        if (negotiation != null && move.move().fate() == Fate.NEGOTIATION_COUNTERED) {
            api.expect(200, "POST", "/negotiations/" + negotiation + "/counter", carrier.apiKey(),
                    new Offer(new Money(move.move().budget() * 95 / 100, "USD"), instant(expiresAt)));
        }
        return negotiation;
    }

    /**
     * Shipper 0's load out from home, picked up from {@code outboundPickupOpens}, shipper 1's load back a day later,
     * then the carrier's truck at home, due back home two days later: the truck's package search finds both loads.
     */
    private RoundTrip postRoundTrip(DemoApi api, Party carrier, List<Party> shippers, Plan plan,
            Instant outboundPickupOpens) {
        City home = plan.home();
        Tour tour = plan.tour();
        Instant returnPickupOpens = outboundPickupOpens.plus(Duration.ofHours(24));
        String outbound = postLoad(api, shippers.get(0), home, tour.turnaround(), outboundPickupOpens,
                tour.outboundBudget(), 500 * 60, 20, tour.outboundCommodity());
        String inbound = postLoad(api, shippers.get(1), tour.turnaround(), home, returnPickupOpens,
                tour.returnBudget(), 500 * 64, 22, tour.returnCommodity());
        JsonNode truck = api.expect(201, "POST", "/lanes/capacity", carrier.apiKey(), new CapacityPosting(
                point(home), point(home), zoned(outboundPickupOpens.minus(Duration.ofHours(1)), home),
                zoned(returnPickupOpens.plus(Duration.ofHours(30)), home), EQUIPMENT, 44_000, 26, 50, 50));
        String truckId = truck == null ? null : truck.path("laneId").asText(null);
        return truckId == null || outbound == null || inbound == null ? null
                : new RoundTrip(truckId, outbound, inbound, null, null);
    }

    /** The round trip with the id of the package that carries both its loads, once the match engine found it. */
    private RoundTrip awaitPackage(DemoApi api, Party carrier, List<Party> shippers, Plan plan, RoundTrip roundTrip,
            List<String> failures) {
        if (roundTrip == null) {
            return null;
        }
        String path = "/lanes/" + roundTrip.truckId() + "/packages";
        List<String> loads = List.of(roundTrip.outboundLoadId(), roundTrip.returnLoadId());
        String found = await(() -> {
            DemoApi.Reply reply = api.call("GET", path, carrier.apiKey(), null);
            if (reply.status() != 200 || reply.json() == null) {
                return null;
            }
            for (JsonNode item : reply.json().path("items")) {
                if (item.path("legs").findValuesAsText("loadLaneId").equals(loads)) {
                    return item.path("packageId").asText();
                }
            }
            return null;
        }, PACKAGE_DEADLINE);
        if (found == null) {
            failures.add("no package of the loads " + loads + " was found for the truck " + roundTrip.truckId()
                    + " within " + PACKAGE_DEADLINE.toSeconds() + " s");
            return null;
        }
        return new RoundTrip(roundTrip.truckId(), roundTrip.outboundLoadId(), roundTrip.returnLoadId(), found,
                openPackageDeal(api, carrier, shippers, plan.tour(), found));
    }

    /**
     * The carrier offers each shipper 95 % of its load's budget, for 20 hours (within the package's first pickup
     * window); the outbound load's shipper accepts, so the package books as soon as the other shipper does.
     */
    private String openPackageDeal(DemoApi api, Party carrier, List<Party> shippers, Tour tour, String packageId) {
        String expiresAt = instant(clock.instant().plus(Duration.ofHours(20)));
        JsonNode opened = api.expect(201, "POST", "/packages/" + packageId + "/deals", carrier.apiKey(),
                new PackageOffers(List.of(new Offer(new Money(tour.outboundBudget() * 95 / 100, "USD"), expiresAt),
                        new Offer(new Money(tour.returnBudget() * 95 / 100, "USD"), expiresAt))));
        String deal = opened == null ? null : opened.path("dealId").asText(null);
        if (deal != null) {
            api.expect(200, "POST", "/package-deals/" + deal + "/legs/0/accept", shippers.get(0).apiKey(), null);
        }
        return deal;
    }

    /** The carrier's webhook has been told of the matches, offers and bookings within a few seconds. */
    private void awaitWebhookDelivery(DemoApi api, String receiverPath, List<String> failures) {
        JsonNode deliveries = await(() -> {
            DemoApi.Reply reply = api.call("GET", receiverPath, null, null);
            return reply.json() != null && !reply.json().path("deliveries").isEmpty() ? reply.json() : null;
        }, WEBHOOK_DEADLINE);
        if (deliveries == null) {
            failures.add("no webhook delivery reached " + receiverPath + " within " + WEBHOOK_DEADLINE.toSeconds()
                    + " s");
        }
    }

    private static <T> T await(Supplier<T> probe, Duration deadline) {
        long until = System.nanoTime() + deadline.toNanos();
        while (true) {
            T value = probe.get();
            if (value != null || System.nanoTime() > until) {
                return value;
            }
            pause(Duration.ofMillis(250));
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while seeding the demo", e);
        }
    }

    /** Driving at the planning speed with a 10-hour rest after each 11 hours, plus 2 hours at the stops. */
    private static Duration hoursToDrive(double roadMiles) {
        double driving = roadMiles / PLANNING_SPEED_MPH;
        double rests = Math.floor(driving / 11) * 10.5;
        return Duration.ofMinutes((long) Math.ceil((driving + rests + 2) * 60));
    }

    private static String zoned(Instant instant, City city) {
        return RFC_9557.format(instant.atZone(city.zone()));
    }

    private static String instant(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static Point point(City city) {
        return new Point(city.latitudeDegrees(), city.longitudeDegrees(), city.label());
    }

    // The request bodies, as the API document describes them.

    record Money(long amountMinorUnits, String currency) {
    }

    record Point(double latitudeDegrees, double longitudeDegrees, String label) {
    }

    record Contact(String name, String email) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Registration(String legalName, List<String> roles, Contact contact, Point homeBase,
            Money operatingCostPerMile, List<String> fleetEquipment) {
    }

    record WebhookRegistration(String url, String secret) {
    }

    record RiskTerms(String kind, Money perMemberCapPerPeriod) {
    }

    record AgreementTerms(String rule, int pooledShareBasisPoints, RiskTerms riskTerms, String periodKind,
            String currency, String startDate) {
    }

    record CollaborationCreation(String name, List<String> invitees, AgreementTerms agreement) {
    }

    record ClockOffset(long offsetSeconds) {
    }

    record CapacityPosting(Point emptyAt, Point mustEndAt, String availableFrom, String mustArriveBy, String equipment,
            int weightCapacityLbs, int palletCapacity, int maxOriginDeadheadMiles, int maxDestinationDeadheadMiles) {
    }

    record Window(String opensAt, String closesAt) {
    }

    record LoadPosting(Point origin, Point destination, Window pickupWindow, Window deliveryWindow, int weightLbs,
            int pallets, String equipment, String commodity, Money budget) {
    }

    record Offer(Money amount, String expiresAt) {
    }

    record PackageOffers(List<Offer> offers) {
    }

    record Pickup(String actualTime) {
    }

    record Delivery(String actualTime, double actualMiles) {
    }

    record Cancellation(String reason) {
    }
}
