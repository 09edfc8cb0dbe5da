package com.backhaulexchange.benchmarks;

import com.backhaulexchange.kernel.geo.Place;

import com.amazonaws.services.lambda.runtime.events.APIGatewayCustomAuthorizerEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.amazonaws.services.lambda.runtime.events.IamPolicyResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.backhaulexchange.function.authorizer.ApiKeyAuthorizerHandler;
import com.backhaulexchange.benchmarks.floor.DynamoDbGetItemHandler;
import com.backhaulexchange.benchmarks.floorjson.JsonApiGetItemHandler;
import com.backhaulexchange.benchmarks.hello.HelloWorldHandler;
import com.backhaulexchange.benchmarks.settlement.PeriodSeeding;
import com.backhaulexchange.deal.booking.Booking;
import com.backhaulexchange.kernel.id.Ulid;
import com.backhaulexchange.lane.CapacityLane;
import com.backhaulexchange.lane.LoadLane;
import com.backhaulexchange.lane.PostedLane;
import com.backhaulexchange.matching.Match;
import com.backhaulexchange.matching.MatchEvaluation;
import com.backhaulexchange.matching.MatchEvaluator;
import com.backhaulexchange.matching.MatchingConfig;
import com.backhaulexchange.matching.MatchingRegion;
import com.backhaulexchange.notification.WebhookId;
import com.backhaulexchange.notification.WebhookSignature;
import com.backhaulexchange.notification.WebhookSubscription;
import com.backhaulexchange.function.onboarding.PartnerOnboardingHandler;
import com.backhaulexchange.partner.Partner;
import com.backhaulexchange.partner.PartnerId;
import com.backhaulexchange.adapter.dynamodb.DynamoDbLaneRepository;
import com.backhaulexchange.adapter.dynamodb.DynamoDbMatchRepository;
import com.backhaulexchange.adapter.dynamodb.DynamoDbPartnerRepository;
import com.backhaulexchange.adapter.dynamodb.DynamoDbWebhookSubscriptionRepository;
import com.backhaulexchange.function.settlement.SettlementApiHandler;
import com.backhaulexchange.partner.PartnerExamples;
import com.backhaulexchange.testing.Postings;
import com.backhaulexchange.testing.RecordingContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The cold-start cases: the hello-world and floor baselines, then every function of template.yaml with a
 * realistic first request from events/, and the data that request needs, seeded here through the project's
 * own handlers and repositories (in this JVM, not timed). Each case says in {@link ColdStartCase#request()}
 * which request it measures; docs/benchmarks.md explains the choices.
 */
final class ColdStartScenarios {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String WEBHOOK_SECRET = "whsec_benchmark_0123456789abcdefghijklmnopqrstuvwxyz";
    /** The seeded collaborations' clock is this far behind, so that their period 0 has closed by now. */
    private static final Duration SETTLEMENT_SEED_CLOCK_BEHIND = Duration.ofDays(12);
    private static final String OFFSET_VARIABLE = "BHX_SETTLEMENT_CLOCK_OFFSET_SECONDS";
    private static final String PROXY_EVENT = APIGatewayProxyRequestEvent.class.getName();
    private static final String SQS_EVENT = SQSEvent.class.getName();
    private static final String SCHEDULE_EVENT = Map.class.getName();

    private final BenchmarkSettings settings;
    private final ColdStartStack stack;
    private final SampleEvents events;
    private final Ulid ids = new Ulid(Clock.systemUTC(), new SecureRandom());
    private final MatchEvaluator evaluator = new MatchEvaluator(MatchingConfig.DEFAULT);
    private final DynamoDbPartnerRepository partners;
    private final Set<String> webhookEventsReceived = ConcurrentHashMap.newKeySet();
    private final AtomicInteger webhookBadSignatures = new AtomicInteger();

    /** The partner registered through the onboarding function: API_KEY, PARTNER_ID, ROLES and KEY_ID. */
    private Map<String, String> registered;

    private ColdStartScenarios(BenchmarkSettings settings, ColdStartStack stack, SampleEvents events) {
        this.settings = settings;
        this.stack = stack;
        this.events = events;
        this.partners = new DynamoDbPartnerRepository(stack.dynamoDb(), stack.table("PartnersTable"));
    }

    /** Seeds what every case needs and returns the cases, baselines first. */
    static List<ColdStartCase> build(BenchmarkSettings settings, ColdStartStack stack, SampleEvents events)
            throws IOException {
        return new ColdStartScenarios(settings, stack, events).cases();
    }

    private List<ColdStartCase> cases() throws IOException {
        registerPartnerThroughOnboarding();
        List<ColdStartCase> cases = new ArrayList<>();
        cases.add(helloWorld());
        cases.add(floor());
        cases.add(floorWithJson());
        cases.add(authorizer());
        cases.addAll(onboarding());
        cases.addAll(lanePosting());
        cases.add(matchEngine());
        cases.addAll(matchOptimiser());
        cases.addAll(negotiationBooking());
        cases.add(webhookNotifier());
        cases.addAll(settlement());
        return cases;
    }

    // ---------------------------------------------------------------- baselines

    private ColdStartCase helloWorld() {
        Path event = events.writeText("hello-world.txt", "cold start");
        return new ColdStartCase(ColdStartCase.HELLO_WORLD, "hello-world (aws-lambda-java-core only)", "a String",
                "hello-world", settings.helloWorldJar(), HelloWorldHandler.class.getName(), String.class.getName(),
                () -> PreparedEvent.of(event), Map.of(), "body=Hello, cold start!");
    }

    private ColdStartCase floor() {
        Path event = events.writeText("floor.txt", registered.get("PARTNER_ID"));
        Map<String, String> environment = new HashMap<>(stack.runtimeVariables());
        environment.put("PARTNERS_TABLE_NAME", stack.table("PartnersTable"));
        return new ColdStartCase(ColdStartCase.FLOOR, "floor: one DynamoDB GetItem (SDK dynamodb + url-connection-client)",
                "a partner id: one consistent GetItem of its profile", "floor", settings.floorJar(),
                DynamoDbGetItemHandler.class.getName(), String.class.getName(), () -> PreparedEvent.of(event),
                environment, "body=found \\d+ attributes");
    }

    /** The floor's GetItem behind an API Gateway event read and answered with jackson-databind records. */
    private ColdStartCase floorWithJson() {
        Path event = events.write("partner-onboarding/get-own-partner.json", registered);
        Map<String, String> environment = new HashMap<>(stack.runtimeVariables());
        environment.put("PARTNERS_TABLE_NAME", stack.table("PartnersTable"));
        return new ColdStartCase(ColdStartCase.FLOOR_WITH_JSON, "floor with JSON: the floor's GetItem, the event and the"
                + " answer through jackson-databind records", "`GET /partners/me` (`get-own-partner.json`): one"
                + " consistent GetItem of the caller's profile", "floor with JSON", settings.floorJsonJar(),
                JsonApiGetItemHandler.class.getName(), PROXY_EVENT, () -> PreparedEvent.of(event), environment,
                "statusCode=200");
    }

    // ---------------------------------------------------------------- partners

    /** A carrier registered as a client would: POST /partners, its key from the 201, its context from the authorizer. */
    private void registerPartnerThroughOnboarding() {
        var onboarding = new PartnerOnboardingHandler(environment("PartnerOnboardingFunction", Map.of()));
        var response = onboarding.handleRequest(events.read("partner-onboarding/register-carrier-with-idempotency-key.json",
                freshIdempotencyKey(), APIGatewayProxyRequestEvent.class), new RecordingContext());
        expectStatus(201, response, "POST /partners (seeding)");
        Map<String, String> partner = new HashMap<>();
        partner.put("API_KEY", json(response.getBody()).path("apiKey").path("token").asText());
        IamPolicyResponse policy = new ApiKeyAuthorizerHandler(environment("ApiKeyAuthorizerFunction", Map.of()))
                .handleRequest(events.read("api-key-authorizer/valid-partner-key.json", partner,
                        APIGatewayCustomAuthorizerEvent.class), new RecordingContext());
        if (!IamPolicyResponse.ALLOW.equals(MAPPER.valueToTree(policy).path("policyDocument").path("Statement")
                .path(0).path("Effect").asText())) {
            throw new IllegalStateException("the authorizer did not allow the registered partner's key");
        }
        partner.put("PARTNER_ID", String.valueOf(policy.getContext().get("partnerId")));
        partner.put("ROLES", String.valueOf(policy.getContext().get("roles")));
        partner.put("KEY_ID", String.valueOf(policy.getContext().get("keyId")));
        registered = Map.copyOf(partner);
    }

    /** The authorizer's context of a partner stored through the repository (for functions that do not check keys). */
    private static Map<String, String> caller(Partner partner) {
        Map<String, String> values = new HashMap<>();
        values.put("PARTNER_ID", partner.id().value());
        values.put("KEY_ID", "benchKey0001");
        values.put("ROLES", String.join(",", partner.profile().roles().stream().map(Enum::name).sorted().toList()));
        values.put("API_KEY", "bhx_" + partner.id().value() + "_benchKey0001_" + "s".repeat(43));
        return values;
    }

    private Partner carrier() {
        return PartnerExamples.registerIn(partners, PartnerExamples.registeredCarrier());
    }

    private Partner shipper() {
        return PartnerExamples.registerIn(partners, PartnerExamples.registeredShipper());
    }

    // ---------------------------------------------------------------- functions

    private ColdStartCase authorizer() {
        var function = function("ApiKeyAuthorizerFunction");
        Path event = events.write("api-key-authorizer/valid-partner-key.json", registered);
        return new ColdStartCase("api-key-authorizer", label(function), "REQUEST authorizer event of `GET /partners/me`,"
                + " a valid partner key (`valid-partner-key.json`)", function.jarName(), function.jar(),
                function.handlerClass(), APIGatewayCustomAuthorizerEvent.class.getName(), () -> PreparedEvent.of(event),
                environment(function, Map.of()), "effect=Allow principalId=.*");
    }

    private List<ColdStartCase> onboarding() {
        var function = function("PartnerOnboardingFunction");
        var environment = environment(function, Map.of());
        Path read = events.write("partner-onboarding/get-own-partner.json", registered);
        return List.of(
                new ColdStartCase("partner-onboarding-get", label(function), "`GET /partners/me` (`get-own-partner.json`)",
                        function.jarName(), function.jar(), function.handlerClass(), PROXY_EVENT,
                        () -> PreparedEvent.of(read), environment, "statusCode=200"),
                new ColdStartCase("partner-onboarding-post", label(function), "`POST /partners`, a new carrier with a"
                        + " fresh Idempotency-Key each time (`register-carrier-with-idempotency-key.json`)",
                        function.jarName(), function.jar(), function.handlerClass(), PROXY_EVENT,
                        () -> PreparedEvent.of(events.write("partner-onboarding/register-carrier-with-idempotency-key.json",
                                freshIdempotencyKey())), environment, "statusCode=201"));
    }

    private List<ColdStartCase> lanePosting() {
        var posting = function("LanePostingFunction");
        // Its own LanesTable: the trucks it posts must not enlarge the match engine's or the optimiser's book.
        var postingEnvironment = environment(posting, Map.of("LanesTable", stack.freshTable("LanesTable")));
        var sweeper = function("MatchRequestSweeperFunction");
        String sweeperTable = stack.freshTable("LanesTable");
        var sweeperLanes = new DynamoDbLaneRepository(stack.dynamoDb(), sweeperTable);
        // Lanes posted ten minutes ago: their match requests are due for a resend now.
        var latePostings = new Postings(sweeperLanes, Clock.offset(Clock.systemUTC(), Duration.ofMinutes(-10)));
        var carrier = carrier();
        Supplier<PreparedEvent> sweep = () -> {
            var lane = latePostings.post(truckOf(carrier.id()));
            var before = sweeperLanes.pendingMatchRequest(lane.laneId()).orElseThrow();
            Path event = events.write("negotiation-booking/housekeeping-schedule.json", Map.of());
            return new PreparedEvent(event, () -> {
                var after = sweeperLanes.pendingMatchRequest(lane.laneId()).orElseThrow(
                        () -> new IllegalStateException("the lane's match request is gone"));
                if (after.sendCount() != before.sendCount() + 1 || !after.resendDueAt().isAfter(Instant.now())) {
                    throw new IllegalStateException("the due match request was not sent again: " + before + " -> "
                            + after);
                }
                sweeperLanes.complete(lane.laneId()); // as the match engine would: the next sweep finds one due again
            });
        };
        return List.of(
                new ColdStartCase("lane-posting", label(posting), "`POST /lanes/capacity` by city names, a new truck each"
                        + " time (`post-capacity-by-city-names.json`, dates moved to the future)", posting.jarName(),
                        posting.jar(), posting.handlerClass(), PROXY_EVENT,
                        () -> PreparedEvent.of(events.writeShifted("lane-posting/post-capacity-by-city-names.json",
                                registered)), postingEnvironment, "statusCode=201"),
                new ColdStartCase("match-request-sweeper", label(sweeper), "the every-minute schedule, one match request due"
                        + " (sent again to MatchRequestQueue)", sweeper.jarName(), sweeper.jar(), sweeper.handlerClass(),
                        SCHEDULE_EVENT, sweep, environment(sweeper, Map.of("LanesTable", sweeperTable)),
                        "json=\\{\"abandoned\":0,\"due\":1,\"notSent\":0,\"resent\":1}"));
    }

    private ColdStartCase matchEngine() {
        var function = function("MatchEngineFunction");
        var lanes = new DynamoDbLaneRepository(stack.dynamoDb(), stack.table("LanesTable"));
        var matches = new DynamoDbMatchRepository(stack.dynamoDb(), stack.table("LanesTable"));
        var postings = new Postings(lanes, Clock.systemUTC());
        for (int i = 0; i < 6; i++) {
            postings.post(truckOf(carrier().id()));
        }
        var shipper = shipper();
        Supplier<PreparedEvent> request = () -> {
            var load = postings.post(loadOf(shipper.id(), Postings.DALLAS, Postings.ST_LOUIS));
            Path event = events.write("match-engine/match-request.json", Map.of("LANE_ID", load.laneId(),
                    "LANE_KIND", load.kind().name(), "MESSAGE_ID", UUID.randomUUID().toString()));
            return new PreparedEvent(event, () -> {
                var run = matches.findRun(load.laneId()).orElseThrow(
                        () -> new IllegalStateException("no match run stored for the load"));
                if (run.matchesStored() < 1 || lanes.pendingMatchRequest(load.laneId()).isPresent()) {
                    throw new IllegalStateException("the load was not matched: " + run);
                }
            });
        };
        return new ColdStartCase("match-engine", label(function), "SQS batch of one match request for a new load,"
                + " 6 trucks near its pickup (`match-request.json`)", function.jarName(), function.jar(),
                function.handlerClass(), SQS_EVENT, request, environment(function, Map.of()), "batchItemFailures=0");
    }

    private List<ColdStartCase> matchOptimiser() {
        var api = function("MatchOptimiserFunction");
        var scheduled = function("ScheduledMatchOptimiserFunction");
        // A region's book of its own: 6 trucks and 6 loads around Dallas.
        String table = stack.freshTable("LanesTable");
        var postings = new Postings(new DynamoDbLaneRepository(stack.dynamoDb(), table), Clock.systemUTC());
        PostedLane anyLane = null;
        var destinations = List.of(Postings.ST_LOUIS, Postings.MEMPHIS, Postings.SPRINGFIELD_IL);
        for (int i = 0; i < 6; i++) {
            anyLane = postings.post(truckOf(carrier().id()));
            postings.post(loadOf(shipper().id(), i % 2 == 0 ? Postings.DALLAS : Postings.FORT_WORTH,
                    destinations.get(i % destinations.size())));
        }
        String region = MatchingRegion.of(anyLane).value();
        Path optimise = events.write("match-optimiser/operator-optimise-regions.json", Map.of("REGION", region,
                "OPERATOR_KEY", "bhxop_" + "o".repeat(43)));
        Path hourly = events.write("match-optimiser/hourly-schedule.json", Map.of());
        return List.of(
                new ColdStartCase("match-optimiser", label(api), "`POST /operator/matching/optimise` of one region"
                        + " holding 6 trucks and 6 loads (`operator-optimise-regions.json`)", api.jarName(), api.jar(),
                        api.handlerClass(), PROXY_EVENT, () -> PreparedEvent.of(optimise),
                        environment(api, Map.of("LanesTable", table)), "statusCode=200"),
                new ColdStartCase("scheduled-match-optimiser", label(scheduled), "the hourly schedule: every region of the"
                        + " gazetteer, one of them holding the 12 lanes (`hourly-schedule.json`)", scheduled.jarName(),
                        scheduled.jar(), scheduled.handlerClass(), SCHEDULE_EVENT, () -> PreparedEvent.of(hourly),
                        environment(scheduled, Map.of("LanesTable", table)),
                        "json=\\{\"recommendedMatches\":\\d+,\"recommendedPackages\":\\d+,\"regionsOptimised\":\\d+,\"regionsWithLanes\":1}"));
    }

    private List<ColdStartCase> negotiationBooking() {
        var function = function("NegotiationBookingFunction");
        var housekeeping = function("NegotiationHousekeepingFunction");
        String lanesTable = stack.freshTable("LanesTable");
        var postings = new Postings(new DynamoDbLaneRepository(stack.dynamoDb(), lanesTable), Clock.systemUTC());
        var matches = new DynamoDbMatchRepository(stack.dynamoDb(), lanesTable);
        var carrier = carrier();
        var shipper = shipper();
        Supplier<PreparedEvent> open = () -> {
            var truck = postings.post(truckOf(carrier.id()));
            var load = postings.post(loadOf(shipper.id(), Postings.DALLAS, Postings.ST_LOUIS));
            var evaluation = evaluator.evaluate(truck.lane(), carrier.profile().operatingCostPerMile(), load.lane());
            var match = Match.proposed(truck, load, (MatchEvaluation.Feasible) evaluation, Instant.now());
            if (!matches.save(match, Instant.now())) {
                throw new IllegalStateException("match not saved");
            }
            Map<String, String> values = caller(carrier);
            values.put("PATH_MATCH_ID", match.id().value());
            values.put("AMOUNT", "200000");
            values.put("EXPIRES_AT", Instant.now().plus(Duration.ofHours(2)).toString());
            return PreparedEvent.of(events.write("negotiation-booking/open-negotiation.json", values));
        };
        Path minute = events.write("negotiation-booking/housekeeping-schedule.json", Map.of());
        return List.of(
                new ColdStartCase("negotiation-booking", label(function), "`POST /matches/{matchId}/negotiations`: the"
                        + " carrier's opening offer on a new match (`open-negotiation.json`)", function.jarName(),
                        function.jar(), function.handlerClass(), PROXY_EVENT, open,
                        environment(function, Map.of("LanesTable", lanesTable)), "statusCode=201"),
                new ColdStartCase("negotiation-housekeeping", label(housekeeping), "the every-minute schedule, nothing"
                        + " lapsed and nothing left in the outbox (`housekeeping-schedule.json`)", housekeeping.jarName(),
                        housekeeping.jar(), housekeeping.handlerClass(), SCHEDULE_EVENT, () -> PreparedEvent.of(minute),
                        environment(housekeeping, Map.of("LanesTable", lanesTable)),
                        "json=\\{\"complianceNotices\":0,\"expired\":0,\"notificationsHandedOver\":0,\"packageDealsLapsed\":0}"));
    }

    private ColdStartCase webhookNotifier() {
        var function = function("WebhookNotifierFunction");
        URI url = URI.create("http://127.0.0.1:" + webhookReceiver().getAddress().getPort() + "/hooks/bhx");
        var recipient = carrier();
        new DynamoDbWebhookSubscriptionRepository(stack.dynamoDb(), stack.table("PartnersTable")).add(
                new WebhookSubscription(new WebhookId(ids.next()), recipient.id(), url, WEBHOOK_SECRET,
                        WebhookSubscription.allSubscribableTypes(), Instant.now()), 3, null);
        Supplier<PreparedEvent> notification = () -> {
            String eventId = ids.next();
            Path event = events.write("webhook-notifier/notification-for-all-webhooks.json", Map.of("EVENT_ID", eventId,
                    "MESSAGE_ID", UUID.randomUUID().toString(), "RECIPIENT", recipient.id().value()));
            return new PreparedEvent(event, () -> {
                if (!webhookEventsReceived.contains(eventId) || webhookBadSignatures.get() > 0) {
                    throw new IllegalStateException("the receiver did not get notification " + eventId
                            + " correctly signed");
                }
            });
        };
        return new ColdStartCase("webhook-notifier", label(function), "SQS batch of one MATCH_FOUND notification,"
                + " delivered signed to a receiver on 127.0.0.1 (`notification-for-all-webhooks.json`)",
                function.jarName(), function.jar(), function.handlerClass(), SQS_EVENT, notification,
                environment(function, Map.of()), "batchItemFailures=0");
    }

    private List<ColdStartCase> settlement() throws IOException {
        var api = function("SettlementApiFunction");
        var schedule = function("SettlementScheduleFunction");
        var settler = function("PeriodSettlerFunction");
        // The settler's bookings and matches in tables of their own.
        Map<String, String> settlerTables = Map.of("LanesTable", stack.freshTable("LanesTable"),
                "NegotiationsTable", stack.freshTable("NegotiationsTable"));
        var apiEnvironment = environment(api, Map.of());
        LocalDate periodStart = LocalDate.now(ZoneOffset.UTC).minusDays(9);

        Map<String, String> create = new HashMap<>(registered);
        create.put("NAME", "Cold start pool");
        create.put("ORGANISER_ROLE", "MEMBER");
        create.put("INVITEE_1", PartnerExamples.newPartnerId().value());
        create.put("INVITEE_2", PartnerExamples.newPartnerId().value());
        create.put("START_DATE", LocalDate.now(ZoneOffset.UTC).plusDays(2).toString());
        Path preview = events.write("settlement/preview-bankruptcy-game.json", registered);

        // The schedule's table holds one collaboration whose period 0 has closed and is not settled.
        String scheduleTable = stack.freshTable("CollaborationsTable");
        createClosedCollaboration(Map.of("CollaborationsTable", scheduleTable), periodStart);
        Path hourly = events.write("settlement-schedule/hourly.json", Map.of());

        var seedingLanes = new DynamoDbLaneRepository(stack.dynamoDb(), settlerTables.get("LanesTable"));
        var seedingMatches = new DynamoDbMatchRepository(stack.dynamoDb(), settlerTables.get("LanesTable"));
        // As in the period-close benchmark: the fixtures' lanes, posted and matched before their week (the settler
        // reads only the matches' economics).
        Instant laneClock = Instant.parse("2026-11-10T12:00:00Z");
        var postings = new Postings(seedingLanes, Clock.fixed(laneClock, ZoneOffset.UTC));
        Supplier<PreparedEvent> duePeriod = () -> {
            String collaboration = closedCollaborationWithBookings(settlerTables, postings, seedingMatches, laneClock,
                    periodStart);
            Path event = events.write("period-settler/due-period.json", Map.of("COLLABORATION_ID", collaboration,
                    "PERIOD_INDEX", "0", "MESSAGE_ID", UUID.randomUUID().toString()));
            return new PreparedEvent(event, () -> requireSettled(collaboration));
        };
        return List.of(
                new ColdStartCase("settlement-api-create", label(api), "`POST /collaborations`: a new collaboration of"
                        + " three (`create-collaboration.json`)", api.jarName(), api.jar(), api.handlerClass(),
                        PROXY_EVENT, () -> PreparedEvent.of(events.write("settlement/create-collaboration.json", create)),
                        apiEnvironment, "statusCode=201"),
                new ColdStartCase("settlement-api-preview", label(api), "`POST /allocations/preview` of a 3-player game"
                        + " by every rule, no DynamoDB call (`preview-bankruptcy-game.json`)", api.jarName(), api.jar(),
                        api.handlerClass(), PROXY_EVENT, () -> PreparedEvent.of(preview), apiEnvironment,
                        "statusCode=200"),
                new ColdStartCase("settlement-schedule", label(schedule), "the hourly fan-out, one closed period due"
                        + " (sent to SettlementQueue) (`settlement-schedule/hourly.json`)", schedule.jarName(),
                        schedule.jar(), schedule.handlerClass(), SCHEDULE_EVENT, () -> PreparedEvent.of(hourly),
                        environment(schedule, Map.of("CollaborationsTable", scheduleTable)),
                        "json=\\{\"periodsDue\":1}"),
                new ColdStartCase("period-settler", label(settler), "SQS batch of one due period: a closed week of"
                        + " 3 members with 6 delivered bookings, settled (`due-period.json`)", settler.jarName(),
                        settler.jar(), settler.handlerClass(), SQS_EVENT, duePeriod,
                        environment(settler, settlerTables), "batchItemFailures=0"));
    }

    /**
     * A collaboration of {@code members} created and accepted through the settlement API with its clock
     * {@link #SETTLEMENT_SEED_CLOCK_BEHIND} behind (the API refuses a start in the past), starting on
     * {@code periodStart}: weekly, so period 0 has closed by now and period 1 has not.
     */
    private String createClosedCollaboration(Map<String, String> tables, LocalDate periodStart,
            List<PartnerId> members) {
        Map<String, String> seedingEnvironment = new HashMap<>(environment("SettlementApiFunction", tables));
        seedingEnvironment.put(OFFSET_VARIABLE, Long.toString(-SETTLEMENT_SEED_CLOCK_BEHIND.toSeconds()));
        try {
            return PeriodSeeding.createCollaboration(new SettlementApiHandler(seedingEnvironment),
                    settings.eventsDirectory().resolve("settlement"), members, periodStart);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String createClosedCollaboration(Map<String, String> tables, LocalDate periodStart) {
        return createClosedCollaboration(tables, periodStart, List.of(PartnerExamples.newPartnerId(),
                PartnerExamples.newPartnerId(), PartnerExamples.newPartnerId()));
    }

    /** A closed, unsettled period 0 of three members: two matches, six delivered bookings in the period. */
    private String closedCollaborationWithBookings(Map<String, String> tables, Postings postings,
            DynamoDbMatchRepository matches, Instant laneClock, LocalDate periodStart) {
        List<PartnerId> members = List.of(PartnerExamples.newPartnerId(), PartnerExamples.newPartnerId(),
                PartnerExamples.newPartnerId());
        String collaboration = createClosedCollaboration(tables, periodStart, members);
        List<Match> seeded = List.of(
                PeriodSeeding.match(postings, matches, members.get(0), members.get(1), laneClock),
                PeriodSeeding.match(postings, matches, members.get(1), members.get(2), laneClock));
        Instant startsAt = periodStart.atStartOfDay(ZoneOffset.UTC).toInstant();
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        for (int b = 0; b < 6; b++) {
            Booking booking = PeriodSeeding.delivered(ids, seeded.get(b % 2), 180_000 + b * 1_000,
                    startsAt.plus(Duration.ofHours(10 + 20L * b)));
            items.addAll(PeriodSeeding.partyCopies(booking));
        }
        PeriodSeeding.batchPut(stack.dynamoDb(), tables.get("NegotiationsTable"), items);
        return collaboration;
    }

    private void requireSettled(String collaboration) {
        var header = stack.dynamoDb().getItem(request -> request.tableName(stack.table("CollaborationsTable"))
                .consistentRead(true).key(Map.of("pk", AttributeValue.fromS("COLLAB#" + collaboration),
                        "sk", AttributeValue.fromS("PERIOD#0000000000")))).item();
        if (header == null || header.isEmpty()) {
            throw new IllegalStateException("period 0 of " + collaboration + " was not committed");
        }
    }

    // ---------------------------------------------------------------- helpers

    private CapacityLane truckOf(PartnerId carrier) {
        return FutureLanes.truck(carrier, events.weeksAhead());
    }

    private LoadLane loadOf(PartnerId shipper, com.backhaulexchange.kernel.geo.Place origin,
            com.backhaulexchange.kernel.geo.Place destination) {
        return FutureLanes.load(shipper, origin, destination, events.weeksAhead());
    }

    /** A JDK HTTP server on 127.0.0.1 that checks each delivery's signature and answers 204. */
    private HttpServer webhookReceiver() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
            server.setExecutor(Executors.newFixedThreadPool(2, runnable -> {
                Thread thread = new Thread(runnable, "webhook-receiver");
                thread.setDaemon(true);
                return thread;
            }));
            server.createContext("/hooks/bhx", exchange -> {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                if (!WebhookSignature.verify(exchange.getRequestHeaders().getFirst("BHX-Signature"), body,
                        WEBHOOK_SECRET, Instant.now(), WebhookSignature.DEFAULT_TOLERANCE)) {
                    webhookBadSignatures.incrementAndGet();
                }
                webhookEventsReceived.add(String.valueOf(exchange.getRequestHeaders().getFirst("BHX-Event-Id")));
                exchange.sendResponseHeaders(204, -1);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private TemplateFunction function(String logicalId) {
        return TemplateFunction.read(stack.template(), logicalId).requireJar();
    }

    private Map<String, String> environment(TemplateFunction function, Map<String, String> tables) {
        return stack.environmentFor(function, tables);
    }

    private Map<String, String> environment(String logicalId, Map<String, String> tables) {
        return stack.environmentFor(TemplateFunction.read(stack.template(), logicalId), tables);
    }

    private static String label(TemplateFunction function) {
        String handler = function.handlerClass();
        return function.logicalId() + " (`" + handler.substring(handler.lastIndexOf('.') + 1) + "`)";
    }

    static Map<String, String> freshIdempotencyKey() {
        return Map.of("IDEMPOTENCY_KEY", UUID.randomUUID().toString());
    }

    /** The hash the template's OperatorKeySha256 parameter takes: of a key nobody holds (the operator is not measured). */
    static String unusedOperatorKeyHash() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(new SecureRandom().generateSeed(32)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void expectStatus(int expected, APIGatewayProxyResponseEvent response, String what) {
        if (response.getStatusCode() != expected) {
            throw new IllegalStateException(what + " answered " + response.getStatusCode() + " instead of " + expected
                    + ": " + response.getBody());
        }
    }

    private static JsonNode json(String body) {
        try {
            return MAPPER.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
