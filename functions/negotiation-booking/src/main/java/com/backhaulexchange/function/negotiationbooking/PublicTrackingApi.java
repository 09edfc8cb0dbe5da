package com.backhaulexchange.function.negotiationbooking;

import com.backhaulexchange.adapter.http.ApiRequest;
import com.backhaulexchange.adapter.http.ApiResponse;
import com.backhaulexchange.adapter.http.ApiRouter;
import com.backhaulexchange.adapter.http.problem.ProblemException;
import com.backhaulexchange.adapter.http.problem.ProblemType;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;

/** The one public route (ADR 33): a tracking link's view, outside the authorizer; the token is the credential. */
final class PublicTrackingApi {
    private final TrackingLinkService links;
    private final ObjectMapper mapper;

    PublicTrackingApi(TrackingLinkService links, ObjectMapper mapper) {
        this.links = links;
        this.mapper = mapper;
    }

    ApiRouter routes() {
        return new ApiRouter(mapper).route("GET", "/public/tracking/{token}", this::publicTracking);
    }

    /**
     * Not cached anywhere (a revoked link must stop at once), no referrer leaves with the token in the page's URL,
     * and no search engine keeps it.
     */
    private ApiResponse publicTracking(ApiRequest request) {
        var view = links.publicView(request.pathParameter("token")).orElseThrow(
                () -> new ProblemException(ProblemType.NOT_FOUND, "No such tracking link."));
        return ApiResponse.json(mapper, 200, TrackingLinkViews.publicView(view), Map.of("Cache-Control", "no-store",
                "Referrer-Policy", "no-referrer", "X-Robots-Tag", "noindex"));
    }
}
