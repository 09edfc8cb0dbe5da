package com.backhaulexchange.function.settlement;

import com.backhaulexchange.settlement.collaboration.CollaborationStore;
import com.backhaulexchange.partner.access.Principal.PartnerPrincipal;
import com.backhaulexchange.settlement.collaboration.Collaboration;
import com.backhaulexchange.settlement.collaboration.SettledPeriod;
import com.backhaulexchange.settlement.collaboration.SettlementPeriod;
import com.backhaulexchange.adapter.http.AccessGuards;
import com.backhaulexchange.adapter.http.ApiRequest;
import com.backhaulexchange.adapter.http.ApiResponse;
import com.backhaulexchange.adapter.http.ApiRouter;
import com.backhaulexchange.adapter.http.problem.Problem;
import com.backhaulexchange.adapter.http.problem.ProblemException;
import com.backhaulexchange.adapter.http.problem.ProblemType;
import com.backhaulexchange.settlement.Statement;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The operator's period close and the members' statements of settled periods. */
final class PeriodApi {
    static final String PERIOD_NOT_CLOSED = "PERIOD_NOT_CLOSED";
    static final String PERIOD_NOT_SETTLED = "PERIOD_NOT_SETTLED";
    static final String NO_STATEMENT = "NO_STATEMENT";
    /** Period numbers beyond this are no period of any collaboration (a weekly one would run 19 million years). */
    static final long MAX_PERIOD_INDEX = 999_999_999L;

    private final CollaborationStore store;
    private final CollaborationService collaborations;
    private final SettlementMessages messages;
    private final ObjectMapper mapper;
    private final Clock clock;

    PeriodApi(CollaborationStore store, CollaborationService collaborations, SettlementMessages messages,
            ObjectMapper mapper, Clock clock) {
        this.store = store;
        this.collaborations = collaborations;
        this.messages = messages;
        this.mapper = mapper;
        this.clock = clock;
    }

    ApiRouter addTo(ApiRouter router) {
        return router
                .route("POST", "/operator/collaborations/{collaborationId}/periods/{periodIndex}/close", this::close)
                .route("GET", "/collaborations/{collaborationId}/periods/{periodIndex}/statement", this::statement);
    }

    /**
     * The operator closes one period now: what the hourly schedule does for every due period. A period that
     * has not closed yet (end + 6 h grace) is a 409; a settled one answers with its outcome; otherwise the
     * (collaboration, period) message is queued for the settler (which settles any earlier unsettled period
     * first) and the answer is 202.
     */
    private ApiResponse close(ApiRequest request) {
        AccessGuards.requireOperator(request);
        String id = CollaborationApi.idOf(request);
        long index = indexOf(request);
        Collaboration collaboration = store.find(id).orElseThrow(CollaborationService::notFound).collaboration();
        SettlementPeriod period = collaboration.schedule().period(index);
        if (period.closesAt().isAfter(clock.instant())) {
            throw new ProblemException(Problem.of(ProblemType.CONFLICT, "Period " + index + " closes at "
                    + period.closesAt() + " (its end plus " + SettlementPeriod.GRACE.toHours() + " h grace).")
                    .withReasonCode(PERIOD_NOT_CLOSED));
        }
        var stored = store.period(id, index);
        if (stored.isPresent()) {
            return ApiResponse.json(mapper, 200,
                    new PeriodClose(id, index, period.closesAt().toString(), stored.get().outcome().name()));
        }
        messages.send(List.of(new SettlementMessages.PeriodDue(id, index)));
        return ApiResponse.json(mapper, 202, new PeriodClose(id, index, period.closesAt().toString(), "QUEUED"));
    }

    /** The operator's answer to a close: the period and its outcome, or QUEUED while the settler works. */
    record PeriodClose(String collaborationId, long periodIndex, String closesAt, String status) {
    }

    /**
     * The calling member's statement of a settled period: JSON, or CSV with {@code Accept: text/csv} or
     * {@code ?format=csv}. Only members of that period have one; the organiser who is not a member, like
     * anyone else, sees no statement (404), and outsiders are told the collaboration does not exist.
     */
    private ApiResponse statement(ApiRequest request) {
        PartnerPrincipal caller = AccessGuards.requirePartner(request);
        String id = CollaborationApi.idOf(request);
        long index = indexOf(request);
        collaborations.read(caller.partnerId(), id);
        var stored = store.period(id, index).orElseThrow(() -> new ProblemException(Problem.of(ProblemType.NOT_FOUND,
                "Period " + index + " is not settled yet.").withReasonCode(PERIOD_NOT_SETTLED)));
        Statement statement = stored.statementOf(caller.partnerId()).orElseThrow(() -> new ProblemException(
                Problem.of(ProblemType.NOT_FOUND, "You have no statement for period " + index
                        + ": you were not one of its members" + (stored.outcome() instanceof SettledPeriod.Settled
                                ? "" : ", or it settled nothing (" + stored.outcome().name() + ")") + ".")
                        .withReasonCode(NO_STATEMENT)));
        if (wantsCsv(request)) {
            return new ApiResponse(200, Map.of("Content-Type", "text/csv; charset=utf-8", "Content-Disposition",
                    "attachment; filename=\"statement-" + id + "-" + index + ".csv\""), statement.toCsv());
        }
        return ApiResponse.json(mapper, 200, statement);
    }

    private static boolean wantsCsv(ApiRequest request) {
        if (request.query("format").map(format -> format.equalsIgnoreCase("csv")).orElse(false)) {
            return true;
        }
        return request.header("Accept").map(accept -> accept.toLowerCase(Locale.ROOT).contains("text/csv"))
                .orElse(false);
    }

    private static long indexOf(ApiRequest request) {
        String text = request.pathParameter("periodIndex");
        if (text == null || !text.matches("[0-9]{1,9}") || Long.parseLong(text) > MAX_PERIOD_INDEX) {
            throw new ProblemException(Problem.of(ProblemType.NOT_FOUND, "No such period.")
                    .withReasonCode("PERIOD_NOT_FOUND"));
        }
        return Long.parseLong(text);
    }
}
