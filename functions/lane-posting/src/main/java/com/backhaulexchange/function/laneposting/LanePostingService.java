package com.backhaulexchange.function.laneposting;

import com.backhaulexchange.kernel.geo.Coordinates;

import com.backhaulexchange.partner.access.Principal.PartnerPrincipal;
import com.backhaulexchange.kernel.equipment.EquipmentType;
import com.backhaulexchange.gazetteer.LocationQuery;
import com.backhaulexchange.gazetteer.Locator;
import com.backhaulexchange.gazetteer.GazetteerEntry;
import com.backhaulexchange.kernel.geo.Place;
import com.backhaulexchange.kernel.id.Ulid;
import com.backhaulexchange.kernel.idempotency.IdempotencyRecord;
import com.backhaulexchange.lane.CapacityLane;
import com.backhaulexchange.lane.CapacityLaneId;
import com.backhaulexchange.lane.CarrierFleets;
import com.backhaulexchange.lane.EquipmentCodes;
import com.backhaulexchange.lane.LanePostingPolicies;
import com.backhaulexchange.lane.LaneRepository;
import com.backhaulexchange.lane.LaneStatus;
import com.backhaulexchange.lane.LoadLane;
import com.backhaulexchange.lane.LoadLaneId;
import com.backhaulexchange.lane.MatchRequestSender;
import com.backhaulexchange.lane.PendingMatchRequest;
import com.backhaulexchange.lane.PostedLane;
import com.backhaulexchange.lane.TimeWindow;
import com.backhaulexchange.function.laneposting.LanePostingCommands.PostCapacity;
import com.backhaulexchange.function.laneposting.LanePostingCommands.PostLoad;
import com.backhaulexchange.lane.CandidateKeys;
import com.backhaulexchange.matching.Match;
import com.backhaulexchange.matching.MatchId;
import com.backhaulexchange.matching.MatchRepository;
import com.backhaulexchange.matching.MatchRun;
import com.backhaulexchange.matching.chain.PackageMatch;
import com.backhaulexchange.matching.chain.PackageRepository;
import com.backhaulexchange.matching.chain.PackageRun;
import com.backhaulexchange.matching.chain.ReloadPackageId;
import com.backhaulexchange.deal.negotiation.DelegationRepository;
import com.backhaulexchange.partner.PartnerId;
import com.backhaulexchange.kernel.pagination.Page;
import com.backhaulexchange.partner.PartnerRole;
import com.backhaulexchange.kernel.persistence.StaleWriteException;
import com.backhaulexchange.kernel.policy.Decision;
import com.backhaulexchange.adapter.http.problem.FieldError;
import com.backhaulexchange.adapter.http.problem.ProblemException;
import com.backhaulexchange.adapter.http.problem.ProblemType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Consumer;

/**
 * Lane posting use cases. A posting is checked whole first (places, equipment, posting rules) and written
 * once, atomically, with its candidate-index entries and its pending match request; only then is the match
 * request sent, and a failed send leaves the request to the sweeper (ADR 10). Every read is the caller's own:
 * another partner's lane or a match the caller is not party to is "not found", never "forbidden".
 */
public final class LanePostingService {

    /** A lane's ranked matches with what its own latest matching found (empty while still pending). */
    public record LaneMatches(PostedLane lane, Page<Match> matches, Optional<MatchRun> run) {
    }

    /** A capacity lane's ranked packages with what its own latest package search found (empty while pending). */
    public record LanePackages(PostedLane lane, Page<PackageMatch> packages, Optional<PackageRun> run) {
    }

    /** Stand in for a place or equipment that was rejected, never written (see {@link #locate}). */
    private static final Place STAND_IN_PLACE = new Place(new com.backhaulexchange.kernel.geo.Coordinates(0, 0), null);
    private static final EquipmentType STAND_IN_EQUIPMENT = EquipmentType.DRY_VAN;

    private final LaneRepository lanes;
    private final MatchRepository matches;
    private final PackageRepository packages;
    private final DelegationRepository delegations;
    private final CarrierFleets fleets;
    private final MatchRequestSender sender;
    private final Locator locator;
    private final CandidateKeys candidateKeys;
    private final Ulid ids;
    private final Clock clock;
    private final Duration resendAfter;
    private final Consumer<String> warnings;

    public LanePostingService(LaneRepository lanes, MatchRepository matches, PackageRepository packages,
            DelegationRepository delegations, CarrierFleets fleets, MatchRequestSender sender, Locator locator,
            CandidateKeys candidateKeys, Ulid ids, Clock clock, Duration resendAfter, Consumer<String> warnings) {
        this.lanes = lanes;
        this.matches = matches;
        this.packages = packages;
        this.delegations = delegations;
        this.fleets = fleets;
        this.sender = sender;
        this.locator = locator;
        this.candidateKeys = candidateKeys;
        this.ids = ids;
        this.clock = clock;
        this.resendAfter = resendAfter;
        this.warnings = warnings;
    }

    /** Places of the gazetteer for a type-ahead, best first; any partner may search, brokers too. */
    public List<GazetteerEntry> searchPlaces(PartnerPrincipal caller, String query, int limit) {
        Objects.requireNonNull(caller, "caller");
        return locator.search(query, limit);
    }

    /**
     * Posts a carrier's empty leg. {@code idempotencyRecordFor}, when given, seals the response for this lane
     * into a record stored in the same transaction. The carrier's fleet fuel economy, as its profile states it
     * now, is copied onto the lane: its CO₂e figures use it for the lane's life, and a lane posted before the
     * carrier set one, or changed it, keeps what it was posted with (ADR 47).
     */
    public PostedLane postCapacity(PartnerPrincipal caller, PostCapacity command,
            Function<PostedLane, IdempotencyRecord> idempotencyRecordFor) {
        requireRole(caller, PartnerRole.CARRIER, "capacity");
        List<Decision.Rejected> rejections = new ArrayList<>();
        Place emptyAt = locate(command.emptyAt(), "/emptyAt", rejections);
        Place mustEndAt = locate(command.mustEndAt(), "/mustEndAt", rejections);
        EquipmentType equipment = equipment(command.equipment(), rejections);
        var lane = new CapacityLane(new CapacityLaneId(ids.next()), caller.partnerId(), emptyAt, mustEndAt,
                command.availableFrom(), command.mustArriveBy(), equipment, command.weightCapacityLbs(),
                command.palletCapacity(), command.maxOriginDeadheadMiles(), command.maxDestinationDeadheadMiles(),
                command.maxReloadDeadheadMiles(), command.minimumRatePerLoadedMile(), LaneStatus.OPEN);
        Instant now = clock.instant();
        rejections.addAll(LanePostingPolicies.rejections(lane, now));
        rejectIfAny(rejections);
        lane = lane.withFleetFuelEconomy(fleets.fuelEconomyOf(caller.partnerId()).orElse(null));
        var posted = new PostedLane.Capacity(lane, now, now);
        return post(posted, candidateKeys.capacityIndexKeys(lane), idempotencyRecordFor);
    }

    /** Posts a shipper's load; see {@link #postCapacity}. */
    public PostedLane postLoad(PartnerPrincipal caller, PostLoad command,
            Function<PostedLane, IdempotencyRecord> idempotencyRecordFor) {
        requireRole(caller, PartnerRole.SHIPPER, "loads");
        List<Decision.Rejected> rejections = new ArrayList<>();
        Place origin = locate(command.origin(), "/origin", rejections);
        Place destination = locate(command.destination(), "/destination", rejections);
        EquipmentType equipment = equipment(command.equipment(), rejections);
        var lane = new LoadLane(new LoadLaneId(ids.next()), caller.partnerId(), origin, destination,
                new TimeWindow(command.pickupOpensAt().toInstant(), command.pickupClosesAt().toInstant(),
                        command.pickupOpensAt().getZone()),
                new TimeWindow(command.deliveryOpensAt().toInstant(), command.deliveryClosesAt().toInstant(),
                        command.deliveryOpensAt().getZone()),
                command.weightLbs(), command.pallets(), equipment, command.commodity(), command.budget(),
                LaneStatus.OPEN);
        Instant now = clock.instant();
        rejections.addAll(LanePostingPolicies.rejections(lane, now));
        rejectIfAny(rejections);
        var posted = new PostedLane.Load(lane, now, now);
        return post(posted, candidateKeys.loadIndexKeys(lane), idempotencyRecordFor);
    }

    private PostedLane post(PostedLane lane, List<CandidateKeys.CandidateKey> indexKeys,
            Function<PostedLane, IdempotencyRecord> idempotencyRecordFor) {
        var request = PendingMatchRequest.forNewLane(lane, resendAfter);
        var record = idempotencyRecordFor == null ? null : idempotencyRecordFor.apply(lane);
        lanes.post(lane, indexKeys, request, record);
        try {
            sender.send(request);
        } catch (MatchRequestSender.MatchRequestNotSentException e) {
            // The lane and its pending request are stored: the sweeper sends it after resendAfter (ADR 10).
            warnings.accept("match request of lane " + lane.laneId() + " not sent, the sweeper will resend it: "
                    + e.getMessage());
        }
        return lane;
    }

    public PostedLane ownLane(PartnerPrincipal caller, String laneId) {
        return lanes.findLane(laneId).filter(lane -> lane.owner().equals(caller.partnerId()))
                .orElseThrow(() -> notFound("lane"));
    }

    public Page<PostedLane> ownLanes(PartnerPrincipal caller, LaneStatus status, int limit, String cursor) {
        return lanes.listOwnedBy(caller.partnerId(), status, clock.instant(), limit, cursor);
    }

    /**
     * Withdraws the caller's lane: it leaves the candidate index and every match and reload package it is part of is
     * retracted, for every party. Withdrawing a withdrawn lane finishes any retraction left undone and changes nothing
     * else (DELETE is idempotent); a booked or expired lane cannot be withdrawn.
     */
    public PostedLane withdraw(PartnerPrincipal caller, String laneId) {
        PostedLane lane = ownLane(caller, laneId);
        Instant now = clock.instant();
        LaneStatus current = lane.effectiveStatus(now);
        PostedLane withdrawn = lane;
        if (current != LaneStatus.WITHDRAWN) {
            if (!lane.status().canBecome(LaneStatus.WITHDRAWN) || current == LaneStatus.EXPIRED) {
                throw new ProblemException(ProblemType.CONFLICT,
                        "The lane is " + current + " and can no longer be withdrawn.");
            }
            withdrawn = lane.withStatus(LaneStatus.WITHDRAWN, now);
            try {
                lanes.changeStatus(withdrawn, lane.status());
            } catch (StaleWriteException e) {
                throw new ProblemException(ProblemType.CONFLICT,
                        "The lane changed while it was being withdrawn; nothing was changed, retry.");
            }
        }
        matches.retractAllOf(laneId, now);
        packages.retractAllOf(laneId, now);
        return withdrawn;
    }

    public LaneMatches matchesOfOwnLane(PartnerPrincipal caller, String laneId, int limit, String cursor) {
        PostedLane lane = ownLane(caller, laneId);
        return new LaneMatches(lane, matches.rankedForLane(laneId, clock.instant(), limit, cursor),
                matches.findRun(laneId));
    }

    /**
     * The reload packages of a capacity lane, for its carrier or a broker holding the carrier's delegation in force
     * (ADR 25). Anyone else, and a load lane (packages are offered to trucks), is answered as an unknown lane.
     */
    public LanePackages packagesOfCapacityLane(PartnerPrincipal caller, String laneId, int limit, String cursor) {
        Instant now = clock.instant();
        PostedLane lane = lanes.findLane(laneId)
                .filter(found -> found instanceof PostedLane.Capacity && actsFor(caller, found.owner(), now))
                .orElseThrow(() -> notFound("capacity lane"));
        return new LanePackages(lane, packages.rankedForLane(laneId, now, limit, cursor), packages.findRun(laneId));
    }

    /** A package, for its carrier or a broker acting for it; anyone else gets the unknown package's answer. */
    public PackageMatch reloadPackage(PartnerPrincipal caller, ReloadPackageId id) {
        Instant now = clock.instant();
        return packages.find(id).filter(found -> actsFor(caller, found.carrier(), now))
                .orElseThrow(() -> notFound("package"));
    }

    /** The partner itself, or a broker it delegated negotiation to (read consistently: a revocation is seen at once). */
    private boolean actsFor(PartnerPrincipal caller, PartnerId principal, Instant now) {
        if (principal.equals(caller.partnerId())) {
            return true;
        }
        return caller.hasRole(PartnerRole.BROKER) && delegations.find(principal, caller.partnerId())
                .filter(delegation -> delegation.letsNegotiate(principal, caller.partnerId(), now)).isPresent();
    }

    /** A match the caller is party to, as carrier or shipper. */
    public Match match(PartnerPrincipal caller, MatchId matchId) {
        return matches.find(matchId).filter(match -> match.isParty(caller.partnerId()))
                .orElseThrow(() -> notFound("match"));
    }

    /**
     * The place, or a stand-in after recording why not. The posting rules read neither places nor equipment,
     * so with stand-ins they still run, and a client learns every bad field of its posting at once.
     */
    private Place locate(LocationQuery query, String pointer, List<Decision.Rejected> rejections) {
        return switch (locator.locate(query, pointer)) {
            case Locator.Located.Found found -> found.place();
            case Locator.Located.NotFound notFound -> {
                rejections.addAll(notFound.rejections());
                yield STAND_IN_PLACE;
            }
        };
    }

    private static EquipmentType equipment(String code, List<Decision.Rejected> rejections) {
        var parsed = EquipmentCodes.parse(code);
        if (parsed.isEmpty()) {
            rejections.add((Decision.Rejected) EquipmentCodes.supported(code, "/equipment"));
            return STAND_IN_EQUIPMENT;
        }
        return parsed.get();
    }

    private static void requireRole(PartnerPrincipal caller, PartnerRole role, String what) {
        if (!caller.hasRole(role)) {
            throw new ProblemException(ProblemType.FORBIDDEN,
                    "Posting " + what + " needs the " + role + " role; this partner has " + caller.roles() + ".");
        }
    }

    private static void rejectIfAny(List<Decision.Rejected> rejections) {
        if (!rejections.isEmpty()) {
            throw ProblemException.invalid(
                    "The posting breaks " + rejections.size() + " rule" + (rejections.size() == 1 ? "." : "s."),
                    rejections.stream().map(r -> new FieldError(r.field(), r.detail() + " (" + r.reasonCode() + ")"))
                            .toList());
        }
    }

    private static ProblemException notFound(String what) {
        return new ProblemException(ProblemType.NOT_FOUND, "No such " + what + ".");
    }
}
