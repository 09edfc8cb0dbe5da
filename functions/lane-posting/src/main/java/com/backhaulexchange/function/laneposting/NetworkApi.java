package com.backhaulexchange.function.laneposting;

import com.backhaulexchange.adapter.http.AccessGuards;
import com.backhaulexchange.adapter.http.ApiRequest;
import com.backhaulexchange.adapter.http.ApiResponse;
import com.backhaulexchange.adapter.http.ApiRouter;
import com.backhaulexchange.adapter.http.problem.ProblemException;
import com.backhaulexchange.deal.network.KAnonymityPolicy;
import com.backhaulexchange.deal.network.NetworkFigures;
import com.backhaulexchange.deal.network.NetworkLedger;
import com.backhaulexchange.deal.network.NetworkWeek;
import com.backhaulexchange.deal.network.ReloadOutlook;
import com.backhaulexchange.gazetteer.LocationQuery;
import com.backhaulexchange.gazetteer.Locator;
import com.backhaulexchange.kernel.geo.GeoCellScheme;
import com.backhaulexchange.kernel.geo.Place;
import com.backhaulexchange.matching.MatchRepository;
import com.backhaulexchange.matching.MatchingRegion;
import com.backhaulexchange.matching.OptimisationPlan;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The network's figures for the operator and the reload outlook for carriers (ADR 41), both read from the
 * network counters of AnalyticsTable, never from a scan: the figures read at most 53 weeks (one query a week
 * for all regions, or one item a week for one region); an outlook reads its cells × 8 weeks by key.
 */
final class NetworkApi {
    /** The outlook's window: today or later, at most two weeks long. */
    static final int MAX_WINDOW_DAYS = 14;
    static final int DEFAULT_MAX_ORIGIN_DEADHEAD_MILES = 150;
    /** A disc this size touches at most a few precision-2 cells, so an outlook reads at most a few dozen items. */
    static final int MAX_ORIGIN_DEADHEAD_MILES = 300;
    private static final Pattern COORDINATES = Pattern.compile(
            "\\s*(-?\\d{1,3}(?:\\.\\d+)?)\\s*,\\s*(-?\\d{1,3}(?:\\.\\d+)?)\\s*");
    private static final Pattern CITY = Pattern.compile("\\s*([^,]{1,80}?)\\s*(?:,\\s*([A-Za-z]{2,3}))?\\s*");
    private static final GeoCellScheme REGIONS = new GeoCellScheme(MatchingRegion.PRECISION);

    private final NetworkLedger ledger;
    private final MatchRepository plans;
    private final Locator locator;
    private final KAnonymityPolicy kAnonymity;
    private final ObjectMapper mapper;
    private final Clock clock;

    NetworkApi(NetworkLedger ledger, MatchRepository plans, Locator locator, KAnonymityPolicy kAnonymity,
            ObjectMapper mapper, Clock clock) {
        this.ledger = ledger;
        this.plans = plans;
        this.locator = locator;
        this.kAnonymity = kAnonymity;
        this.mapper = mapper;
        this.clock = clock;
    }

    ApiRouter addTo(ApiRouter router) {
        return router.route("GET", "/operator/network/figures", this::figures)
                .route("GET", "/markets/reload-outlook", this::outlook);
    }

    private ApiResponse figures(ApiRequest request) {
        AccessGuards.requireOperator(request);
        NetworkWeek from = weekOf(request, "from");
        NetworkWeek to = weekOf(request, "to");
        if (to.compareTo(from) < 0) {
            throw ProblemException.invalidField("#/query/to", "must not be before from (" + from + ")");
        }
        if (from.weeksThrough(to) > NetworkFigures.MAX_WEEKS) {
            throw ProblemException.invalidField("#/query/to",
                    "a range is at most " + NetworkFigures.MAX_WEEKS + " weeks");
        }
        MatchingRegion region = request.query("region").map(value -> {
            if (!MatchingRegion.isValid(value)) {
                throw ProblemException.invalidField("#/query/region",
                        "must be a matching region: a geohash of " + MatchingRegion.PRECISION + " characters");
            }
            return MatchingRegion.parse(value);
        }).orElse(null);
        var entries = region == null ? ledger.allRegions(from, to) : ledger.regions(List.of(region), from, to);
        NetworkFigures figures = NetworkFigures.of(from, to, entries);
        Instant start = from.monday().atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant end = to.monday().plusWeeks(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        Map<MatchingRegion, OptimisationPlan> inRange = new LinkedHashMap<>();
        for (MatchingRegion active : figures.byRegion().keySet()) {
            plans.findPlan(active).filter(plan -> !plan.computedAt().isBefore(start) && plan.computedAt().isBefore(end))
                    .ifPresent(plan -> inRange.put(active, plan));
        }
        var view = NetworkViews.of(figures, region, inRange);
        if (wantsCsv(request)) {
            return new ApiResponse(200, Map.of("Content-Type", "text/csv; charset=utf-8", "Content-Disposition",
                    "attachment; filename=\"network-" + from + "-" + to + ".csv\""), NetworkViews.csv(view));
        }
        return ApiResponse.json(mapper, 200, view);
    }

    private ApiResponse outlook(ApiRequest request) {
        AccessGuards.requirePartner(request);
        Place near = placeOf(request);
        LocalDate today = clock.instant().atZone(ZoneOffset.UTC).toLocalDate();
        LocalDate from = dateOf(request, "from");
        LocalDate to = dateOf(request, "to");
        if (to.isBefore(from)) {
            throw ProblemException.invalidField("#/query/to", "must not be before from (" + from + ")");
        }
        if (to.isBefore(today)) {
            throw ProblemException.invalidField("#/query/to", "the window must not have ended (today is " + today
                    + " UTC)");
        }
        int days = (int) ChronoUnit.DAYS.between(from, to) + 1;
        if (days > MAX_WINDOW_DAYS) {
            throw ProblemException.invalidField("#/query/to", "a window is at most " + MAX_WINDOW_DAYS + " days");
        }
        int radius = milesOf(request);
        List<MatchingRegion> cells = REGIONS.cellsCovering(near.coordinates(), radius).stream()
                .map(MatchingRegion::new).toList();
        // The last complete weeks: the current week is still filling and would bias the rate down.
        NetworkWeek lastWeek = NetworkWeek.of(today.minusWeeks(1));
        NetworkWeek firstWeek = NetworkWeek.of(today.minusWeeks(ReloadOutlook.SAMPLE_WEEKS));
        var outlook = ReloadOutlook.estimate(ledger.regions(cells, firstWeek, lastWeek), ReloadOutlook.SAMPLE_WEEKS,
                days, kAnonymity);
        return ApiResponse.json(mapper, 200,
                NetworkViews.of(near, from, to, days, radius, cells, firstWeek, lastWeek, outlook));
    }

    private Place placeOf(ApiRequest request) {
        String near = request.query("near").orElseThrow(() -> ProblemException.invalidField("#/query/near",
                "required: \"latitude,longitude\" in degrees, or a city as \"Name, ST\""));
        var coordinates = COORDINATES.matcher(near);
        LocationQuery query;
        if (coordinates.matches()) {
            query = new LocationQuery.AtCoordinates(Double.parseDouble(coordinates.group(1)),
                    Double.parseDouble(coordinates.group(2)), null);
        } else {
            var city = CITY.matcher(near);
            if (!city.matches()) {
                throw ProblemException.invalidField("#/query/near",
                        "must be \"latitude,longitude\" in degrees, or a city as \"Name, ST\"");
            }
            query = new LocationQuery.Named(city.group(1), city.group(2));
        }
        return switch (locator.locate(query, "#/query/near")) {
            case Locator.Located.Found found -> found.place();
            case Locator.Located.NotFound notFound -> throw ProblemException.invalidField("#/query/near",
                    notFound.rejections().getFirst().detail());
        };
    }

    private static int milesOf(ApiRequest request) {
        String value = request.query("maxOriginDeadheadMiles").orElse(null);
        if (value == null) {
            return DEFAULT_MAX_ORIGIN_DEADHEAD_MILES;
        }
        try {
            int miles = Integer.parseInt(value);
            if (miles >= 1 && miles <= MAX_ORIGIN_DEADHEAD_MILES) {
                return miles;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ProblemException.invalidField("#/query/maxOriginDeadheadMiles",
                "must be a whole number of miles from 1 to " + MAX_ORIGIN_DEADHEAD_MILES);
    }

    private static NetworkWeek weekOf(ApiRequest request, String name) {
        String value = request.query(name).orElseThrow(() -> ProblemException.invalidField("#/query/" + name,
                "required: an ISO week YYYY-Www"));
        try {
            return NetworkWeek.parse(value);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("#/query/" + name, "must be an ISO week YYYY-Www, was " + value);
        }
    }

    private static LocalDate dateOf(ApiRequest request, String name) {
        String value = request.query(name).orElseThrow(() -> ProblemException.invalidField("#/query/" + name,
                "required: a date YYYY-MM-DD (UTC)"));
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalidField("#/query/" + name, "must be a date YYYY-MM-DD, was " + value);
        }
    }

    private static boolean wantsCsv(ApiRequest request) {
        if (request.query("format").map(format -> format.equalsIgnoreCase("csv")).orElse(false)) {
            return true;
        }
        return request.header("Accept").map(accept -> accept.toLowerCase(Locale.ROOT).contains("text/csv"))
                .orElse(false);
    }
}
