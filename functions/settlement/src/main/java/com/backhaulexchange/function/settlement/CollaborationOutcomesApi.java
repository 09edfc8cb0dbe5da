package com.backhaulexchange.function.settlement;

import com.backhaulexchange.adapter.http.AccessGuards;
import com.backhaulexchange.adapter.http.ApiRequest;
import com.backhaulexchange.adapter.http.ApiResponse;
import com.backhaulexchange.adapter.http.ApiRouter;
import com.backhaulexchange.adapter.http.problem.ProblemException;
import com.backhaulexchange.deal.outcome.DayLedger;
import com.backhaulexchange.deal.outcome.OutcomeLedger;
import com.backhaulexchange.deal.outcome.OutcomeQuery;
import com.backhaulexchange.kernel.policy.InvalidInputException;
import com.backhaulexchange.partner.PartnerId;
import com.backhaulexchange.settlement.collaboration.Collaboration;
import com.backhaulexchange.settlement.collaboration.CollaborationFigures;
import com.backhaulexchange.settlement.collaboration.CollaborationStore;
import com.backhaulexchange.settlement.collaboration.Member;
import com.backhaulexchange.settlement.collaboration.MemberStatus;
import com.backhaulexchange.settlement.collaboration.SettledPeriod;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /collaborations/{id}/outcomes?from=&to=}: what the collaboration achieved over a range of UTC days
 * ({@link CollaborationFigures}), for its organiser and the partners who took part in it (ACTIVE or LEFT). Anyone
 * else, an invited partner who has not accepted included, gets the 404 of an unknown collaboration. Reads one
 * ledger item per member and day with deliveries, and one settled period per period overlapping the range: at
 * most members × 366 + 56 items however long the history.
 */
final class CollaborationOutcomesApi {

    private final CollaborationStore store;
    private final OutcomeLedger ledger;
    private final ObjectMapper mapper;

    CollaborationOutcomesApi(CollaborationStore store, OutcomeLedger ledger, ObjectMapper mapper) {
        this.store = store;
        this.ledger = ledger;
        this.mapper = mapper;
    }

    ApiRouter addTo(ApiRouter router) {
        return router.route("GET", "/collaborations/{collaborationId}/outcomes", this::outcomes);
    }

    private ApiResponse outcomes(ApiRequest request) {
        var caller = AccessGuards.requirePartner(request);
        Collaboration collaboration = store.find(CollaborationApi.idOf(request))
                .orElseThrow(CollaborationService::notFound).collaboration();
        if (!collaboration.creator().equals(caller.partnerId()) && collaboration.member(caller.partnerId())
                .filter(CollaborationOutcomesApi::tookPart).isEmpty()) {
            throw CollaborationService.notFound();
        }
        LocalDate from = dateOf(request, "from");
        LocalDate to = dateOf(request, "to");
        OutcomeQuery query;
        try {
            query = new OutcomeQuery(from, to, OutcomeQuery.Granularity.DAY);
        } catch (InvalidInputException e) {
            var violation = e.violations().getFirst();
            throw ProblemException.invalidField("#/query" + violation.field(), violation.detail());
        }
        List<PartnerId> members = collaboration.members().stream().filter(CollaborationOutcomesApi::tookPart)
                .map(Member::partner).sorted(java.util.Comparator.comparing(PartnerId::value)).toList();
        Map<PartnerId, List<DayLedger>> days = new LinkedHashMap<>();
        for (PartnerId member : members) {
            days.put(member, ledger.days(member, from, to));
        }
        CollaborationFigures figures = CollaborationFigures.of(collaboration.id(), query, members, days,
                periods(collaboration, from, to));
        return ApiResponse.json(mapper, 200, CollaborationOutcomesView.of(figures));
    }

    /** The stored periods overlapping the range (settled, empty or refused); periods not closed yet have none. */
    private List<SettledPeriod> periods(Collaboration collaboration, LocalDate from, LocalDate to) {
        var schedule = collaboration.schedule();
        var end = to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        if (!schedule.hasStarted(end.minusNanos(1))) {
            return List.of();
        }
        long first = schedule.periodAt(from.atStartOfDay(ZoneOffset.UTC).toInstant()).index();
        long last = schedule.periodAt(end.minusNanos(1)).index();
        List<SettledPeriod> periods = new ArrayList<>();
        for (long index = first; index <= last; index++) {
            store.period(collaboration.id(), index).ifPresent(periods::add);
        }
        return periods;
    }

    private static boolean tookPart(Member member) {
        return member.status() == MemberStatus.ACTIVE || member.status() == MemberStatus.LEFT;
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
}
